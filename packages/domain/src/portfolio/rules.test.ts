import { describe, expect, it } from 'vitest';
import { loadPreset } from '../presets/index.ts';
import type { PortfolioPolicy } from '../policy/schema.ts';
import { rulesFromPortfolioPolicy } from './rules.ts';
import { requiredVisitMonths, visitSchedule } from './visits.ts';
import { selectBigCustomers, staffingExcess } from './metrics.ts';
import { effectiveDateProblem } from './requests.ts';

const portfolio = (id: string) => {
  const p = loadPreset(id);
  if (p.kind !== 'portfolio') throw new Error(`${id} is not a portfolio policy`);
  return p;
};
const rural = rulesFromPortfolioPolicy(portfolio('rural-credit'));
const power = rulesFromPortfolioPolicy(portfolio('power-big-customers'));
const subject = (yuan: number, bigCustomer = false) => ({ loanBalanceFen: yuan * 100, bigCustomer, visitMonthsOverride: null });

describe('portfolio rules read off the policy document', () => {
  it.each([
    ['rural credit: 300,000 yuan is monthly', rural, subject(300_000), 1],
    ['rural credit: 299,999 yuan is quarterly', rural, subject(299_999), 3],
    ['rural credit: no loan, no visit', rural, subject(0), null],
    ['rural credit has no big-customer rule: a big customer without loans needs none', rural, subject(0, true), null],
    ['power supply: a big customer monthly', power, subject(0, true), 1],
    ['power supply: a borrower that is not a big customer needs no visit', power, subject(500_000), null],
  ])('%s', (_n, rules, s, months) => expect(requiredVisitMonths(s, rules)).toBe(months));

  it('staffing ratios come from the policy; a policy without them sets no limit', () => {
    expect([rural.maxRetailPerManager, rural.maxCorporatePerManager]).toEqual([1000, 50]);
    expect(staffingExcess([{ staffId: 1, retail: 1001, corporate: 51 }], rural)[0]).toMatchObject({ retailExcess: 1, corporateExcess: 1, over: true });
    expect(staffingExcess([{ staffId: 1, retail: 5000, corporate: 500 }], power)[0]).toMatchObject({ over: false });
  });

  it('the big-customer top N comes from the policy', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, consumption: 1000 - i, permanent: true }));
    expect(selectBigCustomers(many, power).ids).toHaveLength(21);
    expect(selectBigCustomers(many, rural).ids).toHaveLength(0);
    const top5 = rulesFromPortfolioPolicy({ ...portfolio('power-big-customers'), bigCustomers: { clause: '3.1', topN: 5, by: 'consumption', permanentOnly: true } });
    expect(selectBigCustomers(many, top5).ids).toEqual([1, 2, 3, 4, 5]);
  });

  it('back-dating and the due window follow the policy’s assignment section', () => {
    expect(effectiveDateProblem('2026-11-01', '2026-11-29', rural)).toBe('backdating_not_allowed');
    const p: PortfolioPolicy = { ...portfolio('rural-credit'), assignments: { maxBackdateDays: 30, dueSoonDays: 3 } };
    const r = rulesFromPortfolioPolicy(p);
    expect(effectiveDateProblem('2026-10-30', '2026-11-29', r)).toBeNull();
    expect(effectiveDateProblem('2026-10-29', '2026-11-29', r)).toBe('too_far_back');
    const s = { subject: subject(400_000), lastVisit: '2026-11-04', since: '2026-01-01' };
    expect(visitSchedule({ ...s, today: '2026-11-29' }, r).status).toBe('ok');
    expect(visitSchedule({ ...s, today: '2026-11-29' }, rural).status).toBe('due');
  });
});
