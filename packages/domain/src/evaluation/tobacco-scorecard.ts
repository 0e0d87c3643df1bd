import type { ScorecardDef } from './scorecard.ts';

/**
 * The tobacco evaluation rule book (烟草客户经理考核细则) as a scorecard, kept here until the
 * policy engine ships the `tobacco-evaluation` preset. Indicators: sales (amount vs target,
 * new customers, average order value), customer satisfaction (complaints — fewer is better,
 * survey rating, retention), competence (communication, teamwork, learning — 360-degree).
 * Weights, targets and bands are Kehu's decisions: the rule book names indicators only.
 */
export const TOBACCO_SCORECARD: ScorecardDef = {
  id: 'tobacco-evaluation',
  version: 1,
  title: { zh: '烟草客户经理考核细则（季度）', en: 'Tobacco customer-manager evaluation (quarterly)' },
  cycle: 'quarter',
  raters: [
    { role: 'superior', weight: 50, minRespondents: 1, anonymous: false },
    { role: 'peer', weight: 30, minRespondents: 3, anonymous: true },
    { role: 'subordinate', weight: 10, minRespondents: 3, anonymous: true },
    { role: 'self', weight: 10, minRespondents: 1, anonymous: false },
  ],
  items: [
    { id: 'sales', group: 'sales', label: { zh: '销售额完成率', en: 'Sales vs target' }, clause: '考核细则·销售指标', weight: 25, source: 'evaluator', completion: { kind: 'ratio', target: 100 }, floor: 0, cap: 1.2 },
    { id: 'newCustomers', group: 'sales', label: { zh: '新增客户数', en: 'New customers' }, clause: '考核细则·销售指标', weight: 10, source: 'data', figure: 'newCustomers', completion: { kind: 'ratio', target: 5 }, floor: 0, cap: 1.2 },
    { id: 'avgOrder', group: 'sales', label: { zh: '客单价完成率', en: 'Average order value vs target' }, clause: '考核细则·销售指标', weight: 10, source: 'evaluator', completion: { kind: 'ratio', target: 100 }, floor: 0, cap: 1.2 },
    { id: 'complaints', group: 'satisfaction', label: { zh: '客户投诉（越少越好）', en: 'Complaints (fewer is better)' }, clause: '考核细则·客户满意度', weight: 10, source: 'data', figure: 'complaints', completion: { kind: 'fewerIsBetter', perUnit: 0.25 }, floor: 0, cap: 1 },
    { id: 'surveyRating', group: 'satisfaction', label: { zh: '满意度调查评分', en: 'Survey rating' }, clause: '考核细则·客户满意度', weight: 10, source: 'data', figure: 'surveyRating', completion: { kind: 'scale', max: 5 }, floor: 0, cap: 1 },
    { id: 'retention', group: 'satisfaction', label: { zh: '客户保有率', en: 'Retention rate' }, clause: '考核细则·客户满意度', weight: 10, source: 'data', figure: 'retention', completion: { kind: 'scale', max: 100 }, floor: 0, cap: 1 },
    { id: 'communication', group: 'competence', label: { zh: '沟通能力', en: 'Communication' }, clause: '考核细则·能力素质', weight: 9, source: '360', completion: { kind: 'scale', max: 100 }, floor: 0, cap: 1 },
    { id: 'teamwork', group: 'competence', label: { zh: '团队协作', en: 'Teamwork' }, clause: '考核细则·能力素质', weight: 8, source: '360', completion: { kind: 'scale', max: 100 }, floor: 0, cap: 1 },
    { id: 'learning', group: 'competence', label: { zh: '学习能力', en: 'Learning' }, clause: '考核细则·能力素质', weight: 8, source: '360', completion: { kind: 'scale', max: 100 }, floor: 0, cap: 1 },
  ],
  conduct: { clause: '足浴/酒店规章·奖惩', cap: 10 },
  vetoClause: '一票否决（严重违纪）',
  bands: [
    { grade: 'A', label: { zh: '优秀', en: 'Excellent' }, min: 90, quotaPercent: 20, coefficient: 1.2 },
    { grade: 'B', label: { zh: '良好', en: 'Good' }, min: 80, quotaPercent: null, coefficient: 1.0 },
    { grade: 'C', label: { zh: '合格', en: 'Adequate' }, min: 60, quotaPercent: null, coefficient: 0.9 },
    { grade: 'D', label: { zh: '不合格', en: 'Inadequate' }, min: null, quotaPercent: 10, coefficient: 0.7 },
  ],
  appealDays: 7,
};

const SCORECARDS: Record<string, ScorecardDef> = { [TOBACCO_SCORECARD.id]: TOBACCO_SCORECARD };

/** Scorecards Kehu can run a cycle on, by id. */
export function scorecardById(id: string): ScorecardDef | null {
  return SCORECARDS[id] ?? null;
}
export function scorecardIds(): string[] {
  return Object.keys(SCORECARDS);
}
