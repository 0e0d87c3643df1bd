import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTFOLIO_RULES as R } from './rules.ts';
import { meanRating, retentionRate, selectBigCustomers, staffingExcess } from './metrics.ts';
import { effectiveDateProblem, handoverTarget } from './requests.ts';

describe('staffing ratio (≤1000 retail, ≤50 corporate)', () => {
  it.each([
    ['at the limit is not over', { staffId: 1, retail: 1000, corporate: 50 }, 0, 0, false],
    ['one over retail', { staffId: 1, retail: 1001, corporate: 0 }, 1, 0, true],
    ['corporate over by 5', { staffId: 1, retail: 10, corporate: 55 }, 0, 5, true],
  ])('%s', (_n, load, retailExcess, corporateExcess, over) => {
    expect(staffingExcess([load], R)[0]).toMatchObject({ retailExcess, corporateExcess, over });
  });
});

describe('retention rate', () => {
  it.each([
    ['all kept', [1, 2, 3], [1, 2, 3, 4], { kept: 3, base: 3, rate: '1.0000' }],
    ['two of three', [1, 2, 3], [2, 3], { kept: 2, base: 3, rate: '0.6667' }],
    ['new customers do not raise it', [1, 2], [1, 7, 8, 9], { kept: 1, base: 2, rate: '0.5000' }],
    ['empty first period', [], [1], { kept: 0, base: 0, rate: null }],
    ['duplicates counted once', [1, 1, 2], [1], { kept: 1, base: 2, rate: '0.5000' }],
  ])('%s', (_n, a, b, out) => expect(retentionRate(a, b)).toEqual(out));
});

describe('big-customer selection (top 21 permanent by consumption)', () => {
  const many = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, consumption: 1000 - i * 10, permanent: true }));
  it('takes the top 21', () => {
    const r = selectBigCustomers(many, R);
    expect(r.ids).toHaveLength(21);
    expect(r.ids[0]).toBe(1);
    expect(r.ids[20]).toBe(21);
    expect(r.tiedAtCut).toBe(false);
  });
  it('skips temporary customers', () => {
    const r = selectBigCustomers([{ id: 1, consumption: 9e9, permanent: false }, ...many.slice(1)], { bigCustomerTopN: 2 });
    expect(r.ids).toEqual([2, 3]);
  });
  it('breaks ties by id and flags a tie at the cut', () => {
    const r = selectBigCustomers([{ id: 5, consumption: 10, permanent: true }, { id: 3, consumption: 10, permanent: true }, { id: 9, consumption: 20, permanent: true }], { bigCustomerTopN: 2 });
    expect(r).toEqual({ ids: [9, 3], tiedAtCut: true });
  });
  it('fewer candidates than N', () => expect(selectBigCustomers(many.slice(0, 3), R).ids).toEqual([1, 2, 3]));
});

describe('rating', () => {
  it.each([
    ['none', [], null],
    ['mean rounded half up', [5, 4, 4], '4.33'],
    ['exact half', [4, 5, 5, 5, 4, 4, 5, 4], '4.50'],
  ])('%s', (_n, scores, out) => expect(meanRating(scores)).toBe(out));
});

describe('back-dating and hand-over', () => {
  it.each([
    ['same day', '2026-11-29', null],
    ['future', '2026-12-01', null],
    ['90 days back is the limit', '2026-08-31', null],
    ['91 days back is too far', '2026-08-30', 'too_far_back'],
  ])('%s', (_n, eff, p) => expect(effectiveDateProblem(eff, '2026-11-29', R)).toBe(p));
  it('refuses any back-dating when the policy does not allow it', () => {
    expect(effectiveDateProblem('2026-11-28', '2026-11-29', { ...R, allowBackdating: false })).toBe('backdating_not_allowed');
  });
  it('problem loans go to the supervisor', () => {
    expect(handoverTarget({ problemLoan: true }, 7, 2)).toBe(2);
    expect(handoverTarget({ problemLoan: false }, 7, 2)).toBe(7);
  });
});
