// 烟草客户经理考核细则: sales, customer satisfaction and competence, evaluated each quarter.
export const TOBACCO_EVALUATION_YAML = `
id: tobacco-evaluation
kind: scorecard
title: { zh: 烟草客户经理考核, en: Tobacco customer-manager evaluation }
version: 1
effective: { from: 2026-01-01, to: null }
source:
  title: 烟草客户经理考核细则
  clauses:
    - { ref: "2.1", text: "销售额、新客户数量、客单价" }
    - { ref: "2.2", text: "客户投诉数量、客户评价、客户保留率" }
    - { ref: "2.3", text: "沟通能力、团队合作、学习能力" }
    - { ref: "3.1", text: "每季度、每半年或每年进行一次绩效评估" }
cycle: quarter
facts:
  - { name: salesYuan, type: money, unit: 元, label: { zh: 销售额, en: Sales } }
  - { name: salesTargetYuan, type: money, unit: 元, label: { zh: 销售目标, en: Sales target } }
  - { name: newCustomers, type: count, label: { zh: 新客户数, en: New customers } }
  - { name: newCustomersTarget, type: count, label: { zh: 新客户目标, en: New-customer target } }
  - { name: avgOrderYuan, type: money, unit: 元, label: { zh: 客单价, en: Average order value } }
  - { name: avgOrderTargetYuan, type: money, unit: 元, label: { zh: 客单价目标, en: Average order target } }
  - { name: complaints, type: count, label: { zh: 投诉数, en: Complaints } }
  - { name: surveyRating, type: number, unit: "分(1-5)", label: { zh: 满意度评分, en: Survey rating } }
  - { name: retentionRate, type: rate, label: { zh: 客户保留率, en: Retention rate } }
  - { name: score, type: map, label: { zh: 评价人评分(0-1), en: Evaluator ratings (0-1) } }
  - { name: seriousViolation, type: boolean, label: { zh: 严重违纪, en: Serious violation } }
  - { name: conductPoints, type: number, unit: 分, label: { zh: 奖惩记录加减分, en: Conduct record points } }
raters:
  - { role: superior, weight: 50, minRespondents: 1 }
  - { role: peer, weight: 20, minRespondents: 3, anonymous: true }
  - { role: subordinate, weight: 10, minRespondents: 3, anonymous: true }
  - { role: self, weight: 10, minRespondents: 1 }
  - { role: customer, weight: 10, minRespondents: 5 }
items:
  - { id: sales, group: sales, label: { zh: 销售额完成率, en: Sales vs target }, clause: "2.1", weight: 30, completion: "salesYuan / salesTargetYuan", floor: -0.5, cap: 1.5 }
  - { id: newCustomers, group: sales, label: { zh: 新客户数量, en: New customers }, clause: "2.1", weight: 10, completion: "newCustomers / newCustomersTarget", floor: 0, cap: 1.5 }
  - { id: avgOrder, group: sales, label: { zh: 客单价, en: Average order value }, clause: "2.1", weight: 10, completion: "avgOrderYuan / avgOrderTargetYuan", floor: 0, cap: 1.2 }
  - { id: complaints, group: satisfaction, label: { zh: 客户投诉（越少越好）, en: Complaints (fewer is better) }, clause: "2.2", weight: 10, completion: "max(0, 1 - complaints * 0.25)", floor: 0, cap: 1 }
  - { id: survey, group: satisfaction, label: { zh: 客户评价, en: Customer survey }, clause: "2.2", weight: 10, completion: "surveyRating / 5", source: survey }
  - { id: retention, group: satisfaction, label: { zh: 客户保留率, en: Retention }, clause: "2.2", weight: 10, completion: "retentionRate" }
  - { id: communication, group: competence, label: { zh: 沟通能力, en: Communication }, clause: "2.3", weight: 7, source: "360" }
  - { id: teamwork, group: competence, label: { zh: 团队合作, en: Teamwork }, clause: "2.3", weight: 7, source: "360" }
  - { id: learning, group: competence, label: { zh: 学习能力, en: Learning }, clause: "2.3", weight: 6, source: "360" }
adjustments:
  - { id: conduct, label: { zh: 奖惩记录, en: Conduct records }, clause: "2.3", points: conductPoints, cap: 10 }
vetoes:
  - { id: violation, label: { zh: 严重违纪一票否决, en: Serious violation (veto) }, clause: "2.3", when: { field: seriousViolation, op: eq, value: true } }
bands:
  - { grade: A, label: { zh: 优秀, en: Excellent }, min: { value: 90, inclusive: true }, quotaPercent: 20, coefficient: 1.2 }
  - { grade: B, label: { zh: 良好, en: Good }, min: { value: 75, inclusive: true }, max: { value: 90, inclusive: false }, coefficient: 1.0 }
  - { grade: C, label: { zh: 合格, en: Satisfactory }, min: { value: 60, inclusive: true }, max: { value: 75, inclusive: false }, coefficient: 0.8 }
  - { grade: D, label: { zh: 不合格, en: Unsatisfactory }, max: { value: 60, inclusive: false }, coefficient: 0.5 }
appealDays: 7
decisions:
  - id: weights
    clause: "2"
    original: "从销售业绩、客户满意度和综合素质三个方面"
    reading: { zh: 销售业绩50分、客户满意度30分、综合素质20分，各项按上表分配。, en: "Sales 50 points, satisfaction 30, competence 20, split as listed." }
    why: { zh: 细则列出指标但未给权重；销售业绩是“最直接的评价标准”，权重最高。, en: "The rule book lists indicators without weights; it calls sales the most direct measure, so it weighs most." }
  - id: complaints
    clause: "2.2"
    original: "客户投诉数量……应尽量减少投诉数量"
    reading: { zh: 无投诉得满分，每件投诉扣该项25%，扣完为止。, en: "No complaint earns full marks; each complaint takes 25% of the item, down to zero." }
    why: { zh: 细则只说越少越好。, en: The rule book only says fewer is better. }
  - id: quota-rounding
    clause: "2"
    original: "优秀等次比例不超过20%"
    reading: { zh: 名额按人数×比例向下取整，不设“至少一名”：5人可评1名优秀，4人及以下不评优秀。, en: "Quota = people × percent rounded down, no minimum of one: 5 people allow one A, 4 or fewer allow none." }
    why: { zh: “不超过”即上限（民法典第1259条“不满/超过”不含本数的反面），多评一人即超比例。, en: "不超过 is a ceiling; one more A would exceed the percentage." }
  - id: customers-as-raters
    clause: "2.2"
    original: "客户评价"
    reading: { zh: 客户通过满意度调查作为360评价的一方（权重10%），本期至少5份答卷才计入；评分1–5分折算为20–100分。, en: "Customers rate through the satisfaction survey as a 360 group (weight 10%), counted only with at least 5 answers; 1–5 is scaled to 20–100." }
    why: { zh: 细则要求考虑客户评价；少于5份答卷偶然性太大。, en: "The rule book asks for the customers' view; fewer than five answers are too random." }
  - id: conduct
    clause: "2.3"
    original: "综合素质"
    reading: { zh: 本期奖惩记录的加减分计入总分，合计不超过±10分；严重违纪一票否决。, en: "Conduct records of the period add or take points, at most ±10 in total; a serious violation vetoes." }
    why: { zh: 奖惩是综合素质的记录，封顶避免一项压倒全部指标。, en: "Conduct is the record of competence; the cap keeps one record from outweighing every indicator." }
  - id: cycle
    clause: "3.1"
    original: "每季度、每半年或每年进行一次"
    reading: { zh: 按季度考核，年度结果取四个季度平均。, en: "Evaluated quarterly; the year's result is the mean of its quarters." }
    why: { zh: 季度周期最短，便于及时反馈。, en: The quarter is the shortest cycle offered and gives timely feedback. }
`;
