import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { addDays, addMonths, presetSource } from '@kehu/domain';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';
import { businessDate } from '@kehu/domain/business-date';

interface C { id: number; customerNo: string; orgUnitId: number; territoryId: number | null; bigCustomer: boolean; visitMonthsOverride: number | null; managers: { staffId: number }[] }
type Page<T> = { items: T[]; total: number };
interface Rules { source: string; maxRetailPerManager: number | null; bigCustomerTopN: number | null; allowBackdating: boolean; visitRules: { id: string }[] }
interface Staffing { maxRetail: number | null; items: { name: string; retail: number; retailExcess: number; over: boolean }[] }

/** The first (portfolio) document of the rural-credit preset with `edit` applied to its text. */
const ruralWith = (edit: (doc: string) => string) => {
  const [first, ...rest] = presetSource('rural-credit').split('\n---\n');
  return [edit(first!), ...rest].join('\n---\n');
};

describe.each(testDatabaseKinds())('portfolio policy and territories on %s', (kind) => {
  let h: Harness;
  let mgr: Session; let sup: Session; let hr: Session; let east: Session;
  const ids: Record<string, number> = {};
  let customers: C[] = [];
  const today = businessDate();
  beforeAll(async () => {
    h = await createHarness(kind);
    [mgr, sup, hr] = await Promise.all([signIn(h.app, 'bank.manager'), signIn(h.app, 'bank.supervisor'), signIn(h.app, 'bank.hr')]);
    customers = (await call(h.app, sup, 'GET', '/api/v1/customers?pageSize=200')).json<Page<C>>().items;
    for (const c of customers) ids[c.customerNo] = c.id;
    const staff = (await call(h.app, hr, 'GET', '/api/v1/staff?pageSize=100')).json<Page<{ id: number; name: string }>>().items;
    for (const s of staff) ids[s.name] = s.id;
    const admin = await signIn(h.app, 'bank.admin');
    const units = (await call(h.app, admin, 'GET', '/api/v1/org-units')).json<{ items: { id: number; code: string }[] }>().items;
    for (const u of units) ids[u.code] = u.id;
    await call(h.app, admin, 'POST', '/api/v1/users', { login: 'east.supervisor', displayName: '孙浩', role: 'supervisor', orgUnitId: ids.DB, staffId: ids['孙浩'], password: 'abcd1234' });
    east = await signIn(h.app, 'east.supervisor', 'abcd1234');
    for (const c of (await call(h.app, east, 'GET', '/api/v1/customers?pageSize=200')).json<Page<C>>().items) ids[c.customerNo] = c.id;
  });
  afterAll(() => h?.close());

  const rules = async () => (await call(h.app, sup, 'GET', '/api/v1/portfolio-policy')).json<{ current: { presetId: string | null } | null; rules: Rules }>();
  const setPolicy = (body: object, who = hr) => call(h.app, who, 'PUT', '/api/v1/portfolio-policy', { validFrom: today, ...body });
  const required = async () => (await call(h.app, mgr, 'GET', '/api/v1/today')).json<{ compliance: { required: number } }>().compliance.required;

  describe('big-customer contact log (供电局细则 5.6)', () => {
    interface Log { everyMonths: number | null; lastContact: string | null; nextDue: string | null; status: string; items: { id: number; contactPerson: string; staffName: string; channel: string }[] }
    it('records contacts of a big customer and shows the next regular contact the policy asks for', async () => {
      const before = (await call(h.app, mgr, 'GET', `/api/v1/customers/${ids.C0007}/contacts`)).json<Log>();
      expect(before).toMatchObject({ everyMonths: 1, lastContact: null, items: [] });
      const bad = await call(h.app, mgr, 'POST', `/api/v1/customers/${ids.C0007}/contacts`, { contactDate: addDays(today, 1), contactPerson: '张厂长', channel: 'visit', content: '了解扩产计划' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ fields: { path: string }[] }>().fields[0]!.path).toBe('contactDate');
      const missing = await call(h.app, mgr, 'POST', `/api/v1/customers/${ids.C0007}/contacts`, { contactDate: today, channel: 'visit', content: 'x' });
      expect(missing.json<{ fields: { path: string }[] }>().fields.map((f) => f.path)).toContain('contactPerson');
      const res = await call(h.app, mgr, 'POST', `/api/v1/customers/${ids.C0007}/contacts`, { contactDate: addDays(today, -3), contactPerson: '张厂长', channel: 'visit', content: '了解二期扩产用电需求', followUp: '下月报送供电方案' });
      expect(res.statusCode).toBe(201);
      const log = res.json<Log>();
      expect(log).toMatchObject({ everyMonths: 1, lastContact: addDays(today, -3), nextDue: addMonths(addDays(today, -3), 1), status: 'ok' });
      expect(log.items[0]).toMatchObject({ contactPerson: '张厂长', staffName: '李娜', channel: 'visit' });
      // The supervisor reads it; a customer that is not a big customer keeps no contact log.
      expect((await call(h.app, sup, 'GET', `/api/v1/customers/${ids.C0007}/contacts`)).json<Log>().items).toHaveLength(1);
      const notBig = await call(h.app, mgr, 'POST', `/api/v1/customers/${ids.C0002}/contacts`, { contactDate: today, contactPerson: '刘桂兰', channel: 'phone', content: '回访' });
      expect(notBig.statusCode).toBe(400);
      // Nor can a manager reach another manager's customer's log by its id.
      expect((await call(h.app, mgr, 'GET', `/api/v1/customers/${ids.C0008}/contacts`)).statusCode).toBe(404);
      expect((await call(h.app, mgr, 'POST', `/api/v1/customers/${ids.C0008}/contacts`, { contactDate: today, contactPerson: 'x', channel: 'phone', content: 'x' })).statusCode).toBe(404);
    });

    it('its author or HR corrects or deletes an entry, audited; others may not', async () => {
      const entry = { contactDate: addDays(today, -2), contactPerson: '王科长', channel: 'phone', content: '电话确认用电容量', followUp: '' };
      const made = (await call(h.app, mgr, 'POST', `/api/v1/customers/${ids.C0007}/contacts`, entry)).json<Log>();
      const id = made.items.find((i) => i.contactPerson === '王科长')!.id;
      const url = `/api/v1/customers/${ids.C0007}/contacts/${id}`;
      // The supervisor reads the log but did not write this entry.
      const sup403 = await call(h.app, sup, 'PUT', url, { ...entry, content: 'x' });
      expect(sup403.statusCode).toBe(403);
      expect(sup403.json<{ message: { 'zh-CN': string } }>().message['zh-CN']).toContain('记录人或人力管理员');
      expect((await call(h.app, sup, 'DELETE', url)).statusCode).toBe(403);
      expect((await call(h.app, mgr, 'PUT', url, { ...entry, contactDate: addDays(today, 1) })).json<{ fields: { path: string }[] }>().fields[0]!.path).toBe('contactDate');
      // The wrong customer in the path finds nothing.
      expect((await call(h.app, mgr, 'PUT', `/api/v1/customers/${ids.C0002}/contacts/${id}`, entry)).statusCode).toBe(404);
      const fixed = await call(h.app, mgr, 'PUT', url, { ...entry, contactPerson: '王处长', followUp: '周五报送方案' });
      expect(fixed.statusCode).toBe(200);
      expect(fixed.json()).toMatchObject({ id, contactPerson: '王处长', followUp: '周五报送方案', staffName: '李娜' });
      const byHr = await call(h.app, hr, 'PUT', url, { ...entry, contactPerson: '王处长', content: '电话确认用电容量 800kVA' });
      expect(byHr.json()).toMatchObject({ content: '电话确认用电容量 800kVA', staffName: '李娜' });
      const audits = await h.database.query<{ action: string; before: { contactPerson: string }; after: { contactPerson: string } | null }>(
        `select action, before, after from audit_log where entity = 'big_customer_contact' and entity_id = $1 order by id`, [String(id)]);
      expect(audits.map((a) => [a.action, a.before?.contactPerson, a.after?.contactPerson])).toEqual([['create', undefined, '王科长'], ['correct', '王科长', '王处长'], ['correct', '王处长', '王处长']]);
      expect((await call(h.app, hr, 'DELETE', url)).statusCode).toBe(204);
      expect((await call(h.app, mgr, 'GET', `/api/v1/customers/${ids.C0007}/contacts`)).json<Log>().items.map((i) => i.contactPerson)).not.toContain('王处长');
      expect((await call(h.app, mgr, 'DELETE', url)).statusCode).toBe(404);
      const [gone] = await h.database.query<{ before: { content: string } }>(`select before from audit_log where entity = 'big_customer_contact' and entity_id = $1 and action = 'delete'`, [String(id)]);
      expect(gone!.before.content).toBe('电话确认用电容量 800kVA');
      // The author deletes their own entry too.
      const again = (await call(h.app, mgr, 'POST', `/api/v1/customers/${ids.C0007}/contacts`, entry)).json<{ items: { id: number; contactPerson: string }[] }>().items.find((i) => i.contactPerson === '王科长')!;
      expect((await call(h.app, mgr, 'DELETE', `/api/v1/customers/${ids.C0007}/contacts/${again.id}`)).statusCode).toBe(204);
    });
  });

  describe('the portfolio rules come from the tenant’s policy', () => {
    it('runs on the rural-credit / power-supply defaults until HR sets a policy', async () => {
      const r = await rules();
      expect(r.current).toBeNull();
      expect(r.rules).toMatchObject({ maxRetailPerManager: 1000, bigCustomerTopN: 21, allowBackdating: true });
      expect((await call(h.app, sup, 'GET', '/api/v1/staffing')).json<Staffing>().maxRetail).toBe(1000);
    });

    it('refuses a policy from anyone but HR, in the past, or without a portfolio document', async () => {
      expect((await setPolicy({ presetId: 'rural-credit' }, sup)).statusCode).toBe(403);
      expect((await setPolicy({ presetId: 'rural-credit' }, mgr)).statusCode).toBe(403);
      const past = await setPolicy({ presetId: 'rural-credit', validFrom: addDays(today, -1) });
      expect(past.statusCode).toBe(400);
      expect(past.json<{ fields: { path: string }[] }>().fields[0]!.path).toBe('validFrom');
      const pay = await setPolicy({ presetId: 'spa-pay' });
      expect(pay.statusCode).toBe(400);
      expect(pay.json<{ fields: { path: string; message: { 'zh-CN': string } }[] }>().fields[0]).toMatchObject({ path: 'presetId' });
      expect((await setPolicy({ presetId: 'no-such-preset' })).statusCode).toBe(400);
      // A document the policy check finds errors in (a rule on a fact it never declares) is refused, naming the error.
      const doc = presetSource('rural-credit').replace('{ field: loanAmount, op: gte, value: 300000 }', '{ field: loanAmountt, op: gte, value: 300000 }');
      const linted = await setPolicy({ presetId: null, document: doc });
      expect(linted.statusCode).toBe(400);
      const lintError = linted.json<{ fields: { path: string; message: { 'zh-CN': string; en: string } }[] }>().fields[0]!;
      expect(lintError.path).toBe('document');
      expect(lintError.message['zh-CN']).toContain('未声明的事实“loanAmountt”');
      expect(lintError.message.en).toContain('Unknown fact "loanAmountt"');
      expect((await rules()).current).toBeNull();
    });

    it('the power-supply policy: only big customers need visits, no staffing limit, top 21', async () => {
      const before = await required();
      const mine = (await call(h.app, mgr, 'GET', '/api/v1/customers?pageSize=100')).json<Page<C>>().items;
      const res = await setPolicy({ presetId: 'power-big-customers' });
      expect(res.statusCode).toBe(200);
      const r = (await rules()).rules;
      expect(r).toMatchObject({ source: 'power-big-customers@1', maxRetailPerManager: null, bigCustomerTopN: 21, allowBackdating: false });
      expect(r.visitRules.map((v) => v.id)).toEqual(['big']);
      const expected = mine.filter((c) => c.visitMonthsOverride !== null || c.bigCustomer).length;
      expect(await required()).toBe(expected);
      expect(expected).toBeLessThan(before);
      const staffing = (await call(h.app, sup, 'GET', '/api/v1/staffing')).json<Staffing>();
      expect(staffing.maxRetail).toBeNull();
      expect(staffing.items.every((i) => !i.over)).toBe(true);
    });

    it('a hand-written rural-credit policy: retail limit 3 shows who is over and by how much; no back-dating', async () => {
      const doc = ruralWith((d) => d.replace('maxPerManager: 1000', 'maxPerManager: 3').replace('\nreports:', '\nassignments: { maxBackdateDays: 0 }\nreports:'));
      const res = await setPolicy({ document: doc });
      expect(res.statusCode).toBe(200);
      const staffing = (await call(h.app, sup, 'GET', '/api/v1/staffing')).json<Staffing>();
      expect(staffing.maxRetail).toBe(3);
      const li = staffing.items.find((i) => i.name === '李娜')!;
      expect(li).toMatchObject({ over: true, retailExcess: li.retail - 3 });
      const back = await call(h.app, sup, 'PUT', `/api/v1/customers/${ids.C0005}/assignments`, { effectiveDate: addDays(today, -1), items: [{ staffId: ids['李娜'], role: 'manage', share: '100' }] });
      expect(back.statusCode).toBe(400);
      expect(back.json<{ fields: { path: string }[] }>().fields[0]!.path).toBe('effectiveDate');
    });

    it('back to the rural-credit preset with back-dating up to 30 days', async () => {
      const res = await setPolicy({ document: ruralWith((d) => d.replace('\nreports:', '\nassignments: { maxBackdateDays: 30 }\nreports:')) });
      expect(res.statusCode).toBe(200);
      const ok = await call(h.app, sup, 'PUT', `/api/v1/customers/${ids.C0005}/assignments`, { effectiveDate: addDays(today, -1), items: [{ staffId: ids['李娜'], role: 'manage', share: '100' }] });
      expect(ok.statusCode).toBe(200);
      const far = await call(h.app, sup, 'PUT', `/api/v1/customers/${ids.C0005}/assignments`, { effectiveDate: addDays(today, -31), items: [{ staffId: ids['李娜'], role: 'manage', share: '100' }] });
      expect(far.statusCode).toBe(400);
      expect((await call(h.app, sup, 'GET', '/api/v1/big-customers')).json<{ topN: number | null; items: unknown[] }>()).toMatchObject({ topN: null, items: [] });
    });
  });

  describe('territories (管片)', () => {
    let terr: { id: number; customers: number };
    it('a supervisor creates a territory in their branch, a manager may not', async () => {
      const c1 = customers.find((c) => c.customerNo === 'C0001')!;
      const res = await call(h.app, sup, 'POST', '/api/v1/territories', { orgUnitId: c1.orgUnitId, code: 'QS01', name: '青山片区' });
      expect(res.statusCode).toBe(201);
      terr = res.json();
      expect(terr).toMatchObject({ name: '青山片区', customers: 0 });
      expect((await call(h.app, mgr, 'POST', '/api/v1/territories', { orgUnitId: c1.orgUnitId, code: 'QS02', name: 'x' })).statusCode).toBe(403);
      const dup = await call(h.app, sup, 'POST', '/api/v1/territories', { orgUnitId: c1.orgUnitId, code: 'QS01', name: '重复' });
      expect(dup.statusCode).toBe(409);
    });

    it('puts customers into it all or none, and the list filters by it', async () => {
      const bad = await call(h.app, sup, 'POST', `/api/v1/territories/${terr.id}/customers`, { customerIds: [ids.C0001, ids.C0015] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ fields: { path: string }[] }>().fields[0]!.path).toBe('customerIds.1');
      expect((await call(h.app, sup, 'GET', `/api/v1/customers?territoryId=${terr.id}`)).json<Page<C>>().total).toBe(0);
      const ok = await call(h.app, sup, 'POST', `/api/v1/territories/${terr.id}/customers`, { customerIds: [ids.C0001, ids.C0002, ids.C0008] });
      expect(ok.statusCode).toBe(200);
      expect(ok.json<{ customers: number }>().customers).toBe(3);
      const listed = (await call(h.app, sup, 'GET', `/api/v1/customers?territoryId=${terr.id}`)).json<Page<C>>();
      expect(listed.items.map((c) => c.customerNo).sort()).toEqual(['C0001', 'C0002', 'C0008']);
      // A manager filtering by the territory still sees only the customers they hold.
      const mine = (await call(h.app, mgr, 'GET', `/api/v1/customers?territoryId=${terr.id}`)).json<Page<C>>();
      expect(mine.items.map((c) => c.customerNo).sort()).toEqual(['C0001', 'C0002']);
    });

    it('renames within scope only; another branch’s supervisor neither sees nor changes it', async () => {
      const res = await call(h.app, sup, 'PATCH', `/api/v1/territories/${terr.id}`, { name: '青山东片' });
      expect(res.json()).toMatchObject({ name: '青山东片', customers: 3 });
      expect((await call(h.app, east, 'PATCH', `/api/v1/territories/${terr.id}`, { name: 'x' })).statusCode).toBe(404);
      expect((await call(h.app, east, 'POST', `/api/v1/territories/${terr.id}/customers`, { customerIds: [ids.C0015] })).statusCode).toBe(404);
      expect((await call(h.app, east, 'GET', '/api/v1/territories')).json<{ items: { id: number }[] }>().items.map((t) => t.id)).not.toContain(terr.id);
    });

    it('takes customers out of it all or none, scope-checked', async () => {
      const out = (body: object, who = sup) => call(h.app, who, 'POST', `/api/v1/territories/${terr.id}/customers/remove`, body);
      // C0003 is not in the territory: nothing changes.
      const bad = await out({ customerIds: [ids.C0002, ids.C0003] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ fields: { path: string; message: { 'zh-CN': string } }[] }>().fields[0]).toMatchObject({ path: 'customerIds.1', message: { 'zh-CN': '客户不在该管片中' } });
      expect((await out({ customerIds: [ids.C0015] }, east)).statusCode).toBe(404);
      expect((await out({ customerIds: [ids.C0002] }, mgr)).statusCode).toBe(403);
      expect((await call(h.app, sup, 'GET', `/api/v1/customers?territoryId=${terr.id}`)).json<Page<C>>().total).toBe(3);
      const ok = await out({ customerIds: [ids.C0002] });
      expect(ok.statusCode).toBe(200);
      expect(ok.json<{ customers: number }>().customers).toBe(2);
      expect((await call(h.app, sup, 'GET', `/api/v1/customers/${ids.C0002}`)).json<C>().territoryId).toBeNull();
      const [audit] = await h.database.query<{ after: { customers: { customerId: number }[] } }>(`select after from audit_log where entity = 'territory' and entity_id = $1 and action = 'unassign_territory'`, [String(terr.id)]);
      expect(audit!.after.customers.map((c) => c.customerId)).toEqual([ids.C0002]);
    });

    it('deletes it only with the customer count confirmed; its customers become unassigned', async () => {
      const del = (n: number | null, who = sup) => call(h.app, who, 'DELETE', `/api/v1/territories/${terr.id}${n === null ? '' : `?customers=${n}`}`);
      expect((await del(2, mgr)).statusCode).toBe(403);
      expect((await del(2, east)).statusCode).toBe(404);
      const stale = await del(null);
      expect(stale.statusCode).toBe(409);
      expect(stale.json<{ message: { 'zh-CN': string; en: string } }>().message['zh-CN']).toContain('现有 2 户');
      expect((await del(1)).statusCode).toBe(409);
      expect((await call(h.app, sup, 'GET', `/api/v1/customers?territoryId=${terr.id}`)).json<Page<C>>().total).toBe(2);
      expect((await del(2)).statusCode).toBe(204);
      expect((await call(h.app, sup, 'GET', '/api/v1/territories')).json<{ items: { id: number }[] }>().items.map((t) => t.id)).not.toContain(terr.id);
      for (const no of ['C0001', 'C0008']) expect((await call(h.app, sup, 'GET', `/api/v1/customers/${ids[no]}`)).json<C>().territoryId).toBeNull();
      const [audit] = await h.database.query<{ before: { code: string; customerIds: number[] } }>(`select before from audit_log where entity = 'territory' and entity_id = $1 and action = 'delete'`, [String(terr.id)]);
      expect(audit!.before).toMatchObject({ code: 'QS01', customerIds: [ids.C0001!, ids.C0008!].sort((a, b) => a - b) });
      expect((await del(0)).statusCode).toBe(404);
    });
  });
});
