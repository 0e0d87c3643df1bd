// 银行客户经理管理办法(试行) 银发〔2005〕288号: four categories, 11 grades over four levels plus
// four senior-expert levels (art. 3); qualification gates benefits (art. 4); five-dimension evaluation (art. 5).
export const BANK_2005_YAML = `
id: bank-2005
kind: ladder
title: { zh: 银行客户经理级档（银发〔2005〕288号）, en: Bank customer-manager grades (2005 rules) }
version: 1
effective: { from: 2005-07-21, to: null }
source:
  title: 银行客户经理管理办法（试行）银发〔2005〕288号
  clauses:
    - { ref: "3", text: "客户经理分市场经理、信贷业务经理、营销设计经理及专业经理四类……设高级客户经理、客户经理、助理客户经理、见习客户经理四个级别，共11个档次……资深客户经理设4个级别。" }
    - { ref: "4", text: "助理客户经理级1以上(含)……上岗前需取得相应的客户经理资格。不具备客户经理资格的，不得享受相应的客户经理待遇。具备某级别客户经理资格，但业绩未达到该级别标准的，也不得享受该级别的客户经理待遇。" }
    - { ref: "6", text: "客户经理级档实行浮动管理……能上能下。" }
tracks:
  - { id: market, label: { zh: 市场经理（资源型）, en: Market manager (resource) } }
  - { id: credit, label: { zh: 信贷业务经理（资源能力型）, en: Credit business manager (resource + ability) } }
  - { id: marketing_design, label: { zh: 营销设计经理（能力型）, en: Marketing design manager (ability) } }
  - { id: specialist, label: { zh: 专业经理（能力型）, en: Specialist manager (ability) } }
levels:
  - { id: senior-expert-1, label: { zh: 资深客户经理一级, en: Senior expert 1 }, steps: 1, clause: "3", qualificationRequired: true, seniorExpert: true }
  - { id: senior-expert-2, label: { zh: 资深客户经理二级, en: Senior expert 2 }, steps: 1, clause: "3", qualificationRequired: true, seniorExpert: true }
  - { id: senior-expert-3, label: { zh: 资深客户经理三级, en: Senior expert 3 }, steps: 1, clause: "3", qualificationRequired: true, seniorExpert: true }
  - { id: senior-expert-4, label: { zh: 资深客户经理四级, en: Senior expert 4 }, steps: 1, clause: "3", qualificationRequired: true, seniorExpert: true }
  - { id: senior, label: { zh: 高级客户经理, en: Senior customer manager }, steps: 4, clause: "3", qualificationRequired: true }
  - { id: manager, label: { zh: 客户经理, en: Customer manager }, steps: 3, clause: "3", qualificationRequired: true }
  - { id: assistant, label: { zh: 助理客户经理, en: Assistant customer manager }, steps: 3, clause: "4", qualificationRequired: true }
  - { id: trainee, label: { zh: 见习客户经理, en: Trainee customer manager }, steps: 1, clause: "3", qualificationRequired: false }
expected: { levels: 4, grades: 11 }
benefitsRule:
  clause: "4"
  text: { zh: 未取得所在级别任职资格，或业绩未达到该级别标准的，不享受该级别待遇；系统分别显示所持级档与实际享受待遇的级档。, en: "Without the level's qualification, or below the level's performance standard, no benefits of that level; Kehu shows both the grade held and the grade whose benefits apply." }
decisions:
  - id: assistant-1
    clause: "4"
    original: "助理客户经理级1以上(含)"
    reading: { zh: 助理客户经理各档及以上均须取得资格；见习客户经理不需要。, en: "Every assistant step and above needs the qualification; trainees do not." }
    why: { zh: “以上(含)”包括助理级1本身。, en: "以上(含) includes assistant level 1 itself." }
  - id: categories
    clause: "3"
    original: "营销设计经理及专业经理（能力型）"
    reading: { zh: 四类各为一个序列，级档设置相同。, en: "Each of the four categories is a track with the same levels and steps." }
    why: { zh: 办法未对各类分设不同档次。, en: The rules give no different steps per category. }
---
id: bank-2005-evaluation
kind: scorecard
title: { zh: 银行客户经理综合评价（五个方面）, en: Bank customer-manager evaluation (five dimensions) }
version: 1
effective: { from: 2005-07-21, to: null }
source:
  title: 银行客户经理管理办法（试行）银发〔2005〕288号
  clauses:
    - { ref: "5", text: "业绩指标、职业道德、基础管理工作、信贷操作及管理、服务质量五个方面的全面综合评价考核。日常按季进行评价考核，年度进行全面评价考核。" }
cycle: quarter
facts:
  - { name: performanceCompletion, type: rate, label: { zh: 业绩指标完成率, en: Performance indicators completion } }
  - { name: score, type: map, label: { zh: 评价人评分(0-1), en: Evaluator ratings (0-1) } }
  - { name: newNplResponsible, type: boolean, label: { zh: 新增责任不良贷款, en: New NPL under own responsibility } }
items:
  - { id: performance, label: { zh: 业绩指标, en: Performance indicators }, clause: "5", weight: 50, completion: performanceCompletion, floor: -0.5, cap: 1.5 }
  - { id: ethics, label: { zh: 职业道德, en: Professional ethics }, clause: "5", weight: 10, source: evaluator }
  - { id: basics, label: { zh: 基础管理工作, en: Basic management work }, clause: "5", weight: 10, source: evaluator }
  - { id: credit, label: { zh: 信贷操作及管理, en: Credit operations }, clause: "5", weight: 20, source: evaluator }
  - { id: service, label: { zh: 服务质量, en: Service quality }, clause: "5", weight: 10, source: survey }
vetoes:
  - { id: npl, label: { zh: 新增责任不良贷款, en: New NPL under own responsibility }, clause: "5", when: { field: newNplResponsible, op: eq, value: true } }
bands:
  - { grade: up, label: { zh: 升档, en: Step up }, min: { value: 100, inclusive: true }, quotaPercent: 15, coefficient: 1.2 }
  - { grade: keep, label: { zh: 保持, en: Keep }, min: { value: 70, inclusive: true }, max: { value: 100, inclusive: false }, coefficient: 1.0 }
  - { grade: down, label: { zh: 降档, en: Step down }, max: { value: 70, inclusive: false }, coefficient: 0.8 }
decisions:
  - id: quota-rounding
    clause: "6"
    original: "客户经理级档实行浮动管理"
    reading: { zh: 升档名额按人数×15%向下取整，不设“至少一名”。, en: "Step-up places = people × 15% rounded down, no minimum of one." }
    why: { zh: 比例是上限，与其他评分卡同一规则。, en: "The percentage is a ceiling, the same rule as every scorecard." }
  - id: weights
    clause: "5"
    original: "五个方面的全面综合评价考核"
    reading: { zh: 业绩50、信贷操作20、职业道德/基础管理/服务质量各10。, en: "Performance 50, credit operations 20, ethics, basic work and service 10 each." }
    why: { zh: 办法未给权重；“绩效挂钩”，业绩权重最高。, en: "No weights are given; pay is tied to results, so performance weighs most." }
`;
