import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canStartRun, nextRunStatus } from './run-status.ts';
import { diffResults, type PersonResult } from './diff.ts';
import { correctionsFor, periodToOpen, targetPeriod } from './adjustments.ts';
import { defaultPayday, nextPayPeriod, payPeriodBounds } from './periods.ts';
import { pickPlanRule, type PlanAssignmentRule } from './plan-assignment.ts';
import { fenOfYuan, sumOfFen, yuanOfFen } from '../money/yuan.ts';
import { creditFact, splitCredit } from './credit-split.ts';
import { assignmentProblem, changesLockedDays } from './plan-assignment.ts';

describe('run status: draft → reviewed → approved → locked', () => {
  it.each([
    ['draft reviewed', 'draft', 'review', 'reviewed'],
    ['reviewed approved', 'reviewed', 'approve', 'approved'],
    ['approved locked', 'approved', 'lock', 'locked'],
    ['reviewed sent back', 'reviewed', 'return', 'draft'],
    ['approved sent back', 'approved', 'return', 'draft'],
  ] as const)('%s', (_n, from, action, to) => expect(nextRunStatus(from, action)).toEqual({ ok: true, to }));

  it.each([
    ['no skipping review', 'draft', 'approve'],
    ['no locking a draft', 'draft', 'lock'],
    ['a locked run never moves back', 'locked', 'return'],
    ['a locked run is not locked twice', 'locked', 'lock'],
    ['a superseded run is history', 'superseded', 'review'],
  ] as const)('%s', (_n, from, action) => expect(nextRunStatus(from, action).ok).toBe(false));

  it('a period with an approved or locked run takes no new run', () => {
    expect(canStartRun(['superseded', 'draft'])).toBe(true);
    expect(canStartRun(['approved'])).toBe(false);
    expect(canStartRun(['superseded', 'locked'])).toBe(false);
  });
});

describe('periods and payday (15th of next month, later by leave days 1st–15th)', () => {
  it.each([
    ['October', '2026-10', { from: '2026-10-01', to: '2026-10-31' }],
    ['February of a leap year', '2028-02', { from: '2028-02-01', to: '2028-02-29' }],
    ['February of a common year', '2026-02', { from: '2026-02-01', to: '2026-02-28' }],
  ])('%s bounds', (_n, p, b) => expect(payPeriodBounds(p)).toEqual(b));
  it('December rolls into January', () => expect(nextPayPeriod('2026-12')).toBe('2027-01'));
  it.each([
    ['no leave', [], '2026-11-15'],
    ['one leave day on the 3rd', ['2026-11-03'], '2026-11-16'],
    ['leave on the 1st and the 15th both count (inclusive)', ['2026-11-01', '2026-11-15'], '2026-11-17'],
    ['the 16th does not count', ['2026-11-16'], '2026-11-15'],
    ['leave in the pay month itself does not count', ['2026-10-20'], '2026-11-15'],
    ['the same date twice counts once', ['2026-11-03', '2026-11-03'], '2026-11-16'],
  ])('%s', (_n, leave, day) => expect(defaultPayday('2026-10', leave)).toBe(day));
  it('December pays in January', () => expect(defaultPayday('2026-12', ['2027-01-02'])).toBe('2027-01-16'));
});

describe('plan assignment: the most specific rule in force wins', () => {
  const r = (id: number, o: Partial<PlanAssignmentRule>): PlanAssignmentRule => ({ id, planId: id * 10, position: null, orgUnitPath: null, hireType: null, validFrom: '2026-01-01', validTo: null, ...o });
  const person = { position: 'customer_manager', orgUnitPath: '/1/3/', hireType: 'external' };
  it.each([
    ['catch-all applies', [r(1, {})], 1],
    ['hire type beats catch-all', [r(1, {}), r(2, { hireType: 'external' })], 2],
    ['position + hire type beats unit alone', [r(1, { orgUnitPath: '/1/' }), r(2, { position: 'customer_manager', hireType: 'external' })], 2],
    ['deeper unit beats shallower', [r(1, { orgUnitPath: '/1/' }), r(2, { orgUnitPath: '/1/3/' })], 2],
    ['other position does not match', [r(1, { position: 'supervisor' })], null],
    ['not yet in force', [r(1, { validFrom: '2026-11-01' })], null],
    ['ended the day before', [r(1, { validTo: '2026-10-30' })], null],
    ['ends on the day: still in force', [r(1, { validTo: '2026-10-31' })], 1],
    ['later start wins among equals', [r(1, {}), r(2, { validFrom: '2026-06-01' })], 2],
  ])('%s', (_n, rules, id) => expect(pickPlanRule(person, rules, '2026-10-31')?.id ?? null).toBe(id));
});

describe('money at the edges', () => {
  it.each([['6000.00', 600000], ['0.5', 50], ['-12.34', -1234], ['0', 0], ['-0.00', 0]])('%s yuan', (y, f) => expect(fenOfYuan(y)).toBe(f));
  it.each(['1.234', 'abc', '', '1e3'])('rejects %s', (y) => expect(() => fenOfYuan(y)).toThrow());
  it('round-trips', () => fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (f) => fenOfYuan(yuanOfFen(f)) === f)));
});

const person = fc.record({
  staffId: fc.integer({ min: 1, max: 30 }),
  components: fc.dictionary(fc.constantFrom('booking', 'card', 'base', 'deduction'), fc.integer({ min: -1e7, max: 1e7 })),
}).map((p): PersonResult => ({ ...p, totalFen: sumOfFen(Object.values(p.components)) }));
const people = fc.uniqueArray(person, { selector: (p) => p.staffId, maxLength: 20 });

describe('run difference per person', () => {
  it('names who was added, removed, changed', () => {
    const d = diffResults(
      [{ staffId: 1, totalFen: 100, components: { a: 100 } }, { staffId: 2, totalFen: 50, components: { a: 50 } }, { staffId: 3, totalFen: 7, components: { a: 7 } }],
      [{ staffId: 1, totalFen: 120, components: { a: 120 } }, { staffId: 3, totalFen: 7, components: { a: 7 } }, { staffId: 4, totalFen: 9, components: { b: 9 } }],
    );
    expect(d.people.map((p) => [p.staffId, p.change, p.deltaFen])).toEqual([[1, 'changed', 20], [2, 'removed', -50], [3, 'same', 0], [4, 'added', 9]]);
    expect(d).toMatchObject({ beforeTotalFen: 157, afterTotalFen: 136, deltaTotalFen: -21, changed: 3 });
  });
  it('total difference = Σ per-person differences; a run against itself changes nothing', () => fc.assert(fc.property(people, people, (a, b) => {
    const d = diffResults(a, b);
    expect(d.deltaTotalFen).toBe(sumOfFen(d.people.map((p) => p.deltaFen)));
    expect(diffResults(a, a).changed).toBe(0);
  })));
});

describe('corrections of a locked period', () => {
  const locked = [{ lineId: 11, staffId: 1, component: 'card', amountFen: 500000 }, { lineId: 12, staffId: 1, component: 'booking', amountFen: 100000 }];
  it('a late booking becomes one adjustment pointing at the booking line', () => {
    expect(correctionsFor(locked, [{ staffId: 1, totalFen: 601000, components: { card: 500000, booking: 101000 } }]))
      .toEqual([{ staffId: 1, component: 'booking', amountFen: 1000, correctsLineId: 12 }]);
  });
  it('a component the slip did not have corrects nothing in particular', () => {
    expect(correctionsFor(locked, [{ staffId: 1, totalFen: 0, components: { card: 500000, booking: 100000, other: -200 } }]))
      .toEqual([{ staffId: 1, component: 'other', amountFen: -200, correctsLineId: null }]);
  });
  it('no difference, no adjustment', () => expect(correctionsFor(locked, [{ staffId: 1, totalFen: 0, components: { card: 500000, booking: 100000 } }])).toEqual([]));
  it('Σ adjustments = Σ recomputed − Σ paid', () => fc.assert(fc.property(people, people, (a, b) => {
    let id = 0;
    const lines = a.flatMap((p) => Object.entries(p.components).map(([component, amountFen]) => ({ lineId: ++id, staffId: p.staffId, component, amountFen })));
    const adj = correctionsFor(lines, b);
    const paid = sumOfFen(lines.map((l) => l.amountFen));
    const now = sumOfFen(b.flatMap((p) => Object.values(p.components)));
    expect(sumOfFen(adj.map((x) => x.amountFen))).toBe(now - paid);
    expect(adj.every((x) => x.amountFen !== 0)).toBe(true);
  })));
  it.each([
    ['the next open month', '2026-11', [{ period: '2026-10', status: 'locked' }, { period: '2026-11', status: 'open' }, { period: '2026-12', status: 'open' }], '2026-11'],
    ['skips locked months', '2026-11', [{ period: '2026-11', status: 'locked' }, { period: '2026-12', status: 'open' }], '2026-12'],
    ['none open yet', '2026-11', [{ period: '2026-10', status: 'locked' }], null],
  ] as const)('target period: %s', (_n, from, periods, want) => expect(targetPeriod(from, periods)).toBe(want));
  it.each([
    ['the month asked for when no period reaches it (a locked period corrected from the next month)', '2027-03', ['2027-01', '2027-02'], '2027-03'],
    ['the month after the last when all from it on are locked (a dispute on a locked month)', '2027-02', ['2027-01', '2027-02'], '2027-03'],
    ['the month after the last, however far it is', '2027-02', ['2027-02', '2027-05'], '2027-06'],
    ['the month asked for in a tenant with no periods', '2027-02', [], '2027-02'],
  ] as const)('period to open: %s', (_n, from, periods, want) => expect(periodToOpen(from, periods.map((period) => ({ period })))).toBe(want));
});

describe('shared customers split the credit exactly', () => {
  it('60/40 of 1000.01 yuan', () => expect(splitCredit(100001, [{ staffId: 1, share: '60' }, { staffId: 2, share: '40' }])).toEqual([{ staffId: 1, amountFen: 60001 }, { staffId: 2, amountFen: 40000 }]));
  it('three thirds of 1 fen', () => expect(splitCredit(1, [{ staffId: 1, share: '33.34' }, { staffId: 2, share: '33.33' }, { staffId: 3, share: '33.33' }]).map((p) => p.amountFen)).toEqual([1, 0, 0]));
  it('shares summing to 100 give back the whole fen', () => fc.assert(fc.property(
    fc.integer({ min: -1e10, max: 1e10 }), fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 }),
    (amount, weights) => {
      // Turn weights into shares with two decimals that sum to exactly 100.
      const total = weights.reduce((a, b) => a + b, 0);
      const hundredths = weights.map((w) => Math.floor((w * 10000) / total));
      hundredths[0]! += 10000 - hundredths.reduce((a, b) => a + b, 0);
      if (hundredths.some((h) => h <= 0)) return;
      const shares = hundredths.map((h, i) => ({ staffId: i + 1, share: (h / 100).toFixed(2) }));
      expect(sumOfFen(splitCredit(amount, shares).map((p) => p.amountFen))).toBe(amount);
    })));
  it('a fact of a shared customer: parts sum to the whole fen, each within 1 fen of its exact share, the rest below 100% stays with the fact\'s staff', () => fc.assert(fc.property(
    fc.integer({ min: -1e10, max: 1e10 }), fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 2, maxLength: 6 }),
    (amount, hundredths) => {
      if (hundredths.reduce((a, b) => a + b, 0) > 10000) return;
      const shares = hundredths.map((h, i) => ({ staffId: i + 1, share: (h / 100).toFixed(2) }));
      const parts = creditFact(amount, 99, shares);
      expect(sumOfFen(parts.map((p) => p.amountFen))).toBe(amount);
      expect(parts.slice(0, shares.length).map((p) => p.staffId)).toEqual(shares.map((s) => s.staffId));
      for (const p of parts) {
        const exactShare = p.share === null ? 10000 - hundredths.reduce((a, b) => a + b, 0) : Math.round(Number(p.share) * 100);
        // |part − amount × share| < 1 fen, in integers: |part × 10000 − amount × share(hundredths)| < 10000.
        expect(Math.abs(Number(BigInt(p.amountFen) * 10000n - BigInt(amount) * BigInt(exactShare)))).toBeLessThan(10000);
        if (p.share === null) expect(p.staffId).toBe(99);
      }
    })));
  it('60/40 and 33.33/33.33/33.34 of amounts that do not divide evenly', () => {
    expect(creditFact(100001, 9, [{ staffId: 1, share: '60' }, { staffId: 2, share: '40' }])).toEqual([{ staffId: 1, share: '60', amountFen: 60001, keptFor: null }, { staffId: 2, share: '40', amountFen: 40000, keptFor: null }]);
    expect(creditFact(100000, 9, [{ staffId: 1, share: '33.33' }, { staffId: 2, share: '33.33' }, { staffId: 3, share: '33.34' }]).map((p) => p.amountFen)).toEqual([33330, 33330, 33340]);
    expect(creditFact(100, 9, [{ staffId: 1, share: '33.33' }, { staffId: 2, share: '33.33' }, { staffId: 3, share: '33.34' }]).map((p) => p.amountFen)).toEqual([33, 33, 34]);
    expect(creditFact(1001, 9, [{ staffId: 1, share: '50' }, { staffId: 2, share: '30' }])).toEqual([{ staffId: 1, share: '50', amountFen: 501, keptFor: null }, { staffId: 2, share: '30', amountFen: 300, keptFor: null }, { staffId: 9, share: null, amountFen: 200, keptFor: null }]);
    expect(creditFact(500, 9, [{ staffId: 1, share: '100' }])).toEqual([{ staffId: 9, share: null, amountFen: 500, keptFor: null }]);
  });
  it('the share of a manager who gets no slip (left, or no plan) stays with the seller, to the fen, saying whose and why', () => {
    const shares = [{ staffId: 1, share: '60' }, { staffId: 2, share: '40' }];
    expect(creditFact(100001, 9, shares, new Map([[2, 'left' as const]]))).toEqual([
      { staffId: 1, share: '60', amountFen: 60001, keptFor: null }, { staffId: 9, share: '40', amountFen: 40000, keptFor: { staffId: 2, reason: 'left' } }]);
    // The seller is one of the managers: the other's share joins theirs as a separate part.
    expect(creditFact(100001, 1, shares, new Map([[2, 'no_plan' as const]]))).toEqual([
      { staffId: 1, share: '60', amountFen: 60001, keptFor: null }, { staffId: 1, share: '40', amountFen: 40000, keptFor: { staffId: 2, reason: 'no_plan' } }]);
    // With a rest below 100 %: both go to the seller, the whole still sums back.
    const parts = creditFact(1001, 9, [{ staffId: 1, share: '50' }, { staffId: 2, share: '30' }], new Map([[1, 'left' as const]]));
    expect(parts.map((p) => [p.staffId, p.amountFen])).toEqual([[9, 501], [2, 300], [9, 200]]);
    // Unpaid seller's own share is simply theirs.
    expect(creditFact(100, 2, shares, new Map([[2, 'left' as const]]))[1]).toEqual({ staffId: 2, share: '40', amountFen: 40, keptFor: null });
  });
  it('over the people who get slips the parts sum to the whole, whoever gets none', () => fc.assert(fc.property(
    fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 2, maxLength: 5 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    (amount, hundredths, gone) => {
      if (hundredths.reduce((a, b) => a + b, 0) > 10000) return;
      const shares = hundredths.map((h, i) => ({ staffId: i + 1, share: (h / 100).toFixed(2) }));
      const unpaid = new Map(shares.filter((_, i) => gone[i]).map((s) => [s.staffId, 'left' as const]));
      const parts = creditFact(amount, 99, shares, unpaid);
      expect(sumOfFen(parts.filter((p) => !unpaid.has(p.staffId)).map((p) => p.amountFen))).toBe(amount);
      expect(parts.filter((p) => p.keptFor).length).toBe(unpaid.size);
      // The paid managers' parts are what they would get anyway.
      const all = creditFact(amount, 99, shares);
      for (const [i, p] of parts.slice(0, shares.length).entries()) expect(p.amountFen).toBe(all[i]!.amountFen);
    })));
});

describe('plan assignments: one plan per group and day', () => {
  const span = (id: number, validFrom: string, validTo: string | null, position: string | null = 'customer_manager') => ({ id, position, orgUnitId: null, hireType: null, validFrom, validTo });
  it('an end before the start is refused', () => expect(assignmentProblem(span(1, '2026-05-01', '2026-04-30'), [])).toEqual({ field: 'validTo', code: 'before_start' }));
  it('ending on the day it starts is one day, allowed', () => expect(assignmentProblem(span(1, '2026-05-01', '2026-05-01'), [])).toBeNull());
  it('the same group overlapping by one day is refused, naming the other', () => expect(assignmentProblem(span(2, '2026-06-30', null), [span(1, '2026-01-01', '2026-06-30')])).toMatchObject({ code: 'overlap', with: { id: 1 } }));
  it('the next day is fine; so is another group, or the assignment itself', () => {
    expect(assignmentProblem(span(2, '2026-07-01', null), [span(1, '2026-01-01', '2026-06-30')])).toBeNull();
    expect(assignmentProblem(span(2, '2026-03-01', null, 'supervisor'), [span(1, '2026-01-01', null)])).toBeNull();
    expect(assignmentProblem(span(1, '2026-03-01', null), [span(1, '2026-01-01', null)])).toBeNull();
  });
  it('an open-ended one overlaps everything after it', () => fc.assert(fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (a, b) => {
    const day = (n: number) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
    expect(assignmentProblem(span(2, day(a), null), [span(1, day(b), null)])?.code).toBe('overlap');
  })));
});

describe('plan assignments: locked periods keep their plans', () => {
  const a = (validFrom: string, validTo: string | null, planId = 1) => ({ id: 1, planId, position: 'customer_manager', orgUnitId: null, hireType: null, validFrom, validTo });
  it.each([
    ['ending after the locked months', a('2026-01-01', null), a('2026-01-01', '2026-12-31'), false],
    ['ending inside them', a('2026-01-01', null), a('2026-01-01', '2026-10-15'), true],
    ['moving the start into them', a('2026-12-01', null), a('2026-10-01', null), true],
    ['another plan from before the lock', a('2026-01-01', null), a('2026-01-01', null, 2), true],
    ['another plan starting after the lock', a('2026-12-01', null), a('2026-12-01', null, 2), false],
    ['nothing locked yet', a('2026-01-01', null), a('2026-01-01', '2026-01-31'), false],
  ] as const)('%s', (name, before, after, want) => expect(changesLockedDays(before, after, name === 'nothing locked yet' ? null : '2026-10-31')).toBe(want));
});
