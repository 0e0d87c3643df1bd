import { describe, expect, it } from 'vitest';
import { computeGuaranteePeriod, type GuaranteeAction, type GuaranteeInput } from './guarantee.ts';
import { dueAlerts } from './alerts.ts';

const act = (kind: GuaranteeAction['kind'], date: string): GuaranteeAction => ({ kind, date });
const g = (extra: Partial<GuaranteeInput>): GuaranteeInput => ({ type: 'joint', mainDueDate: '2025-08-31', actions: [], ...extra });

describe('guarantee period (保证期间, arts. 686, 692, 693)', () => {
  it.each<[string, GuaranteeInput, string, { deadline: string; status: string; type?: string }]>([
    ['none agreed: 6 months from the due date, month end clamps', g({}), '2025-12-01', { deadline: '2026-02-28', status: 'running' }],
    ['agreed 2 years is kept', g({ agreedEnd: '2027-08-31' }), '2026-11-29', { deadline: '2027-08-31', status: 'running' }],
    ['agreed end before the due date → 6 months', g({ agreedEnd: '2025-06-30' }), '2025-12-01', { deadline: '2026-02-28', status: 'running' }],
    ['agreed end on the due date → 6 months', g({ agreedEnd: '2025-08-31' }), '2025-12-01', { deadline: '2026-02-28', status: 'running' }],
    ['unclear agreement → 6 months', g({ agreedEnd: '2099-01-01', agreedUnclear: true }), '2025-12-01', { deadline: '2026-02-28', status: 'running' }],
    ['joint: demand to the guarantor on the last day keeps it', g({ actions: [act('demand_to_guarantor', '2026-02-28')] }), '2026-11-29', { deadline: '2026-02-28', status: 'preserved' }],
    ['joint: demand the day after is too late', g({ actions: [act('demand_to_guarantor', '2026-03-01')] }), '2026-11-29', { deadline: '2026-02-28', status: 'released' }],
    ['joint: demanding from the debtor only does not keep it', g({ actions: [act('demand_to_debtor', '2025-10-01')] }), '2026-11-29', { deadline: '2026-02-28', status: 'released' }],
    ['general: suing the debtor in time keeps it', g({ type: 'general', actions: [act('suit_against_debtor', '2025-12-01')] }), '2026-11-29', { deadline: '2026-02-28', status: 'preserved', type: 'general' }],
    ['general: a demand to the guarantor does not keep it', g({ type: 'general', actions: [act('demand_to_guarantor', '2025-12-01')] }), '2026-11-29', { deadline: '2026-02-28', status: 'released', type: 'general' }],
    ['unclear type is general (art. 686)', g({ type: 'unclear', actions: [act('demand_to_guarantor', '2025-12-01')] }), '2026-11-29', { deadline: '2026-02-28', status: 'released', type: 'general' }],
    ['never extended: a debtor interruption does not move it', g({ actions: [act('demand_to_debtor', '2026-02-01')] }), '2026-02-27', { deadline: '2026-02-28', status: 'running' }],
  ])('%s', (_n, input, today, want) => {
    const r = computeGuaranteePeriod(input, today);
    expect(r.deadline).toBe(want.deadline);
    expect(r.status).toBe(want.status);
    if (want.type) expect(r.type).toBe(want.type);
  });

  it('explains why an action did not count', () => {
    const r = computeGuaranteePeriod(g({ type: 'general', actions: [act('demand_to_guarantor', '2025-12-01')] }), '2026-11-29');
    expect(r.trace.find((t) => t.kind === 'demand_to_guarantor')).toMatchObject({ counted: false, code: 'wrong_action' });
  });
});

describe('alerts 90/30/7 days before a deadline', () => {
  const d = (date: string) => ({ key: 'claim:1', kind: 'limitation' as const, date });
  it.each<[string, string, number | null, number | null]>([
    ['91 days before: nothing', '2027-02-28', null, null],
    ['90 days before: stage 90', '2027-02-27', 90, 90],
    ['31 days before: stage 90', '2026-12-30', 90, 31],
    ['30 days before: stage 30', '2026-12-29', 30, 30],
    ['8 days before: stage 30', '2026-12-07', 30, 8],
    ['7 days before: stage 7', '2026-12-06', 7, 7],
    ['the day itself: stage 0', '2026-11-29', 0, 0],
    ['the day after: gone', '2026-11-28', null, null],
  ])('%s', (_n, date, stage, left) => {
    const a = dueAlerts([d(date)], '2026-11-29');
    expect(a[0]?.stage ?? null).toBe(stage);
    expect(a[0]?.daysLeft ?? null).toBe(left);
  });
  it('keeps overdue ones when asked, sorted by urgency, with a stable dedup key', () => {
    const a = dueAlerts([d('2026-12-20'), { key: 'g:2', kind: 'guarantee', date: '2026-11-20' }], '2026-11-29', undefined, 30);
    expect(a.map((x) => [x.deadline.key, x.stage, x.daysLeft])).toEqual([['g:2', 0, -9], ['claim:1', 30, 21]]);
    expect(a[1]?.alertKey).toBe('claim:1:2026-12-20:30');
  });
});
