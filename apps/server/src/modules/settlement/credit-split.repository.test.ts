import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { insertFacts, type FactRow } from '@kehu/db';
import { testDatabaseKinds } from '@kehu/db/testing';
import { creditFact, type CreditKeptReason, type CreditShare } from '@kehu/domain';
import { createHarness, type Harness } from '../../testing/test-app.ts';
import { creditSplitRepository as split } from './credit-split.repository.ts';

/** The set-based SQL split gives, person by person, exactly what the domain rule gives fact by fact. */
describe.each(testDatabaseKinds())('credit split in SQL equals the domain rule on %s', (kind) => {
  let h: Harness;
  let tenantId: number;
  let unit: number;
  let people: number[];
  let statuses: string[];
  beforeAll(async () => {
    h = await createHarness(kind);
    const rows = await h.database.query<{ id: number; tenant_id: number; org_unit_id: number; status: string }>(
      `select s.id, s.tenant_id, s.org_unit_id, s.status from staff s join tenants t on t.id = s.tenant_id where t.code = 'YUETING' and s.status <> 'left' order by s.id limit 5`);
    tenantId = rows[0]!.tenant_id;
    unit = rows[0]!.org_unit_id;
    people = rows.map((r) => r.id);
    statuses = rows.map((r) => r.status);
  });
  afterAll(() => h?.close());

  type Cust = { hundredths: number[]; start: number };
  type Fact = { c: number; own: number; amount: number; qty: number; day: number };
  /** Who of `people` (by index) gets no slip: left (status left) or without a plan. */
  type Unpaid = Map<number, CreditKeptReason>;
  let round = 0;
  // Loads customers with their shares and card facts into a fresh period, then compares person by person,
  // and the shares kept for those without a slip by recipient, whose share and why.
  const check = async (custs: Cust[], facts: Fact[], unpaidAt: Unpaid = new Map()) => {
        round++;
        for (const [i, id] of people.entries()) await h.database.query(`update staff set status = $2 where id = $1`, [id, unpaidAt.get(i) === 'left' ? 'left' : statuses[i]]);
        const unpaid = new Map([...unpaidAt].map(([i, r]) => [people[i]!, r]));
        const paid = people.filter((id) => !unpaid.has(id));
        const [period] = await h.database.query<{ id: number }>(`insert into pay_periods (tenant_id, period) values ($1, $2) returning id`, [tenantId, `${2100 + Math.floor(round / 12)}-${String((round % 12) + 1).padStart(2, '0')}`]);
        const shares = new Map<number, { staffId: number; share: string; from: string; aid: number }[]>();
        for (const [i, cu] of custs.entries()) {
          const [c] = await h.database.query<{ id: number }>(`insert into customers (tenant_id, org_unit_id, customer_no, name, kind, segment, id_no) values ($1, $2, $3, $4, 'individual', 'retail', $5) returning id`,
            [tenantId, unit, `P${round}-${i}`, `性质${round}-${i}`, `P${round}${i}`]);
          const list: { staffId: number; share: string; from: string; aid: number }[] = [];
          let total = 0;
          for (const [j, hh] of cu.hundredths.entries()) {
            if (total + hh > 10000) break;
            total += hh;
            const from = j === 0 ? '2000-01-01' : `2100-01-${String(cu.start).padStart(2, '0')}`;
            const [a] = await h.database.query<{ id: number }>(`insert into customer_assignments (tenant_id, customer_id, staff_id, role, share, valid_from) values ($1, $2, $3, 'manage', $4, $5) returning id`,
              [tenantId, c!.id, people[j % people.length], (hh / 100).toFixed(2), from]);
            list.push({ staffId: people[j % people.length]!, share: (hh / 100).toFixed(2), from, aid: a!.id });
          }
          shares.set(c!.id, list);
        }
        const ids = [...shares.keys()];
        const expected = new Map<number, number>();
        const expectedKept = new Map<string, number>();
        const rows: FactRow[] = [];
        for (const f of facts) {
          const customerId = ids[f.c % ids.length]!;
          const own = people[f.own % people.length]!;
          const date = `2100-01-${String(f.day).padStart(2, '0')}`;
          rows.push({ staffId: own, kind: 'card', factDate: date, quantity: f.qty, amountFen: f.amount, customerId });
          const inForce: CreditShare[] = shares.get(customerId)!.filter((s) => s.from <= date).sort((a, b) => a.aid - b.aid).map((s) => ({ staffId: s.staffId, share: s.share }));
          for (const p of creditFact(f.amount, own, inForce, unpaid)) {
            expected.set(p.staffId, (expected.get(p.staffId) ?? 0) + p.amountFen * f.qty);
            if (p.keptFor) { const k = `${p.staffId}:${p.keptFor.staffId}:${p.keptFor.reason}`; expectedKept.set(k, (expectedKept.get(k) ?? 0) + p.amountFen * f.qty); }
          }
        }
        if (rows.length) await h.database.rawTransaction((q) => insertFacts(q, tenantId, period!.id, rows, { fileName: `round-${round}.csv`, sha256: `round-${round}` }));
        const groups = await h.database.db.transaction((tx) => split.sharedCardGroups(tx, tenantId, period!.id, { watermark: Number.MAX_SAFE_INTEGER, voidWatermark: 0, voidedFiles: [], voidedFacts: [] }, ids, [50000, 80000, 150000], paid));
        const got = new Map<number, number>();
        const gotKept = new Map<string, number>();
        for (const g of groups) {
          got.set(g.staffId, (got.get(g.staffId) ?? 0) + g.creditedFen);
          if (g.keptFor) { const k = `${g.staffId}:${g.keptFor.staffId}:${g.keptFor.reason}`; gotKept.set(k, (gotKept.get(k) ?? 0) + g.creditedFen); }
        }
        for (const id of new Set([...expected.keys(), ...got.keys()])) expect(got.get(id) ?? 0, `staff ${id}`).toBe(expected.get(id) ?? 0);
        expect(Object.fromEntries(gotKept)).toEqual(Object.fromEntries(expectedKept));
        // Nothing is credited to anyone without a slip unless they booked the sale themselves.
        for (const g of groups) if (unpaid.has(g.staffId)) expect(facts.some((f) => people[f.own % people.length] === g.staffId), `staff ${g.staffId}`).toBe(true);
        return { expected, expectedKept };
  };

  it('ties go to the earlier assignment, halves round up, the rest stays with the seller', async () => {
    // 25 % + 25 % of 1 fen: 0.25 each, Σ rounds to 1 (0.5 up), the tie goes to the first manager; the seller keeps 0.
    await check([{ hundredths: [2500, 2500], start: 1 }], [{ c: 0, own: 4, amount: 1, qty: 1, day: 1 }]);
    // 50 % + 0.5 % of 100 fen: 50 + 0.5 → the half rounds up to the second; the seller keeps 49.5 → 49.
    await check([{ hundredths: [5000, 50], start: 1 }], [{ c: 0, own: 4, amount: 100, qty: 3, day: 2 }]);
    // 33.33 + 33.33 + 33.34 of 1000.01 yuan, and the third only from the 10th.
    await check([{ hundredths: [3333, 3333, 3334], start: 10 }], [{ c: 0, own: 3, amount: 100001, qty: 1, day: 9 }, { c: 0, own: 3, amount: 100001, qty: 2, day: 10 }]);
  });

  it('the share of a manager who gets no slip stays with the seller, to the fen: left before the period, or no plan', async () => {
    // 60/40 of 1,000.01 yuan sold by the 60 % manager; the 40 % manager left before the period: the seller gets it all.
    const left = await check([{ hundredths: [6000, 4000], start: 1 }], [{ c: 0, own: 0, amount: 100001, qty: 1, day: 3 }], new Map([[1, 'left']]));
    expect(left.expected.get(people[0]!)).toBe(100001);
    expect(left.expectedKept).toEqual(new Map([[`${people[0]}:${people[1]}:left`, 40000]]));
    // The same with the 40 % manager still employed but on no pay plan; sold by a third person, who keeps 40 % and the 60 % manager gets theirs.
    const noPlan = await check([{ hundredths: [6000, 4000], start: 1 }], [{ c: 0, own: 2, amount: 100001, qty: 2, day: 4 }], new Map([[1, 'no_plan']]));
    expect(noPlan.expected.get(people[0]!)).toBe(2 * 60001);
    expect(noPlan.expected.get(people[2]!)).toBe(2 * 40000);
    expect(noPlan.expectedKept).toEqual(new Map([[`${people[2]}:${people[1]}:no_plan`, 80000]]));
    // A negative sale (a refund) of 50/30 with the 50 % manager gone: the seller keeps −501 and the rest −200.
    await check([{ hundredths: [5000, 3000], start: 1 }], [{ c: 0, own: 3, amount: -1001, qty: 1, day: 5 }], new Map([[0, 'left']]));
  });

  // Small amounts and round shares make halves and ties (which the rounding and the tie rule decide) common.
  it('random shares (two decimals, Σ ≤ 100) and amounts, case by case', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ hundredths: fc.array(fc.oneof(fc.constantFrom(2500, 5000, 3333, 3334, 6000, 4000, 1250, 50), fc.integer({ min: 1, max: 4000 })), { minLength: 1, maxLength: 4 }), start: fc.integer({ min: 1, max: 28 }) }), { minLength: 1, maxLength: 4 }),
      fc.array(fc.record({ c: fc.nat(), own: fc.nat(), amount: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 10_000_000 })), qty: fc.integer({ min: 1, max: 3 }), day: fc.integer({ min: 1, max: 28 }) }), { minLength: 1, maxLength: 25 }),
      // Each of the five people: paid, left or without a plan.
      fc.array(fc.constantFrom<CreditKeptReason | null>(null, null, 'left', 'no_plan'), { minLength: 5, maxLength: 5 }),
      async (custs, facts, who) => { await check(custs, facts, new Map(who.flatMap((r, i) => (r ? [[i, r] as const] : [])))); }), { numRuns: 25 });
  });
});
