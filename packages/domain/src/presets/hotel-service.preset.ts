// 酒店客服经理规章制度: service quality, complaints, teamwork, appraisal, training, violations.
export const HOTEL_SERVICE_YAML = `
id: hotel-service
kind: scorecard
title: { zh: 酒店客服经理考核, en: Hotel customer-service manager appraisal }
version: 1
effective: { from: 2026-01-01, to: null }
source:
  title: 酒店客服经理规章制度
  clauses:
    - { ref: "2.1", text: "热情接待客户，解答客户问题，及时处理客户投诉，确保客户满意度提升。" }
    - { ref: "3.1", text: "积极协调团队合作，促进同事之间的团结和互助。" }
    - { ref: "4.2", text: "建立完善的培训制度，定期组织培训活动。" }
    - { ref: "5.2", text: "如有违反规章制度的行为，将受到相应的处罚。" }
cycle: month
facts:
  - { name: complaintsHandled, type: count, label: { zh: 受理投诉数, en: Complaints received } }
  - { name: complaintsInTime, type: count, label: { zh: 按时办结投诉数, en: Complaints closed in time } }
  - { name: surveyRating, type: number, label: { zh: 满意度评分(1-5), en: Survey rating (1-5) } }
  - { name: trainingHours, type: number, label: { zh: 培训学时, en: Training hours } }
  - { name: score, type: map, label: { zh: 评价人评分(0-1), en: Evaluator ratings (0-1) } }
  - { name: violations, type: count, label: { zh: 违规次数, en: Violations } }
items:
  - { id: timely, label: { zh: 投诉及时处理率, en: Complaints handled in time }, clause: "2.1", weight: 30, completion: "complaintsHandled > 0 ? complaintsInTime / complaintsHandled : 1" }
  - { id: satisfaction, label: { zh: 客户满意度, en: Customer satisfaction }, clause: "2.1", weight: 30, completion: "surveyRating / 5", source: survey }
  - { id: teamwork, label: { zh: 团队合作, en: Teamwork }, clause: "3.1", weight: 20, source: "360" }
  - { id: training, label: { zh: 培训完成, en: Training }, clause: "4.2", weight: 20, completion: "trainingHours / 8" }
adjustments:
  - { id: violations, label: { zh: 违规每次扣5分, en: Each violation −5 }, clause: "5.2", points: "-5 * violations", cap: 30 }
bands:
  - { grade: A, label: { zh: 奖励, en: Reward }, min: { value: 90, inclusive: true }, coefficient: 1.1 }
  - { grade: B, label: { zh: 合格, en: Satisfactory }, min: { value: 70, inclusive: true }, max: { value: 90, inclusive: false }, coefficient: 1.0 }
  - { grade: C, label: { zh: 处罚, en: Penalty }, max: { value: 70, inclusive: false }, coefficient: 0.9 }
decisions:
  - id: all
    clause: "4.1"
    original: "建立健全的绩效考核制度，定期评估员工的工作表现，给予奖励和惩罚"
    reading: { zh: 按月考核；权重与扣分标准为默认值，酒店可调整。, en: "Monthly; the weights and penalty points are defaults the hotel may change." }
    why: { zh: 规章要求建立考核制度但未给出任何数值。, en: The rules require an appraisal system but give no numbers. }
  - id: training-hours
    clause: "4.2"
    original: "定期组织培训活动"
    reading: { zh: 每月8学时为完成。, en: 8 hours a month counts as complete. }
    why: { zh: 未规定学时。, en: No hours are set. }
`;
