// 钦州市烟草专卖局(公司)客户经理岗位等级管理实施细则: the ladder (三) and hiring conditions (四).
export const TOBACCO_GRADES_YAML = `
id: tobacco-grades
kind: ladder
title: { zh: 烟草客户经理岗位等级, en: Tobacco customer-manager position grades }
version: 1
effective: { from: 2026-01-01, to: null }
source:
  title: 钦州市烟草专卖局(公司)客户经理岗位等级管理实施细则
  clauses:
    - { ref: "3", text: "高级技师、技师、高级职业资格、中级职业资格、初级职业资格，共设为十个等级六十个档次。" }
tracks:
  - { id: cm, label: { zh: 客户经理（含座席员）, en: Customer managers incl. seat operators } }
levels:
  - { id: senior-technician, label: { zh: 高级技师, en: Senior technician }, steps: 6, clause: "3", qualificationRequired: true }
  - { id: technician, label: { zh: 技师, en: Technician }, steps: 6, clause: "3", qualificationRequired: true }
  - { id: senior-qual, label: { zh: 高级职业资格, en: Senior vocational qualification }, steps: 6, clause: "3", qualificationRequired: true }
  - { id: mid-qual-1, label: { zh: 中级职业资格一级, en: Intermediate qualification 1 }, steps: 6, clause: "3", qualificationRequired: true }
  - { id: mid-qual-2, label: { zh: 中级职业资格二级, en: Intermediate qualification 2 }, steps: 6, clause: "3", qualificationRequired: true }
  - { id: mid-qual-3, label: { zh: 中级职业资格三级, en: Intermediate qualification 3 }, steps: 6, clause: "3", qualificationRequired: true }
  - { id: mid-qual-4, label: { zh: 中级职业资格四级, en: Intermediate qualification 4 }, steps: 6, clause: "3", qualificationRequired: true }
  - { id: junior-qual-1, label: { zh: 初级职业资格一级, en: Junior qualification 1 }, steps: 6, clause: "3" }
  - { id: junior-qual-2, label: { zh: 初级职业资格二级, en: Junior qualification 2 }, steps: 6, clause: "3" }
  - { id: junior-qual-3, label: { zh: 初级职业资格三级, en: Junior qualification 3 }, steps: 6, clause: "3" }
expected: { levels: 10, grades: 60 }
decisions:
  - id: qualification
    clause: "3"
    original: "高级技师、技师、高级职业资格、中级职业资格、初级职业资格"
    reading: { zh: 中级职业资格及以上各等级须取得相应职业资格方享受该等级待遇；初级不需要。, en: "From the intermediate qualification up, a level's benefits need that vocational qualification; junior levels do not." }
    why: { zh: 等级以职业资格命名，初级为入职起点。, en: "The levels are named after vocational qualifications; junior is where people start." }
  - id: level-order
    clause: "3"
    original: "中级职业资格分为四个等级……初级职业资格分为三个等级"
    reading: { zh: 中级、初级职业资格的各等级按一级最高排列。, en: "Within the intermediate and junior qualifications, level 1 is the highest." }
    why: { zh: 细则未规定等级内的排列顺序，按职业资格通行的一级为高。, en: The rule book does not order the levels; level 1 highest is the usual reading of vocational grades. }
---
id: tobacco-hiring
kind: eligibility
title: { zh: 烟草客户经理选聘条件, en: Tobacco customer-manager hiring conditions }
version: 1
effective: { from: 2026-01-01, to: null }
source:
  title: 钦州市烟草专卖局(公司)客户经理岗位等级管理实施细则
  clauses:
    - { ref: "4.1", text: "男性年龄45岁以下，女性年龄43岁以下，文化程度大专以上，品质优良……" }
    - { ref: "4.2", text: "客户经理的选聘一般通过公开竞聘的方式进行，客户经理进入岗位前必须实行培训，考试合格后方予以聘用。" }
facts:
  - { name: gender, type: enum, values: [male, female], label: { zh: 性别, en: Gender } }
  - { name: birthDate, type: date, label: { zh: 出生日期, en: Birth date } }
  - { name: competitionDate, type: date, label: { zh: 竞聘日期, en: Competition date } }
  - { name: education, type: enum, values: [junior_middle, senior_middle, technical_secondary, college, bachelor, master, doctor], label: { zh: 学历, en: Education } }
  - { name: characterReview, type: boolean, label: { zh: 品质考察合格, en: Character review passed } }
  - { name: trainingExamScore, type: number, label: { zh: 岗前培训考试成绩, en: Pre-appointment exam score } }
rules:
  - { id: age, label: { zh: 年龄, en: Age }, clause: "4.1", test: { ageAtMost: { male: 45, female: 43 }, on: competitionDate } }
  - { id: education, label: { zh: 文化程度, en: Education }, clause: "4.1", test: { educationAtLeast: college } }
  - { id: character, label: { zh: 品质优良, en: Good character }, clause: "4.1", test: { fact: characterReview, op: eq, value: true, label: { zh: 品质考察, en: Character review } } }
  - { id: exam, label: { zh: 培训考试合格, en: Training exam passed }, clause: "4.2", test: { fact: trainingExamScore, op: gte, value: 60, label: { zh: 考试成绩, en: Exam score } } }
decisions:
  - id: age-inclusive
    clause: "4.1"
    original: "男性年龄45岁以下，女性年龄43岁以下"
    reading: { zh: 以竞聘日的周岁计，45岁（女43岁）仍符合。, en: "Full years on the competition date; a man of exactly 45 (a woman of 43) qualifies." }
    why: { zh: 民法典第1259条：“以下”包括本数。, en: "Civil Code art. 1259: 以下 includes the number." }
  - id: pass-mark
    clause: "4.2"
    original: "考试合格后方予以聘用"
    reading: { zh: 考试60分及以上为合格。, en: A score of 60 or more passes. }
    why: { zh: 细则未给出及格线，采用百分制通行的60分。, en: The rule book gives no pass mark; 60 of 100 is the usual one. }
`;
