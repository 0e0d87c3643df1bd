import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { addDays, addMonths, presetSource, staffingExcess, visitCompliance, visitSchedule } from '@kehu/domain';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';
import { businessDate } from '@kehu/domain/business-date';
import { systemActor } from '../../lib/actor.ts';
import { customersService } from '../customers/customers.service.ts';
import { portfolioRules } from '../customers/customers.rules.ts';

interface Figures { customers: number; required: number; overdue: number; rate: string | null }
interface Report { managers: (Figures & { staffId: number; name: string; orgUnitId: number })[]; units: (Figures & { orgUnitId: number })[] }

/** A policy whose visit rules use every kind of condition the SQL translation handles. */
const MIXED_RULES = `visitFrequency:
  - { id: big-corporate, label: { zh: 大额对公, en: Large corporate }, clause: "1", when: { all: [ { field: segment, op: eq, value: corporate }, { field: loanAmount, op: gte, value: 1000000 } ] }, everyMonths: 1 }
  - { id: farm-or-big, label: { zh: 农户个体或大客户, en: Farms, small businesses, big customers }, clause: "2", when: { any: [ { field: kind, op: in, value: [farming_household, individual_business] }, { field: bigCustomer, op: eq, value: true } ] }, everyMonths: 2 }
  - { id: any-loan, label: { zh: 其他有贷户, en: Other borrowers }, clause: "3", when: { not: { field: loanAmount, op: lte, value: 0 } }, everyMonths: 6 }
  - { id: odd, label: { zh: 未知字段, en: Unknown field }, clause: "4", when: { field: noSuchField, op: ne, value: 1 }, everyMonths: 12 }
`;

/**
 * Compliance and staffing are counted in SQL; this recomputes them the old way — every
 * assignment scheduled in JS by the domain — on seeded data with extra visits, boundary loans
 * and two policies, over several dates, and expects the same figures.
 */
describe.each(testDatabaseKinds())('compliance and staffing in SQL equal the per-row JS computation on %s', (kind) => {
  let h: Harness;
  let hr: Session;
  let tenantId = 0;
  const today = businessDate();
  beforeAll(async () => {
    h = await createHarness(kind);
    hr = await signIn(h.app, 'bank.hr');
    tenantId = hr.me.tenantId;
    const q = (text: string, params: unknown[] = []) => h.database.query(text, params);
    const cs = await q(`select id from customers where tenant_id = $1 order by id`, [tenantId]) as { id: number }[];
    const staffRows = await q(`select id from staff where tenant_id = $1 and position = 'customer_manager' order by id`, [tenantId]) as { id: number }[];
    // Deterministic spread: boundary balances, flags, overrides, visits at many distances from today.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const balances = [0, 30_000_000, 29_999_999, 100_000_000, 100, 5_000_000];
    for (const [i, c] of cs.entries()) {
      await q(`update customers set loan_balance_fen = $3, big_customer = $4, visit_months_override = $5 where tenant_id = $1 and id = $2`,
        [tenantId, c.id, balances[i % balances.length], i % 5 === 0, i % 7 === 3 ? 4 : null]);
      // 300,000 yuan exactly: monthly. Visited exactly a month ago (due today: not yet overdue) or a day before that (overdue by one).
      if (i % 6 === 1) {
        await q(`insert into visits (tenant_id, customer_id, staff_id, visit_date, purpose) values ($1, $2, $3, $4, '边界走访')`,
          [tenantId, c.id, staffRows[0]!.id, i % 12 === 1 ? addMonths(today, -1) : addDays(addMonths(today, -1), -1)]);
        continue;
      }
      for (let v = 0; v < 3; v++) {
        if (next() < 0.5) continue;
        await q(`insert into visits (tenant_id, customer_id, staff_id, visit_date, purpose) values ($1, $2, $3, $4, '测试走访')`,
          [tenantId, c.id, staffRows[Math.floor(next() * staffRows.length)]!.id, addDays(today, -Math.floor(next() * 400))]);
      }
      // Some customers shared by a second manager from a recent date.
      if (i % 4 === 3) {
        await q(`insert into customer_assignments (tenant_id, customer_id, staff_id, role, share, valid_from) values ($1, $2, $3, 'develop', 0.01, $4)`,
          [tenantId, c.id, staffRows[(i + 1) % staffRows.length]!.id, addDays(today, -Math.floor(next() * 200))]);
      }
    }
  });
  afterAll(() => h?.close());

  /** The former computation: every assignment row scheduled by the domain, then counted. */
  async function reference(date: string): Promise<Report> {
    const actor = systemActor(tenantId);
    const rules = await portfolioRules(h.app.db, tenantId, date);
    const [rows, people] = await Promise.all([customersService.scheduleRows(h.app.db, actor, { today: date }), customersService.staffIn(h.app.db, actor, {})]);
    const sched = rows.map((r) => ({ row: r, s: visitSchedule({ subject: r, lastVisit: r.lastVisit, since: r.since, today: date }, rules) }));
    const holders = people.filter((p) => rows.some((r) => r.staffId === p.id) || (p.status !== 'left' && ['customer_manager', 'big_customer_manager'].includes(p.position)));
    const figures = (list: typeof sched) => ({ customers: new Set(list.map((x) => x.row.customerId)).size, ...visitCompliance(list.map((x) => x.s.status)) });
    return {
      managers: holders.map((p) => ({ staffId: p.id, name: p.name, orgUnitId: p.orgUnitId, orgUnitName: p.orgUnitName, ...figures(sched.filter((x) => x.row.staffId === p.id)) })),
      units: [...new Map(holders.map((p) => [p.orgUnitId, p.orgUnitName])).entries()].map(([orgUnitId, orgUnitName]) => ({ orgUnitId, orgUnitName, ...figures(sched.filter((x) => x.row.staffUnitId === orgUnitId)) })),
    };
  }

  async function staffingReference() {
    const actor = systemActor(tenantId);
    const rules = await portfolioRules(h.app.db, tenantId, today);
    const [people, rows] = await Promise.all([customersService.staffIn(h.app.db, actor, {}), customersService.scheduleRows(h.app.db, actor, { today })]);
    const loads = new Map<number, { retail: Set<number>; corporate: Set<number> }>();
    for (const r of rows) {
      const l = loads.get(r.staffId) ?? { retail: new Set<number>(), corporate: new Set<number>() };
      (r.segment === 'corporate' ? l.corporate : l.retail).add(r.customerId);
      loads.set(r.staffId, l);
    }
    const holders = people.filter((p) => loads.has(p.id) || ['customer_manager', 'big_customer_manager'].includes(p.position));
    return staffingExcess(holders.map((p) => ({ staffId: p.id, retail: loads.get(p.id)?.retail.size ?? 0, corporate: loads.get(p.id)?.corporate.size ?? 0 })), rules);
  }

  const dates = [today, addDays(today, -45), addDays(today, 20), addDays(today, 120)];

  it.each([['the default rules'], ['a policy with all / any / not / in and a field no customer carries']])('%s', async (which) => {
    if (which.startsWith('a policy')) {
      const [first, ...rest] = presetSource('rural-credit').split('\n---\n');
      // The rules read customer fields the preset does not declare; a field no customer row carries
      // (noSuchField) is declared too, so the document passes the policy check and reads as absent.
      const declared = `  - { name: segment, type: text, optional: true, label: { zh: 客户类别, en: Segment } }
  - { name: kind, type: text, optional: true, label: { zh: 客户种类, en: Kind } }
  - { name: bigCustomer, type: boolean, optional: true, label: { zh: 大客户, en: Big customer } }
  - { name: noSuchField, type: number, optional: true, label: { zh: 无此字段, en: No such field } }
`;
      const doc = [first!.replace(/visitFrequency:\n(?: {2}- .*\n)+/, MIXED_RULES).replace(/^facts:\n/m, `facts:\n${declared}`), ...rest].join('\n---\n');
      expect(doc).toContain('big-corporate');
      expect((await call(h.app, hr, 'PUT', '/api/v1/portfolio-policy', { document: doc, validFrom: today })).statusCode).toBe(200);
    }
    let required = 0;
    for (const date of dates) {
      const sql = (await call(h.app, hr, 'GET', `/api/v1/visit-compliance?date=${date}`)).json<Report>();
      const js = await reference(date);
      expect(sql.managers, date).toEqual(js.managers);
      expect(sql.units, date).toEqual(js.units);
      required += sql.managers.reduce((n, m) => n + m.required, 0);
    }
    // The comparison is not vacuous: visits are required and some are overdue.
    expect(required).toBeGreaterThan(10);
    const staffing = (await call(h.app, hr, 'GET', '/api/v1/staffing')).json<{ items: { staffId: number; retail: number; corporate: number; retailExcess: number; over: boolean }[] }>();
    const ref = await staffingReference();
    expect(staffing.items.map(({ staffId, retail, corporate, retailExcess, over }) => ({ staffId, retail, corporate, retailExcess, over })))
      .toEqual(ref.map(({ staffId, retail, corporate, retailExcess, over }) => ({ staffId, retail, corporate, retailExcess, over })));
  });

  it('a visit after the as-of date does not make the customer compliant on that date', async () => {
    const q = (text: string, params: unknown[] = []) => h.database.query(text, params);
    const asOf = addDays(today, -60);
    // One customer held by one manager since long before the as-of date, visited monthly by its own setting.
    const [a] = await q(`select customer_id as "customerId", staff_id as "staffId" from customer_assignments a where tenant_id = $1 and valid_to is null
      and (select count(*) from customer_assignments b where b.tenant_id = a.tenant_id and b.customer_id = a.customer_id) = 1 order by customer_id limit 1`, [tenantId]) as { customerId: number; staffId: number }[];
    await q(`update customer_assignments set valid_from = $3 where tenant_id = $1 and customer_id = $2`, [tenantId, a!.customerId, addDays(today, -400)]);
    await q(`update customers set visit_months_override = 1, status = 'active' where tenant_id = $1 and id = $2`, [tenantId, a!.customerId]);
    await q(`delete from visits where tenant_id = $1 and customer_id = $2`, [tenantId, a!.customerId]);
    const overdue = async (date: string) => (await call(h.app, hr, 'GET', `/api/v1/visit-compliance?date=${date}`)).json<Report>().managers.find((m) => m.staffId === a!.staffId)!.overdue;
    const [pastBefore, todayBefore] = [await overdue(asOf), await overdue(today)];
    await q(`insert into visits (tenant_id, customer_id, staff_id, visit_date, purpose) values ($1, $2, $3, $4, '事后走访')`, [tenantId, a!.customerId, a!.staffId, addDays(today, -10)]);
    // The visit counts from its own date on, never before it.
    expect(await overdue(today)).toBe(todayBefore - 1);
    expect(await overdue(asOf)).toBe(pastBefore);
    const rows = await customersService.scheduleRows(h.app.db, systemActor(tenantId), { staffIds: [a!.staffId], today: asOf });
    expect(rows.find((r) => r.customerId === a!.customerId)?.lastVisit).toBeNull();
    const js = await reference(asOf);
    expect((await call(h.app, hr, 'GET', `/api/v1/visit-compliance?date=${asOf}`)).json<Report>().managers).toEqual(js.managers);
  });
});
