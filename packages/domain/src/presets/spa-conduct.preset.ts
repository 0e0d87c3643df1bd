// 足浴客户经理规章制度: discipline (chapter 3) and rewards and penalties (chapter 4) as conduct points.
export const SPA_CONDUCT_YAML = `
id: spa-conduct
kind: scorecard
title: { zh: 足浴客户经理规章制度（奖惩）, en: Foot-spa manager rules (conduct) }
version: 1
effective: { from: 2026-01-01, to: null }
source:
  title: 足浴客户经理规章制度
  clauses:
    - { ref: "10", text: "工作期间应穿着整洁，仪容端庄，不得穿着拖鞋、短裤等不得体的服装。" }
    - { ref: "11", text: "应按时上下班，不得擅自迟到早退，否则将受到相应处罚。" }
    - { ref: "12", text: "保持工作场所整洁卫生，定期消毒设备。" }
    - { ref: "13", text: "严格遵守公司保密制度，尊重客人隐私，不得泄露客人信息。" }
    - { ref: "14", text: "不得在工作期间私自接受客户礼物，不得与客户发生不正当关系。" }
    - { ref: "15", text: "不得擅自请假或串通请假。" }
    - { ref: "16", text: "根据工作表现和服务质量评定，可获得公司颁发的奖励，并有机会获得晋升机会。" }
    - { ref: "17", text: "如有违规行为或不当行为，将受到公司严厉处罚，包括扣减工资、解除劳动合同等。" }
cycle: month
facts:
  - { name: score, type: map, label: { zh: 服务质量评定(0-1), en: Service rating (0-1) } }
  - { name: conduct.dress, type: count, label: { zh: 着装违规次数, en: Dress violations } }
  - { name: conduct.late, type: count, label: { zh: 迟到早退次数, en: Late arrivals / early leaves } }
  - { name: conduct.hygiene, type: count, label: { zh: 卫生消毒违规次数, en: Hygiene violations } }
  - { name: conduct.unauthorisedLeave, type: count, label: { zh: 擅自请假次数, en: Unauthorised leave } }
  - { name: conduct.awards, type: count, label: { zh: 公司奖励次数, en: Company awards } }
  - { name: conduct.privacyBreach, type: boolean, label: { zh: 泄露客人信息, en: Leaked guest information } }
  - { name: conduct.gifts, type: boolean, label: { zh: 私收礼物或不正当关系, en: Took gifts or improper relation } }
items:
  - { id: service, label: { zh: 服务质量评定, en: Service quality rating }, clause: "16", weight: 100, source: evaluator }
adjustments:
  - { id: dress, label: { zh: 着装违规每次扣2分, en: Dress violation −2 each }, clause: "10", points: "-2 * conduct.dress", cap: 20 }
  - { id: late, label: { zh: 迟到早退每次扣2分, en: Late or early −2 each }, clause: "11", points: "-2 * conduct.late", cap: 20 }
  - { id: hygiene, label: { zh: 卫生消毒违规每次扣5分, en: Hygiene violation −5 each }, clause: "12", points: "-5 * conduct.hygiene", cap: 30 }
  - { id: leave, label: { zh: 擅自请假每次扣5分, en: Unauthorised leave −5 each }, clause: "15", points: "-5 * conduct.unauthorisedLeave", cap: 30 }
  - { id: awards, label: { zh: 公司奖励每次加5分, en: Company award +5 each }, clause: "16", points: "5 * conduct.awards", cap: 10 }
vetoes:
  - { id: privacy, label: { zh: 泄露客人信息, en: Leaked guest information }, clause: "13", when: { field: conduct.privacyBreach, op: eq, value: true } }
  - { id: gifts, label: { zh: 私收礼物或不正当关系, en: Gifts or improper relation }, clause: "14", when: { field: conduct.gifts, op: eq, value: true } }
bands:
  - { grade: A, label: { zh: 优秀（可获奖励与晋升机会）, en: Excellent (award and promotion chance) }, min: { value: 95, inclusive: true }, coefficient: 1.1 }
  - { grade: B, label: { zh: 合格, en: Satisfactory }, min: { value: 70, inclusive: true }, max: { value: 95, inclusive: false }, coefficient: 1.0 }
  - { grade: C, label: { zh: 扣减工资, en: Pay reduced }, min: { value: 50, inclusive: true }, max: { value: 70, inclusive: false }, coefficient: 0.9 }
  - { grade: D, label: { zh: 严重违规（可解除劳动合同）, en: Serious breach (may end the contract) }, max: { value: 50, inclusive: false }, coefficient: 0.8 }
decisions:
  - id: amounts
    clause: "17"
    original: "将受到公司严厉处罚，包括扣减工资、解除劳动合同等"
    reading: { zh: 以月度品行分记录：各项违规按上表扣分，奖励加分；分数对应工资系数。, en: "Conduct is kept as monthly points: each breach costs the points listed, awards add; the points map to a pay coefficient." }
    why: { zh: 规章只写“相应处罚”，未给金额；门店可按此默认值调整。, en: "The rules say only 'corresponding penalty' without amounts; stores may change these defaults." }
  - id: veto
    clause: "13"
    original: "不得泄露客人信息……不得私自接受客户礼物"
    reading: { zh: 泄密、私收礼物或不正当关系一票否决，当月品行分为0。, en: "Leaking guest data, taking gifts or an improper relation is a veto: the month's conduct score is 0." }
    why: { zh: 属于保密与廉洁的底线要求。, en: These are the confidentiality and integrity red lines. }
`;
