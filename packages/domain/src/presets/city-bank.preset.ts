// 某市商业银行客户经理管理办法: three levels (art. 3) and the two routes to qualification (art. 9).
export const CITY_BANK_YAML = `
id: city-bank
kind: eligibility
title: { zh: 某市商业银行客户经理任职资格, en: City commercial bank — customer-manager qualification }
version: 1
effective: { from: 2026-01-01, to: null }
source:
  title: 某市商业银行客户经理管理办法
  clauses:
    - { ref: "3", text: "本行客户经理分为高级客户经理、中级客户经理、初级客户经理三级。" }
    - { ref: "9", text: "由市行统一组织面试与笔试……对考试考核不及格，但个人2003年累计日均存款在300万元以上的市场营销人员，可暂定为初级客户经理任职资格。" }
facts:
  - { name: writtenScore, type: number, optional: true, label: { zh: 笔试成绩, en: Written test } }
  - { name: interviewScore, type: number, optional: true, label: { zh: 面试成绩, en: Interview } }
  - { name: avgDailyDeposit2003, type: money, unit: 元, optional: true, label: { zh: 2003年累计日均存款, en: 2003 average daily deposits } }
combine: any
rules:
  - id: exam
    label: { zh: 笔试与面试合格, en: Written test and interview passed }
    clause: "9"
    grants: per-exam-level
    test: { all: [ { fact: writtenScore, op: gte, value: 60, label: { zh: 笔试成绩, en: Written score } }, { fact: interviewScore, op: gte, value: 60, label: { zh: 面试成绩, en: Interview score } } ] }
  - id: deposits
    label: { zh: 2003年日均存款300万元以上（暂定初级）, en: "2003 average daily deposits ≥ 3,000,000 (provisional junior)" }
    clause: "9"
    grants: provisional-junior
    test: { fact: avgDailyDeposit2003, op: gte, value: 3000000, label: { zh: 2003年日均存款, en: 2003 average daily deposits } }
decisions:
  - id: pass-mark
    clause: "9"
    original: "根据面试与笔试结果，确定客户经理任职资格与等级"
    reading: { zh: 笔试、面试均60分及以上为合格，等级按总分另定。, en: "60 or more in both passes; the level follows from the total separately." }
    why: { zh: 办法未给及格线。, en: No pass mark is given. }
  - id: deposits-inclusive
    clause: "9"
    original: "2003年累计日均存款在300万元以上"
    reading: { zh: 恰为300万元也符合。, en: Exactly 3,000,000 qualifies. }
    why: { zh: 民法典第1259条：“以上”包括本数。, en: "Civil Code art. 1259: 以上 includes the number." }
---
id: city-bank-ladder
kind: ladder
title: { zh: 某市商业银行客户经理等级, en: City commercial bank — manager levels }
version: 1
effective: { from: 2026-01-01, to: null }
source: { title: 某市商业银行客户经理管理办法, clauses: [] }
tracks:
  - { id: cm, label: { zh: 客户经理（含支行行长、营业部总经理）, en: Customer managers incl. branch heads } }
levels:
  - { id: senior, label: { zh: 高级客户经理, en: Senior }, steps: 1, clause: "3", qualificationRequired: true }
  - { id: intermediate, label: { zh: 中级客户经理, en: Intermediate }, steps: 1, clause: "3", qualificationRequired: true }
  - { id: junior, label: { zh: 初级客户经理, en: Junior }, steps: 1, clause: "3", qualificationRequired: true }
expected: { levels: 3, grades: 3 }
`;
