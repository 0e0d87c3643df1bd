import { describe, expect, it } from 'vitest';
import { becomesNpl, isDowngrade, nplRatio } from './classification.ts';
import { dueLoanRecovery, interestCollectionRate } from './rates.ts';
import { averageDailyBalance, buildDaySums, daySumOn, deviation } from './day-sums.ts';
import { rateHousehold, recheckDue, type VillageFigures } from './credit-rating.ts';
import { rateVillage, villageRatingPolicy, villageRatingPolicyOf } from './village-rating.ts';
import { parsePolicies } from '../policy/index.ts';
import { presetSource } from '../presets/index.ts';
import { loanWarnings } from './warnings.ts';

describe('classification', () => {
  it.each([
    ['normal → special mention is a downgrade', 'normal', 'special_mention', true],
    ['loss → doubtful is not', 'loss', 'doubtful', false],
  ] as const)('%s', (_n, a, b, want) => expect(isDowngrade(a, b)).toBe(want));
  it.each([
    ['special mention → substandard is a new NPL', 'special_mention', 'substandard', true],
    ['substandard → doubtful is not a new NPL', 'substandard', 'doubtful', false],
    ['granted as loss (import) is new', null, 'loss', true],
  ] as const)('%s', (_n, a, b, want) => expect(becomesNpl(a, b)).toBe(want));
  it('NPL ratio = (次级+可疑+损失) ÷ total', () => {
    expect(nplRatio([{ loanClass: 'normal', balanceFen: 900 }, { loanClass: 'special_mention', balanceFen: 50 }, { loanClass: 'substandard', balanceFen: 30 }, { loanClass: 'doubtful', balanceFen: 15 }, { loanClass: 'loss', balanceFen: 5 }])).toEqual({ nplFen: 50, totalFen: 1000, ratio: '0.0500' });
    expect(nplRatio([]).ratio).toBeNull();
  });
});

describe('rates', () => {
  it('interest collection', () => expect(interestCollectionRate([{ dueFen: 1000, collectedFen: 900 }, { dueFen: 1000, collectedFen: 1000 }]).rate).toBe('0.9500'));
  it('due-loan recovery: this year and earlier apart; over-recovery capped at due', () => {
    const r = dueLoanRecovery([
      { startDate: '2026-02-01', dueFen: 1000, recoveredFen: 800 },
      { startDate: '2025-06-01', dueFen: 1000, recoveredFen: 500 },
      { startDate: '2024-06-01', dueFen: 1000, recoveredFen: 1500 },
    ], 2026);
    expect(r.thisYear.rate).toBe('0.8000');
    expect(r.earlier).toEqual({ dueFen: 2000, recoveredFen: 1500, rate: '0.7500' });
    expect(r.all.rate).toBe('0.7667');
  });
});

describe('day-sums (积数)', () => {
  it('a month with missing days carries the last balance forward', () => {
    // November 2026: 100 on the 1st, 200 from the 11th (days 2–10 and 12–30 missing).
    const s = buildDaySums([{ date: '2026-11-01', balanceFen: 100 }, { date: '2026-11-11', balanceFen: 200 }], '2026-11-30');
    expect(s).toHaveLength(30);
    const a = averageDailyBalance(s, '2026-11-01', '2026-11-30');
    expect(a).toEqual({ daySumFen: 10 * 100 + 20 * 200, days: 30, averageFen: 166.67 });
  });
  it('a period across a month end is one subtraction', () => {
    const s = buildDaySums([{ date: '2026-01-30', balanceFen: 1000 }, { date: '2026-02-01', balanceFen: 3000 }, { date: '2026-02-02', balanceFen: 0 }], '2026-02-28');
    // 01-30, 01-31 at 1000; 02-01 at 3000; 02-02 at 0 → 5000 over 4 days
    expect(averageDailyBalance(s, '2026-01-30', '2026-02-02')).toEqual({ daySumFen: 5000, days: 4, averageFen: 1250 });
    expect(averageDailyBalance(s, '2026-01-31', '2026-02-01').daySumFen).toBe(4000);
  });
  it('continues an existing series and carries past its end', () => {
    const first = buildDaySums([{ date: '2026-03-01', balanceFen: 10 }], '2026-03-02');
    const more = buildDaySums([{ date: '2026-03-04', balanceFen: 20 }], '2026-03-05', first.at(-1));
    expect(more.map((x) => x.cumulativeFen)).toEqual([30, 50, 70]);
    expect(daySumOn([...first, ...more], '2026-03-07')).toBe(110);
    expect(daySumOn(first, '2026-02-28')).toBe(0);
  });
  it('deviation', () => expect(deviation(1200, 1000)).toBe(0.2));
});

describe('credit villages (信用村)', () => {
  const ok: VillageFigures = { households: 100, creditHouseholds: 70, borrowingHouseholds: 100, borrowersWithoutArrears: 86, loanBalanceFen: 10000, nplBalanceFen: 499, newLoansFen: 10000, newNplFen: 99 };
  it.each<[string, Partial<VillageFigures>, boolean, string | null]>([
    ['exactly 70% credit households qualifies (≥)', {}, true, null],
    ['69% does not', { creditHouseholds: 69 }, false, 'credit_households'],
    ['exactly 85% without arrears does not (>)', { borrowersWithoutArrears: 85 }, false, 'no_arrears'],
    ['NPL stock exactly 5% does not (<)', { nplBalanceFen: 500 }, false, 'npl_stock'],
    ['new NPL exactly 1% does not (<)', { newNplFen: 100 }, false, 'new_npl'],
  ])('%s', (_n, change, want, failing) => {
    const r = rateVillage({ ...ok, ...change });
    expect(r.qualifies).toBe(want);
    expect(r.checks.filter((c) => !c.passed).map((c) => c.code)).toEqual(failing ? [failing] : []);
    expect(r.checks.filter((c) => !c.passed).every((c) => c.reason && c.reason.zh && c.reason.en)).toBe(true);
  });
  it('the thresholds come from the preset document; a failed check carries the engine\'s reason', () => {
    const p = villageRatingPolicy();
    expect(p.rules.map((x) => [x.id, 'fact' in x.test ? `${x.test.op} ${String(x.test.value)}` : ''])).toEqual([['credit_households', 'gte 0.7'], ['no_arrears', 'gt 0.85'], ['npl_stock', 'lt 0.05'], ['new_npl', 'lt 0.01']]);
    const r = rateVillage({ ...ok, borrowersWithoutArrears: 85 });
    expect(r.checks.find((c) => c.code === 'no_arrears')).toMatchObject({ actual: '0.8500', bound: '> 0.85', reason: { zh: '无拖欠户比例为 0.85，应高于 0.85', en: 'No-arrears share is 0.85, needs gt 0.85' } });
    expect(r.policy).toEqual({ id: 'rural-credit-village-rating', version: 1 });
  });
  it('ratios that are not exact decimals compare exactly (7 of 10, 17 of 20, 1 of 20, 1 of 100)', () => {
    const f = { ...ok, households: 10, creditHouseholds: 7, borrowingHouseholds: 20, borrowersWithoutArrears: 18, loanBalanceFen: 20, nplBalanceFen: 1, newLoansFen: 300, newNplFen: 2 };
    expect(rateVillage(f).checks.map((c) => [c.code, c.passed])).toEqual([['credit_households', true], ['no_arrears', true], ['npl_stock', false], ['new_npl', true]]);
    expect(rateVillage({ ...f, borrowersWithoutArrears: 17, nplBalanceFen: 0, newLoansFen: 100, newNplFen: 1 }).checks.filter((c) => !c.passed).map((c) => c.code)).toEqual(['no_arrears', 'new_npl']);
  });
  it('no borrowers: the no-arrears share is missing and fails; no loans: NPL shares are 0', () => {
    const r = rateVillage({ ...ok, borrowingHouseholds: 0, borrowersWithoutArrears: 0, loanBalanceFen: 0, nplBalanceFen: 0, newLoansFen: 0, newNplFen: 0 });
    expect(r.checks.filter((c) => !c.passed).map((c) => [c.code, c.actual, c.reason?.en])).toEqual([['no_arrears', null, 'No-arrears share missing']]);
  });
  it('a changed document changes the rating (80% credit households required)', () => {
    const text = presetSource('rural-credit').replace('op: gte, value: 0.7,', 'op: gte, value: 0.8,');
    const p = villageRatingPolicyOf(parsePolicies(text))!;
    expect(rateVillage(ok).qualifies).toBe(true);
    const r = rateVillage(ok, p);
    expect(r.qualifies).toBe(false);
    expect(r.checks.find((c) => !c.passed)).toMatchObject({ code: 'credit_households', bound: '≥ 0.8', reason: { zh: '信用户占总户数比例为 0.7，应不低于 0.8' } });
  });
  it.each([
    ['score 90 exactly: excellent (bounds inclusive)', 90, 'excellent', 100_000_00],
    ['score 89: good', 89, 'good', 50_000_00],
    ['score 75 exactly: good', 75, 'good', 50_000_00],
    ['score 60 exactly: fair', 60, 'fair', 30_000_00],
    ['score 59: no credit household', 59, null, 0],
  ] as const)('household credit line — %s', (_n, score, grade, line) => {
    const r = rateHousehold({ hasArrears: false, hasNpl: false, ratingScore: score });
    expect([r.grade, r.creditLineFen, r.qualifies]).toEqual([grade, line, grade !== null]);
  });
  it('a household in a credit village gets the village factor; arrears or an NPL disqualify whatever the score', () => {
    expect(rateHousehold({ hasArrears: false, hasNpl: false, ratingScore: 80 }, undefined, true).creditLineFen).toBe(60_000_00);
    expect(rateHousehold({ hasArrears: false, hasNpl: true, ratingScore: 95 })).toMatchObject({ qualifies: false, grade: null, creditLineFen: 0, reasons: ['npl'] });
  });
  it('households and yearly re-check', () => {
    expect(rateHousehold({ hasArrears: true, hasNpl: false, ratingScore: 80 }).reasons).toEqual(['arrears']);
    expect(recheckDue('2025-11-29', '2026-11-28')).toBe(false);
    expect(recheckDue('2025-11-29', '2026-11-29')).toBe(true);
    expect(recheckDue('2024-02-29', '2025-02-28')).toBe(true);
  });
});

describe('warnings', () => {
  it('overdue instalment, maturity, downgrade, large-loan visit, guarantor', () => {
    const w = loanWarnings({
      loanId: 1, balanceFen: 400_000_00, maturityDate: '2026-10-31',
      instalments: [{ dueDate: '2026-07-31', principalFen: 100, paidFen: 0 }, { dueDate: '2026-12-31', principalFen: 100, paidFen: 0 }],
      classHistory: [{ date: '2026-10-01', from: 'normal', to: 'special_mention' }, { date: '2025-01-01', from: 'special_mention', to: 'substandard' }],
      lastVisit: '2026-10-20', guarantors: [{ id: 9, problem: '保证人涉诉' }],
    }, '2026-11-29');
    expect(w.map((x) => [x.kind, x.severity])).toEqual([
      ['overdue_instalment', 'high'], ['matured_unpaid', 'high'], ['downgrade', 'medium'], ['visit_overdue', 'medium'], ['guarantor_problem', 'medium'],
    ]);
  });
});
