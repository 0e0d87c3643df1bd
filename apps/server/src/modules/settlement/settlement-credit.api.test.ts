import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { creditFact, presetSource, type CreditKeptReason, type CreditShare } from '@kehu/domain';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';

interface Slip { id: number; staffName: string; staffId: number; totalFen: number; components: Record<string, number> }
interface SlipDetail { credits: { customerName: string; share: string | null; keptFor: { staffId: number; staffName: string; reason: string } | null; cards: number; wholeFen: number; creditedFen: number }[]; evaluation: { coefficient: string; band: string | null; cycleName: string } | null; lines: { component: string; amountFen: number; explain: { counted: { count: number; amountFen: number | null }[] } }[] }

/** Half-up fen of credited fen × 1.25 % (the spa plan's 800–1000 band, which 1000.01-yuan cards fall in). */
const commission = (fen: number) => Math.floor((fen * 125 + 5000) / 10000);

describe.each(testDatabaseKinds())('settlement: shared customers and the evaluation coefficient on %s', (kind) => {
  let h: Harness;
  let hr: Session;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    h = await createHarness(kind);
    hr = await signIn(h.app, 'spa.hr');
    for (const s of (await call(h.app, hr, 'GET', '/api/v1/staff?pageSize=100')).json<{ items: { id: number; name: string }[] }>().items) ids[s.name] = s.id;
  });
  afterAll(() => h?.close());

  it('a card of a customer shared 60/40 or 33.33/33.33/33.34 is credited by share in exact fen; the rest below 100% stays with the seller; bookings stay whole', async () => {
    const [A, B, C] = [ids['黄小燕']!, ids['覃海波']!, ids['蒙秋菊']!];
    const { tenant_id: tenantId, org_unit_id: unit } = (await h.database.query<{ tenant_id: number; org_unit_id: number }>('select tenant_id, org_unit_id from staff where id = $1', [A]))[0]!;
    const customer = async (no: string, name: string) => (await h.database.query<{ id: number }>(
      `insert into customers (tenant_id, org_unit_id, customer_no, name, kind, segment, id_no) values ($1, $2, $3, $4, 'individual', 'retail', $5) returning id`, [tenantId, unit, no, name, `45070219900101${no}`]))[0]!.id;
    const assign = (customerId: number, staffId: number, share: string, from = '2026-01-01') => h.database.query(
      `insert into customer_assignments (tenant_id, customer_id, staff_id, role, share, valid_from) values ($1, $2, $3, 'manage', $4, $5)`, [tenantId, customerId, staffId, share, from]);
    const c1 = await customer('9001', '共管客户甲');
    await assign(c1, A, '60');
    await assign(c1, B, '40');
    const c2 = await customer('9002', '共管客户乙');
    await assign(c2, A, '33.33');
    await assign(c2, B, '33.33');
    await assign(c2, C, '33.34', '2026-12-10');
    const c3 = await customer('9003', '共管客户丙');
    await assign(c3, B, '50');
    await assign(c3, C, '30');
    const dec = (await call(h.app, hr, 'POST', '/api/v1/pay/periods', { period: '2026-12' })).json<{ id: number }>();
    const card = (staffId: number, customerId: number, date: string) => ({ staffId, kind: 'card', date, amount: '1000.01', customerId });
    const post = await call(h.app, hr, 'POST', `/api/v1/pay/periods/${dec.id}/facts`, { facts: [
      card(A, c1, '2026-12-05'),
      // C joins customer 乙 on the 10th: before it the shares are 33.33/33.33 and the rest (33.34 %) stays with A.
      card(A, c2, '2026-12-06'), card(A, c2, '2026-12-12'),
      card(A, c3, '2026-12-07'),
      { staffId: A, kind: 'booking', date: '2026-12-08', faceValue: '1000', spent: '400', customerId: c1 },
    ] });
    expect(post.statusCode, post.body).toBe(200);

    // The same split, computed by the domain rule fact by fact.
    const expected = new Map<number, number>();
    const credit = (own: number, shares: CreditShare[]) => { for (const p of creditFact(100001, own, shares)) expected.set(p.staffId, (expected.get(p.staffId) ?? 0) + p.amountFen); };
    credit(A, [{ staffId: A, share: '60' }, { staffId: B, share: '40' }]);
    credit(A, [{ staffId: A, share: '33.33' }, { staffId: B, share: '33.33' }]);
    credit(A, [{ staffId: A, share: '33.33' }, { staffId: B, share: '33.33' }, { staffId: C, share: '33.34' }]);
    credit(A, [{ staffId: B, share: '50' }, { staffId: C, share: '30' }]);
    expect([...expected.values()].reduce((a, b) => a + b, 0)).toBe(4 * 100001);
    // 33.33 % of 1000.01 yuan is 33,330.33 fen, 33.34 % is 33,340.33: the fen left goes to the largest remainder.
    expect(creditFact(100001, A, [{ staffId: A, share: '33.33' }, { staffId: B, share: '33.33' }, { staffId: C, share: '33.34' }]).map((p) => p.amountFen)).toEqual([33330, 33330, 33341]);

    const run = await call(h.app, hr, 'POST', `/api/v1/pay/periods/${dec.id}/runs`);
    expect(run.statusCode, run.body).toBe(201);
    const slips = (await call(h.app, hr, 'GET', `/api/v1/pay/runs/${run.json<{ id: number }>().id}/slips`)).json<{ items: Slip[] }>().items;
    const slipOf = (id: number) => slips.find((s) => s.staffId === id)!;
    for (const id of [A, B, C]) expect(slipOf(id).components.cardCommission ?? 0, `staff ${id}`).toBe(commission(expected.get(id)!));
    // The room of a shared customer is not split: A's one qualifying booking at 5 yuan.
    expect(slipOf(A).components.bookingCommission).toBe(500);
    expect(slipOf(B).components.bookingCommission ?? 0).toBe(0);

    const detailB = (await call(h.app, hr, 'GET', `/api/v1/pay/slips/${slipOf(B).id}`)).json<SlipDetail>();
    expect(detailB.credits.map((c) => [c.customerName, c.share, c.creditedFen])).toEqual([
      ['共管客户甲', '40.00', 40000], ['共管客户乙', '33.33', 33330 + 33330], ['共管客户丙', '50.00', 50001],
    ]);
    expect(detailB.credits.reduce((a, c) => a + c.creditedFen, 0)).toBe(expected.get(B));
    // The spa chain publishes no evaluation: nothing to read (a plan would see the neutral 1).
    expect(detailB.evaluation).toBeNull();
    const detailA = (await call(h.app, hr, 'GET', `/api/v1/pay/slips/${slipOf(A).id}`)).json<SlipDetail>();
    // A keeps what the shares of 丙 leave (20 %) and of 乙 before the 10th (100,001 − round(66.66 % = 66,660.67) = 33,340) as the seller.
    expect(detailA.credits.filter((c) => c.share === null).map((c) => [c.customerName, c.creditedFen])).toEqual([['共管客户乙', 33340], ['共管客户丙', 20000]]);
    const cardLine = detailA.lines.find((l) => l.component === 'cardCommission')!;
    expect(cardLine.explain.counted.reduce((a, g) => a + (g.amountFen ?? 0), 0)).toBe(expected.get(A));
  });

  it('the share of a manager who left or has no pay plan stays with the seller: the period\'s credited card amounts sum to its card sales', async () => {
    const [A, B] = [ids['黄小燕']!, ids['覃海波']!];
    const { tenant_id: tenantId, org_unit_id: unit } = (await h.database.query<{ tenant_id: number; org_unit_id: number }>('select tenant_id, org_unit_id from staff where id = $1', [A]))[0]!;
    const person = async (name: string, position: string, status: string, no: string) => (await h.database.query<{ id: number }>(
      `insert into staff (tenant_id, org_unit_id, name, gender, birth_date, id_card_no, phone, education, hire_date, hire_type, position, category, status)
       values ($1, $2, $3, 'female', '1990-01-01', $4, $5, 'college', '2020-01-01', 'staff', $6, 'service', $7) returning id`, [tenantId, unit, name, `K${no.padStart(17, '0')}`, `137${no.padStart(8, '0')}`, position, status]))[0]!.id;
    // Left before the period (no slip at all), and still employed but in a position no pay plan covers (no slip).
    const L = await person('离职经理', 'customer_manager', 'left', '1');
    const N = await person('无方案员工', 'receptionist', 'active', '2');
    const customer = async (no: string, name: string) => (await h.database.query<{ id: number }>(
      `insert into customers (tenant_id, org_unit_id, customer_no, name, kind, segment, id_no) values ($1, $2, $3, $4, 'individual', 'retail', $5) returning id`, [tenantId, unit, no, name, `45070219900101${no}`]))[0]!.id;
    const assign = (customerId: number, staffId: number, share: string) => h.database.query(
      `insert into customer_assignments (tenant_id, customer_id, staff_id, role, share, valid_from) values ($1, $2, $3, 'manage', $4, '2026-01-01')`, [tenantId, customerId, staffId, share]);
    const c4 = await customer('9004', '共管客户丁');
    await assign(c4, A, '60');
    await assign(c4, L, '40');
    const c5 = await customer('9005', '共管客户戊');
    await assign(c5, B, '60');
    await assign(c5, N, '40');
    const mar = (await call(h.app, hr, 'POST', '/api/v1/pay/periods', { period: '2027-03' })).json<{ id: number }>();
    const card = (staffId: number, customerId: number | undefined, date: string) => ({ staffId, kind: 'card', date, amount: '1000.01', ...(customerId ? { customerId } : {}) });
    const post = await call(h.app, hr, 'POST', `/api/v1/pay/periods/${mar.id}/facts`, { facts: [
      card(A, c4, '2027-03-05'), card(A, c5, '2027-03-06'), card(B, c5, '2027-03-07'), card(B, undefined, '2027-03-08'),
    ] });
    expect(post.statusCode, post.body).toBe(200);

    const run = await call(h.app, hr, 'POST', `/api/v1/pay/periods/${mar.id}/runs`);
    expect(run.statusCode, run.body).toBe(201);
    const slips = (await call(h.app, hr, 'GET', `/api/v1/pay/runs/${run.json<{ id: number }>().id}/slips?pageSize=200`)).json<{ items: Slip[] }>().items;
    expect(slips.map((s) => s.staffId)).not.toContain(L);
    expect(slips.map((s) => s.staffId)).not.toContain(N);
    const details = await Promise.all(slips.map(async (s) => ({ s, d: (await call(h.app, hr, 'GET', `/api/v1/pay/slips/${s.id}`)).json<SlipDetail>() })));
    // Every fen of the period's card sales is credited to someone with a slip.
    const [{ total }] = await h.database.query<{ total: string }>(`select sum(amount_fen * quantity)::text as total from pay_facts where period_id = $1 and kind = 'card'`, [mar.id]) as [{ total: string }];
    const credited = details.reduce((a, { d }) => a + (d.lines.find((l) => l.component === 'cardCommission')?.explain.counted.reduce((x, g) => x + (g.amountFen ?? 0), 0) ?? 0), 0);
    expect(Number(total)).toBe(4 * 100001);
    expect(credited).toBe(Number(total));

    // The domain rule with the two who get no slip.
    const unpaid = new Map<number, CreditKeptReason>([[L, 'left'], [N, 'no_plan']]);
    const expected = new Map<number, number>();
    const credit = (own: number, shares: CreditShare[]) => { for (const p of creditFact(100001, own, shares, unpaid)) expected.set(p.staffId, (expected.get(p.staffId) ?? 0) + p.amountFen); };
    credit(A, [{ staffId: A, share: '60' }, { staffId: L, share: '40' }]);
    credit(A, [{ staffId: B, share: '60' }, { staffId: N, share: '40' }]);
    credit(B, [{ staffId: B, share: '60' }, { staffId: N, share: '40' }]);
    expected.set(B, expected.get(B)! + 100001);
    expect(expected.get(A)).toBe(100001 + 40000);
    const detailOf = (id: number) => details.find((x) => x.s.staffId === id)!;
    for (const id of [A, B]) expect(detailOf(id).s.components.cardCommission, `staff ${id}`).toBe(commission(expected.get(id)!));
    // The slips' 共管客户分成 say whose share was kept and why.
    const rows = (id: number) => detailOf(id).d.credits.map((c) => [c.customerName, c.share, c.keptFor ? `${c.keptFor.staffName}:${c.keptFor.reason}` : null, c.creditedFen]);
    expect(rows(A)).toEqual([['共管客户丁', '60.00', null, 60001], ['共管客户丁', '40.00', '离职经理:left', 40000], ['共管客户戊', '40.00', '无方案员工:no_plan', 40000]]);
    expect(rows(B)).toEqual([['共管客户戊', '60.00', null, 2 * 60001], ['共管客户戊', '40.00', '无方案员工:no_plan', 40000]]);
  });

  it('what-if compares with what was actually paid, the adjustments booked to the period included', async () => {
    const dec = (await call(h.app, hr, 'GET', '/api/v1/pay/periods')).json<{ items: { id: number; period: string }[] }>().items.find((p) => p.period === '2026-12')!;
    const mgr = await signIn(h.app, 'spa.manager');
    const mine = (await call(h.app, mgr, 'GET', '/api/v1/pay/slips/mine')).json<{ items: { id: number; period: string }[] }>().items.find((s) => s.period === '2026-12')!;
    const line = (await call(h.app, mgr, 'GET', `/api/v1/pay/slips/${mine.id}`)).json<{ lines: { id: number; component: string }[] }>().lines.find((l) => l.component === 'cardCommission')!;
    const dispute = (await call(h.app, mgr, 'POST', '/api/v1/pay/disputes', { lineId: line.id, comment: '12月还有一张卡未计' })).json<{ id: number }>();
    const ans = await call(h.app, hr, 'POST', `/api/v1/pay/disputes/${dispute.id}/answer`, { accept: true, answer: '补发', amountFen: 1234 });
    expect(ans.json()).toMatchObject({ adjustment: { period: '2026-12', amountFen: 1234 } });
    const run = (await call(h.app, hr, 'POST', `/api/v1/pay/periods/${dec.id}/runs`)).json<{ id: number; totalFen: number }>();
    const paidA = (await call(h.app, hr, 'GET', `/api/v1/pay/runs/${run.id}/slips`)).json<{ items: Slip[] }>().items.find((s) => s.staffName === '黄小燕')!;
    expect(paidA.components.adjustment).toBe(1234);
    // The same policy: nothing changes, and "before" is the run as paid (its total with the adjustment).
    const same = (await call(h.app, hr, 'POST', '/api/v1/pay/what-if', { periodId: dec.id, document: presetSource('spa-pay') })).json<{ beforeTotalFen: number; afterTotalFen: number; deltaTotalFen: number; people: { staffName: string; beforeFen: number | null; deltaFen: number }[] }>();
    expect(same.beforeTotalFen).toBe(run.totalFen);
    expect(same.deltaTotalFen).toBe(0);
    expect(same.people.find((p) => p.staffName === '黄小燕')).toMatchObject({ beforeFen: paidA.totalFen, deltaFen: 0 });
    // Whoever had a slip was paid, 0.00 included (a slip with nothing to pay has no lines): nobody shows as new.
    const slips = (await call(h.app, hr, 'GET', `/api/v1/pay/runs/${run.id}/slips?pageSize=100`)).json<{ items: Slip[] }>().items;
    expect(slips.some((s) => s.totalFen === 0), 'the month has someone with nothing to pay').toBe(true);
    expect(same.people.filter((p) => p.beforeFen === null).map((p) => p.staffName)).toEqual([]);
    expect(same.people.map((p) => p.deltaFen).every((d) => d === 0)).toBe(true);
    // A richer booking tier: only the plan's lines move, the adjustment is paid on both sides.
    const richer = (await call(h.app, hr, 'POST', '/api/v1/pay/what-if', { periodId: dec.id, document: presetSource('spa-pay').replace('{ max: { value: 80, inclusive: false }, price: 5 }', '{ max: { value: 80, inclusive: false }, price: 6 }') })).json<{ beforeTotalFen: number; deltaTotalFen: number; people: { staffName: string; beforeFen: number; afterFen: number; deltaFen: number }[] }>();
    expect(richer.beforeTotalFen).toBe(run.totalFen);
    expect(richer.people.find((p) => p.staffName === '黄小燕')).toMatchObject({ beforeFen: paidA.totalFen, afterFen: paidA.totalFen + 100, deltaFen: 100 });
    expect(richer.deltaTotalFen).toBe(100);
  });

  it('the plan reads the period\'s published evaluation coefficient; the slip shows it', async () => {
    const bank = await signIn(h.app, 'bank.hr');
    // Someone whose published third quarter carries a coefficient other than 1.
    const [published] = await h.database.query<{ staff_id: number; coefficient: string; band: string }>(
      `select r.staff_id, r.coefficient::text as coefficient, coalesce(r.calibrated_band, r.band) as band from eval_results r join staff s on s.id = r.staff_id
       where r.status in ('published', 'acknowledged', 'appealed', 'final') and r.coefficient <> 1 and r.published_on <= '2026-11-30' order by r.staff_id limit 1`);
    expect(published, 'the demo publishes a third quarter').toBeDefined();
    const zhang = published!.staff_id;
    const document = `id: base-by-evaluation
kind: compensation
title: { zh: 底薪乘考核系数, en: Base times the evaluation coefficient }
version: 1
effective: { from: 2026-01-01, to: null }
source:
  title: 绩效工资办法
  clauses:
    - { ref: "1", text: "绩效底薪=底薪×季度考核系数" }
rounding: half_up
facts:
  - { name: manager.baseFen, type: money, unit: fen, label: { zh: 底薪（分）, en: Base pay (fen) } }
  - { name: evaluation.coefficient, type: number, label: { zh: 考核系数, en: Evaluation coefficient } }
components:
  - { id: base, label: { zh: 绩效底薪, en: Base × coefficient }, clause: "1", calc: { type: formula, expr: "manager.baseFen / 100 * evaluation.coefficient" } }
`;
    const plan = await call(h.app, bank, 'POST', '/api/v1/pay/plans', { code: 'BASE-EVAL', title: '绩效底薪', version: '1', document });
    expect(plan.statusCode, plan.body).toBe(201);
    ids.bankPlan = plan.json<{ id: number }>().id;
    const assigned = await call(h.app, bank, 'POST', '/api/v1/pay/plan-assignments', { planId: ids.bankPlan, validFrom: '2026-01-01' });
    expect(assigned.statusCode).toBe(201);
    ids.bankAssignment = assigned.json<{ id: number }>().id;
    const nov = (await call(h.app, bank, 'POST', '/api/v1/pay/periods', { period: '2026-11' })).json<{ id: number }>();
    expect((await call(h.app, bank, 'POST', `/api/v1/pay/periods/${nov.id}/facts`, { facts: [{ staffId: zhang, kind: 'base', date: '2026-11-01', amount: '5000.01' }] })).statusCode).toBe(200);
    const run = (await call(h.app, bank, 'POST', `/api/v1/pay/periods/${nov.id}/runs`)).json<{ id: number }>();
    ids.bankRun = run.id;
    const slip = (await call(h.app, bank, 'GET', `/api/v1/pay/runs/${run.id}/slips?pageSize=200`)).json<{ items: Slip[] }>().items.find((s) => s.staffId === zhang)!;
    // 500,001 fen × coefficient, half-up to the fen.
    const hundredths = Math.round(Number(published!.coefficient) * 100);
    expect(slip.totalFen).toBe(Math.floor((500001 * hundredths + 50) / 100));
    const detail = (await call(h.app, bank, 'GET', `/api/v1/pay/slips/${slip.id}`)).json<SlipDetail>();
    expect(detail.evaluation).toMatchObject({ coefficient: published!.coefficient, band: published!.band });
  });

  it('HR edits and ends plan assignments: end ≥ start, no two plans for one group on one day, locked days unchanged, audited', async () => {
    const bank = await signIn(h.app, 'bank.hr');
    const A = `/api/v1/pay/plan-assignments`;
    type Err = { code: string; message: { 'zh-CN': string; en: string }; fields: { path: string; code: string; message: { 'zh-CN': string; en: string } }[] };
    // Another plan for the same group (everyone) from December overlaps the open-ended one.
    const clash = await call(h.app, bank, 'POST', A, { planId: ids.bankPlan, validFrom: '2026-12-01' });
    expect(clash.statusCode).toBe(400);
    const err = clash.json<Err>();
    expect(err.fields[0]).toMatchObject({ path: 'validFrom', code: 'overlap' });
    expect(err.message['zh-CN']).toContain('同一天一个人会有两个方案');
    expect(err.message.en).toContain('two plans on one day');
    // An end before the start is refused, naming validTo.
    const back = await call(h.app, bank, 'POST', `${A}/${ids.bankAssignment}/end`, { validTo: '2025-12-31' });
    expect(back.statusCode).toBe(400);
    expect(back.json<Err>().fields[0]).toMatchObject({ path: 'validTo', code: 'before_start' });
    // November is locked: its days keep their plan.
    const run = `/api/v1/pay/runs/${ids.bankRun}/transition`;
    expect((await call(h.app, await signIn(h.app, 'bank.supervisor'), 'POST', run, { action: 'review' })).statusCode).toBe(200);
    expect((await call(h.app, bank, 'POST', run, { action: 'approve' })).statusCode).toBe(200);
    expect((await call(h.app, bank, 'POST', run, { action: 'lock' })).statusCode).toBe(200);
    const locked = await call(h.app, bank, 'POST', `${A}/${ids.bankAssignment}/end`, { validTo: '2026-11-15' });
    expect(locked.statusCode).toBe(400);
    expect(locked.json<Err>().fields[0]).toMatchObject({ code: 'locked_period' });
    // Ending after the locked months is fine, and then the next plan can start the day after.
    const ended = await call(h.app, bank, 'POST', `${A}/${ids.bankAssignment}/end`, { validTo: '2026-12-31' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ id: ids.bankAssignment, validFrom: '2026-01-01', validTo: '2026-12-31' });
    const next = await call(h.app, bank, 'POST', A, { planId: ids.bankPlan, validFrom: '2027-01-01' });
    expect(next.statusCode, next.body).toBe(201);
    const nextId = next.json<{ id: number }>().id;
    // Editing the new one to start a day earlier would overlap again; narrowing it to customer managers would not.
    expect((await call(h.app, bank, 'PUT', `${A}/${nextId}`, { planId: ids.bankPlan, validFrom: '2026-12-31' })).json<Err>().fields[0]).toMatchObject({ code: 'overlap' });
    const edited = await call(h.app, bank, 'PUT', `${A}/${nextId}`, { planId: ids.bankPlan, position: 'customer_manager', validFrom: '2026-12-15', validTo: null });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ position: 'customer_manager', validFrom: '2026-12-15', validTo: null });
    const view = (await call(h.app, bank, 'GET', '/api/v1/pay/plans')).json<{ assignments: { id: number; validTo: string | null }[] }>();
    expect(view.assignments.find((a) => a.id === ids.bankAssignment)!.validTo).toBe('2026-12-31');
    expect((await call(h.app, await signIn(h.app, 'bank.manager'), 'POST', `${A}/${nextId}/end`, { validTo: '2027-12-31' })).statusCode).toBe(403);
    const audit = await h.database.query<{ action: string; entity_id: string }>(`select action, entity_id from audit_log where entity = 'pay_plan_assignment' and entity_id in ($1, $2) order by id`, [String(ids.bankAssignment), String(nextId)]);
    expect(audit.map((a) => `${a.action}:${a.entity_id === String(nextId) ? 'next' : 'first'}`)).toEqual(['create:first', 'update:first', 'create:next', 'update:next']);
  });

  it('an import job reports its phases and rows to the page, through to the report or the bad rows', async () => {
    type Job = { jobId: string; phase: string; phases: string[]; rows: number; bytes: number; totalBytes: number | null; percent: number; report: { imported: number } | null; errors: { row: number }[] };
    const jan = (await call(h.app, hr, 'POST', '/api/v1/pay/periods', { period: '2027-01' })).json<{ id: number }>();
    const csv = `staffId,kind,date,amount\n${Array.from({ length: 300 }, (_, i) => `${ids['黄小燕']},card,2027-01-${String((i % 28) + 1).padStart(2, '0')},${500 + i}`).join('\n')}\n`;
    const open = await call(h.app, hr, 'POST', `/api/v1/pay/periods/${jan.id}/import-jobs`, { fileName: 'jan.csv', size: Buffer.byteLength(csv) });
    expect(open.statusCode, open.body).toBe(201);
    const job = open.json<Job>();
    expect(job).toMatchObject({ phase: 'waiting', percent: 0, rows: 0, totalBytes: Buffer.byteLength(csv) });
    const up = await call(h.app, hr, 'POST', `/api/v1/pay/periods/${jan.id}/facts/import?fileName=jan.csv&jobId=${job.jobId}`, csv, { 'content-type': 'text/csv' });
    expect(up.statusCode, up.body).toBe(200);
    const done = (await call(h.app, hr, 'GET', `/api/v1/pay/import-jobs/${job.jobId}`)).json<Job>();
    expect(done).toMatchObject({ phase: 'done', percent: 100, rows: 300, bytes: Buffer.byteLength(csv), report: { imported: 300 } });
    expect(done.phases).toEqual(['waiting', 'validating', 'writing', 'done']);
    // Stored, so another server process answers the same (the uploading one answers from memory).
    const [row] = await h.database.query<{ phase: string; phases: string[]; rows: number }>('select phase, phases, rows from pay_import_jobs where id = $1', [job.jobId]);
    expect(row).toEqual({ phase: 'done', phases: ['waiting', 'validating', 'writing', 'done'], rows: 300 });
    // The same job cannot take a second upload.
    expect((await call(h.app, hr, 'POST', `/api/v1/pay/periods/${jan.id}/facts/import?fileName=jan2.csv&jobId=${job.jobId}`, csv, { 'content-type': 'text/csv' })).statusCode).toBe(200);
    expect((await call(h.app, hr, 'GET', `/api/v1/pay/import-jobs/${job.jobId}`)).json<Job>().report).toMatchObject({ imported: 300 });
    // Another user (even HR's own manager login) does not see the job.
    expect((await call(h.app, await signIn(h.app, 'spa.supervisor'), 'GET', `/api/v1/pay/import-jobs/${job.jobId}`)).statusCode).toBe(403);
    expect((await call(h.app, await signIn(h.app, 'bank.hr'), 'GET', `/api/v1/pay/import-jobs/${job.jobId}`)).statusCode).toBe(404);
    // A bad row: the job ends failed with the row named, nothing written.
    const bad = `staffId,kind,date,amount\n${ids['黄小燕']},card,2027-01-05,100\n${ids['黄小燕']},card,2027-02-30,100\n`;
    const j2 = (await call(h.app, hr, 'POST', `/api/v1/pay/periods/${jan.id}/import-jobs`, { fileName: 'bad.csv', size: Buffer.byteLength(bad) })).json<Job>();
    expect((await call(h.app, hr, 'POST', `/api/v1/pay/periods/${jan.id}/facts/import?fileName=bad.csv&jobId=${j2.jobId}`, bad, { 'content-type': 'text/csv' })).statusCode).toBe(422);
    const failed = (await call(h.app, hr, 'GET', `/api/v1/pay/import-jobs/${j2.jobId}`)).json<Job>();
    expect(failed).toMatchObject({ phase: 'failed', rows: 2, report: null });
    expect(failed.phases).toEqual(['waiting', 'validating', 'failed']);
    expect(failed.errors.map((e) => e.row)).toEqual([3]);
  });
});
