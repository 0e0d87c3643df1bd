import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { addDays } from '@kehu/domain';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';
import { businessDate } from '@kehu/domain/business-date';

interface C { id: number; customerNo: string; name: string; idNo: string; phone: string; visitStatus: string; managers: { staffId: number; staffName: string; share: string; role: string }[] }
type Page<T> = { items: T[]; total: number };

describe.each(testDatabaseKinds())('customer portfolios and field work on %s', (kind) => {
  let h: Harness;
  let mgr: Session; let sup: Session; let hr: Session; let spa: Session; let east: Session;
  const ids: Record<string, number> = {};
  const today = businessDate();
  beforeAll(async () => {
    h = await createHarness(kind);
    [mgr, sup, hr, spa] = await Promise.all([signIn(h.app, 'bank.manager'), signIn(h.app, 'bank.supervisor'), signIn(h.app, 'bank.hr'), signIn(h.app, 'spa.manager')]);
    const all = (await call(h.app, sup, 'GET', '/api/v1/customers?pageSize=200')).json<Page<C>>().items;
    for (const c of all) ids[c.customerNo] = c.id;
    ids.V001 = (await call(h.app, spa, 'GET', '/api/v1/customers')).json<Page<C>>().items[0]!.id;
    const staff = (await call(h.app, hr, 'GET', '/api/v1/staff?pageSize=100')).json<Page<{ id: number; name: string }>>().items;
    for (const s of staff) ids[s.name] = s.id;
    // A supervisor of the other branch, to prove the subtree scope.
    const admin = await signIn(h.app, 'bank.admin');
    const units = (await call(h.app, admin, 'GET', '/api/v1/org-units')).json<{ items: { id: number; code: string }[] }>().items;
    await call(h.app, admin, 'POST', '/api/v1/users', { login: 'east.supervisor', displayName: '孙浩', role: 'supervisor', orgUnitId: units.find((u) => u.code === 'DB')!.id, staffId: ids['孙浩'], password: 'abcd1234' });
    east = await signIn(h.app, 'east.supervisor', 'abcd1234');
    for (const c of (await call(h.app, east, 'GET', '/api/v1/customers?pageSize=200')).json<Page<C>>().items) ids[c.customerNo] = c.id;
  });
  afterAll(() => h?.close());

  it('shows a manager only the customers they hold, with ID numbers and phones whole', async () => {
    const page = (await call(h.app, mgr, 'GET', '/api/v1/customers?pageSize=100')).json<Page<C>>();
    expect(page.items.map((c) => c.customerNo).sort()).toEqual(['C0001', 'C0002', 'C0003', 'C0004', 'C0005', 'C0006', 'C0007']);
    const wang = page.items.find((c) => c.customerNo === 'C0001')!;
    expect(wang.idNo).toMatch(/^\d{17}[\dX]$/);
    expect(wang.phone).toBe('13973100001');
    const shared = page.items.find((c) => c.customerNo === 'C0006')!;
    expect(shared.managers.map((m) => [m.staffName, m.share, m.role]).sort()).toEqual([['张伟', '40', 'develop'], ['李娜', '60', 'manage']]);
  });

  it('shows a supervisor the unit subtree, masked, and nothing of another branch or tenant', async () => {
    const page = (await call(h.app, sup, 'GET', '/api/v1/customers?pageSize=100')).json<Page<C>>();
    expect(page.total).toBe(14);
    expect(page.items.every((c) => /\*{4}/.test(c.idNo))).toBe(true);
    expect(page.items.find((c) => c.customerNo === 'C0001')!.phone).toBe('139****0001');
    expect((await call(h.app, sup, 'GET', `/api/v1/customers/${ids.C0015}`)).statusCode).toBe(404);
    expect((await call(h.app, east, 'GET', `/api/v1/customers/${ids.C0015}`)).statusCode).toBe(200);
    expect((await call(h.app, sup, 'GET', `/api/v1/customers/${ids.V001}`)).statusCode).toBe(404);
  });

  it('never lets a manager reach another manager’s customer by changing the id', async () => {
    for (const no of ['C0008', 'C0009', 'C0013', 'C0015', 'C0011']) {
      expect((await call(h.app, mgr, 'GET', `/api/v1/customers/${ids[no]}`)).statusCode, no).toBe(404);
      expect((await call(h.app, mgr, 'GET', `/api/v1/customers/${ids[no]}/assignments`)).statusCode, no).toBe(404);
      expect((await call(h.app, mgr, 'PATCH', `/api/v1/customers/${ids[no]}`, { version: 1, address: 'x' })).statusCode, no).toBe(404);
      expect((await call(h.app, mgr, 'POST', '/api/v1/visits', { customerId: ids[no], visitDate: today, purpose: '走访' })).statusCode, no).toBe(400);
    }
    expect((await call(h.app, mgr, 'GET', `/api/v1/customers/${ids.V001}`)).statusCode).toBe(404);
    expect((await call(h.app, mgr, 'GET', `/api/v1/visits?customerId=${ids.C0008}`)).statusCode).toBe(404);
  });

  it('searches by name prefix and by ID number prefix', async () => {
    const byName = (await call(h.app, sup, 'GET', `/api/v1/customers?q=${encodeURIComponent('青山')}`)).json<Page<C>>();
    expect(byName.items.map((c) => c.name).sort()).toEqual(['青山农机专业合作社', '青山水泥厂', '青山米业有限公司'].sort());
    const mine = (await call(h.app, mgr, 'GET', '/api/v1/customers?q=C0001')).json<Page<C>>();
    const idPrefix = mine.items[0]!.idNo.slice(0, 14);
    const byId = (await call(h.app, mgr, 'GET', `/api/v1/customers?q=${idPrefix}`)).json<Page<C>>();
    expect(byId.items.map((c) => c.customerNo)).toContain('C0001');
  });

  it('builds the today page: overdue, due, new complaints; a visit clears the overdue one', async () => {
    const t = (await call(h.app, mgr, 'GET', '/api/v1/today')).json<{ overdue: { customerName: string }[]; due: { customerName: string }[]; newComplaints: { description: string }[]; compliance: { required: number; overdue: number } }>();
    expect(t.overdue.map((x) => x.customerName).sort()).toEqual(['李记杂货店', '王大山', '青山水泥厂'].sort());
    expect(t.due.map((x) => x.customerName)).toContain('刘桂兰');
    expect(t.newComplaints.map((x) => x.description)).toEqual(['办理贷款展期等候时间过长']);
    expect(t.compliance).toMatchObject({ required: 6, overdue: 3 });
    const v = await call(h.app, mgr, 'POST', '/api/v1/visits', { customerId: ids.C0001, visitDate: today, purpose: '贷后检查', findings: '正常', customerRequests: '', followUp: '一个月后复查' });
    expect(v.statusCode).toBe(201);
    const after = (await call(h.app, mgr, 'GET', '/api/v1/today')).json<{ overdue: { customerName: string }[] }>();
    expect(after.overdue.map((x) => x.customerName)).not.toContain('王大山');
    expect((await call(h.app, mgr, 'POST', '/api/v1/visits', { customerId: ids.C0001, visitDate: addDays(today, 1), purpose: 'x' })).statusCode).toBe(400);
  });

  it('reports compliance per manager and unit, in scope', async () => {
    const r = (await call(h.app, sup, 'GET', '/api/v1/visit-compliance')).json<{ managers: { name: string; required: number; rate: string | null }[]; units: { orgUnitName: string }[] }>();
    expect(r.managers.map((m) => m.name)).toContain('李娜');
    expect(r.managers.map((m) => m.name)).not.toContain('马丽');
    expect(r.units.map((u) => u.orgUnitName)).toContain('人民路支行');
    const own = (await call(h.app, mgr, 'GET', '/api/v1/visit-compliance')).json<{ managers: { name: string }[] }>();
    expect(own.managers.map((m) => m.name)).toEqual(['李娜']);
    const tenant = (await call(h.app, hr, 'GET', '/api/v1/visit-compliance')).json<{ managers: { name: string }[] }>();
    expect(tenant.managers.map((m) => m.name)).toContain('马丽');
  });

  it('validates shares to at most 100% with exact decimals, and keeps the history', async () => {
    const bad = await call(h.app, sup, 'PUT', `/api/v1/customers/${ids.C0006}/assignments`, { effectiveDate: today, items: [{ staffId: ids['李娜'], role: 'manage', share: '60' }, { staffId: ids['张伟'], role: 'develop', share: '40.01' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ fields: { path: string }[] }>().fields[0]!.path).toBe('items');
    const ok = await call(h.app, sup, 'PUT', `/api/v1/customers/${ids.C0006}/assignments`, { effectiveDate: today, items: [{ staffId: ids['李娜'], role: 'manage', share: '33.34' }, { staffId: ids['张伟'], role: 'develop', share: '33.33' }, { staffId: ids['刘洋'], role: 'collect', share: '33.33' }] });
    expect(ok.statusCode).toBe(200);
    const hist = ok.json<{ items: { staffName: string; validTo: string | null }[] }>().items;
    expect(hist.filter((a) => a.validTo === null)).toHaveLength(3);
    expect(hist.filter((a) => a.validTo === addDays(today, -1))).toHaveLength(2);
    const three = (await call(h.app, sup, 'PUT', `/api/v1/customers/${ids.C0006}/assignments`, { effectiveDate: addDays(today, -200), items: [{ staffId: ids['李娜'], role: 'manage', share: '100' }] }));
    expect(three.statusCode).toBe(400);
    expect(three.json<{ fields: { path: string }[] }>().fields[0]!.path).toBe('effectiveDate');
    // Assigning to someone of another branch is refused.
    expect((await call(h.app, sup, 'PUT', `/api/v1/customers/${ids.C0006}/assignments`, { effectiveDate: today, items: [{ staffId: ids['马丽'], role: 'manage', share: '10' }] })).statusCode).toBe(400);
  });

  it('runs a claim and a transfer through approval', async () => {
    const claimable = (await call(h.app, mgr, 'GET', '/api/v1/customers?unassigned=true')).json<Page<C>>();
    expect(claimable.items.map((c) => c.customerNo).sort()).toEqual(['C0011', 'C0012']);
    expect(claimable.items[0]!.idNo).toMatch(/\*{4}/);
    const claim = await call(h.app, mgr, 'POST', '/api/v1/assignment-requests', { kind: 'claim', customerId: ids.C0011, effectiveDate: addDays(today, -10), reason: '本片区农户' });
    expect(claim.statusCode).toBe(201);
    expect((await call(h.app, mgr, 'POST', '/api/v1/assignment-requests', { kind: 'claim', customerId: ids.C0011, effectiveDate: today })).statusCode).toBe(409);
    const colleagues = (await call(h.app, mgr, 'GET', '/api/v1/assignment-requests/colleagues')).json<{ items: { staffId: number; name: string }[] }>().items;
    expect(colleagues.map((c) => c.name)).toContain('刘洋');
    expect(colleagues.map((c) => c.name)).not.toContain('马丽');
    const transfer = await call(h.app, mgr, 'POST', '/api/v1/assignment-requests', { kind: 'transfer', customerId: ids.C0002, toStaffId: ids['刘洋'], effectiveDate: today, reason: '客户搬家' });
    expect(transfer.statusCode).toBe(201);
    // Not someone else's customer, not someone of another branch.
    expect((await call(h.app, mgr, 'POST', '/api/v1/assignment-requests', { kind: 'transfer', customerId: ids.C0008, toStaffId: ids['刘洋'], effectiveDate: today })).statusCode).toBe(404);
    expect((await call(h.app, mgr, 'POST', '/api/v1/assignment-requests', { kind: 'transfer', customerId: ids.C0003, toStaffId: ids['马丽'], effectiveDate: today })).statusCode).toBe(400);

    const pending = (await call(h.app, sup, 'GET', '/api/v1/assignment-requests?status=pending')).json<Page<{ id: number; customerName: string; kind: string }>>();
    expect(pending.items.map((r) => r.customerName).sort()).toEqual(['刘桂兰', '张兰芳', '赵六'].sort());
    expect((await call(h.app, east, 'GET', '/api/v1/assignment-requests?status=pending')).json<Page<unknown>>().total).toBe(0);
    const claimId = claim.json<{ id: number }>().id;
    expect((await call(h.app, east, 'POST', `/api/v1/assignment-requests/${claimId}/decision`, { decision: 'approve' })).statusCode).toBe(404);
    expect((await call(h.app, mgr, 'POST', `/api/v1/assignment-requests/${claimId}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    const ok = await call(h.app, sup, 'POST', `/api/v1/assignment-requests/${claimId}/decision`, { decision: 'approve', note: '同意' });
    expect(ok.json()).toMatchObject({ status: 'approved', decidedByName: '王建国' });
    expect((await call(h.app, sup, 'POST', `/api/v1/assignment-requests/${claimId}/decision`, { decision: 'reject' })).statusCode).toBe(409);
    expect((await call(h.app, mgr, 'GET', `/api/v1/customers/${ids.C0011}`)).statusCode).toBe(200);

    await call(h.app, sup, 'POST', `/api/v1/assignment-requests/${transfer.json<{ id: number }>().id}/decision`, { decision: 'approve' });
    expect((await call(h.app, mgr, 'GET', `/api/v1/customers/${ids.C0002}`)).statusCode).toBe(404);
    const hist = (await call(h.app, sup, 'GET', `/api/v1/customers/${ids.C0002}/assignments`)).json<{ items: { staffName: string; validTo: string | null }[] }>().items;
    expect(hist.map((a) => [a.staffName, a.validTo])).toEqual([['刘洋', null], ['李娜', addDays(today, -1)]]);
  });

  it('hands a leaving manager’s customers over, problem loans to the supervisor', async () => {
    const r = await call(h.app, sup, 'POST', '/api/v1/handovers', { fromStaffId: ids['张伟'], toStaffId: ids['刘洋'], effectiveDate: today });
    expect(r.json()).toMatchObject({ moved: 3, toSupervisor: 1 });
    const c8 = (await call(h.app, sup, 'GET', `/api/v1/customers/${ids.C0008}`)).json<C>();
    expect(c8.managers.map((m) => m.staffName)).toEqual(['王建国']);
  });

  it('records and resolves complaints, and counts them per manager', async () => {
    const c = await call(h.app, mgr, 'POST', '/api/v1/complaints', { customerId: ids.C0003, source: 'hotline_12363', category: 'fees', description: '账户管理费未提前告知', receivedDate: today });
    expect(c.statusCode).toBe(201);
    expect(c.json()).toMatchObject({ staffName: '李娜', status: 'new', deadline: addDays(today, 15) });
    const id = c.json<{ id: number }>().id;
    expect((await call(h.app, mgr, 'PATCH', `/api/v1/complaints/${id}`, { status: 'resolved' })).statusCode).toBe(400);
    const done = await call(h.app, mgr, 'PATCH', `/api/v1/complaints/${id}`, { status: 'resolved', outcome: '已退还费用并致歉' });
    expect(done.json()).toMatchObject({ status: 'resolved', resolvedDate: today });
    expect((await call(h.app, mgr, 'PATCH', `/api/v1/complaints/${id}`, { outcome: 'x' })).statusCode).toBe(409);
    const stats = (await call(h.app, sup, 'GET', `/api/v1/complaints/stats?from=${addDays(today, -60)}&to=${today}`)).json<{ items: { name: string; total: number; resolved: number }[] }>();
    expect(stats.items.find((s) => s.name === '李娜')).toMatchObject({ total: 2, resolved: 1 });
    expect((await call(h.app, east, 'GET', `/api/v1/complaints/${id}`)).statusCode).toBe(404);
  });

  it('computes retention per manager over two periods', async () => {
    const q = `firstFrom=${addDays(today, -300)}&firstTo=${addDays(today, -200)}&secondFrom=${addDays(today, -30)}&secondTo=${today}`;
    const r = (await call(h.app, sup, 'GET', `/api/v1/retention?${q}`)).json<{ items: { name: string; base: number; kept: number; rate: string | null }[] }>();
    const li = r.items.find((x) => x.name === '李娜')!;
    // 李娜 held C0001–C0003, C0005–C0007 in the first period (C0004 came later); C0002 went to 刘洋 today, still held this period.
    expect(li).toMatchObject({ base: 6, kept: 6, rate: '1.0000' });
    expect((await call(h.app, mgr, 'GET', `/api/v1/retention?${q}`)).json<{ items: { name: string }[] }>().items.map((x) => x.name)).toEqual(['李娜']);
    expect((await call(h.app, sup, 'GET', `/api/v1/retention?firstFrom=${today}&firstTo=${addDays(today, -1)}&secondFrom=${today}&secondTo=${today}`)).statusCode).toBe(400);
  });

  it('selects big customers by consumption and marks exactly those', async () => {
    const cement = ids.C0007!;
    const before = (await call(h.app, sup, 'GET', '/api/v1/big-customers')).json<{ topN: number; items: { customerId: number; flagged: boolean }[]; toFlag: number[] }>();
    expect(before.topN).toBe(21);
    expect(before.items.map((i) => i.customerId)).toEqual([cement]);
    const c3 = (await call(h.app, sup, 'GET', `/api/v1/customers/${ids.C0003}`)).json<{ version: number }>();
    await call(h.app, sup, 'PATCH', `/api/v1/customers/${ids.C0003}`, { version: c3.version, consumption: 12_000_000 });
    const applied = (await call(h.app, sup, 'POST', '/api/v1/big-customers/apply', {})).json<{ items: { customerId: number; rank: number; flagged: boolean }[]; toFlag: number[] }>();
    expect(applied.items.map((i) => [i.customerId, i.rank, i.flagged])).toEqual([[ids.C0003, 1, true], [cement, 2, true]]);
    expect(applied.toFlag).toEqual([]);
    expect((await call(h.app, mgr, 'GET', '/api/v1/big-customers')).statusCode).toBe(403);
  });

  it('exports customers to Excel and imports them back, all rows or none', async () => {
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const exported = await call(h.app, sup, 'GET', '/api/v1/customers/export.xlsx');
    expect(exported.statusCode).toBe(200);
    const file = exported.rawPayload;
    const again = await call(h.app, sup, 'POST', '/api/v1/customers/import', file, { 'content-type': XLSX });
    expect(again.statusCode).toBe(200);
    // Masked ID numbers in a supervisor's sheet never overwrite the stored ones.
    expect(again.json()).toMatchObject({ imported: 0, updated: 0 });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.addRow(['C9001', '新导入农户', '农户', '零售', '430102198001011234', '13900009001', '人民路 1 号', 'CQ01', '12,000.50', '0', 'A', '']);
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await call(h.app, sup, 'POST', '/api/v1/customers/import', good, { 'content-type': XLSX });
    expect(r.json()).toMatchObject({ imported: 1 });
    const found = (await call(h.app, sup, 'GET', '/api/v1/customers?q=C9001')).json<Page<C & { loanBalanceFen: number }>>().items[0]!;
    expect(found).toMatchObject({ name: '新导入农户', loanBalanceFen: 1_200_050 });
    ws.addRow(['C9002', '坏行', '外星人', '零售', '1', '', '', 'DB01', 'abc', '0', 'A', '']);
    const bad = await call(h.app, sup, 'POST', '/api/v1/customers/import', Buffer.from(await wb.xlsx.writeBuffer()), { 'content-type': XLSX });
    expect(bad.statusCode).toBe(422);
    const columns = bad.json<{ details: { report: { errors: { row: number; column: string }[] } } }>().details.report.errors.map((e) => e.column);
    expect(columns).toEqual(expect.arrayContaining(['客户类型', '机构代码', '贷款余额（元）']));
    expect((await call(h.app, sup, 'GET', '/api/v1/customers?q=C9002')).json<Page<C>>().total).toBe(0);
  });

  it('tracks half-yearly market-research reports: who owes one, submission, review', async () => {
    const { halfYearOf } = await import('@kehu/domain');
    const period = halfYearOf(today);
    const o = (await call(h.app, sup, 'GET', '/api/v1/research-reports')).json<{ period: string; items: { name: string; status: string; report: { id: number } | null }[] }>();
    expect(o.period).toBe(period);
    expect(o.items.find((i) => i.name === '李娜')!.status).toBe('missing');
    const zhang = o.items.find((i) => i.name === '张伟')!;
    expect(zhang.status).toBe('submitted');
    const sub = await call(h.app, mgr, 'POST', '/api/v1/research-reports', { period, title: '人民路商户调研', content: '……' });
    expect(sub.statusCode).toBe(201);
    expect((await call(h.app, mgr, 'POST', '/api/v1/research-reports', { period, title: 'x', content: 'y' })).statusCode).toBe(409);
    const id = sub.json<{ id: number }>().id;
    expect((await call(h.app, east, 'POST', `/api/v1/research-reports/${id}/review`, { decision: 'accept' })).statusCode).toBe(404);
    expect((await call(h.app, sup, 'POST', `/api/v1/research-reports/${id}/review`, { decision: 'return', note: '补充数据' })).json()).toMatchObject({ status: 'returned', reviewerName: '王建国' });
    expect((await call(h.app, mgr, 'POST', '/api/v1/research-reports', { period, title: '人民路商户调研（修订）', content: '补充了数据' })).json()).toMatchObject({ status: 'submitted' });
    expect((await call(h.app, mgr, 'GET', `/api/v1/research-reports/${zhang.report!.id}`)).statusCode).toBe(404);
    const mine = (await call(h.app, mgr, 'GET', '/api/v1/research-reports')).json<{ items: { name: string }[] }>();
    expect(mine.items.map((i) => i.name)).toEqual(['李娜']);
  });

  it('shows staffing ratios against the policy limits', async () => {
    const r = (await call(h.app, sup, 'GET', '/api/v1/staffing')).json<{ maxRetail: number; items: { name: string; retail: number; corporate: number; over: boolean }[] }>();
    expect(r.maxRetail).toBe(1000);
    expect(r.items.find((x) => x.name === '李娜')).toMatchObject({ corporate: 3, over: false });
  });

  it('answers a personal survey link once, publicly, and moves the manager’s rating', async () => {
    const before = (await call(h.app, mgr, 'GET', '/api/v1/ratings')).json<{ items: { name: string; rating: string | null; answered: number }[] }>().items;
    expect(before).toEqual([expect.objectContaining({ name: '李娜', rating: '4.50', answered: 1 })]);
    const s = await call(h.app, hr, 'POST', '/api/v1/surveys', { title: '季度回访问卷', questions: [{ key: 'attitude', text: '服务态度' }, { key: 'overall', text: '总体' }], validDays: 10 });
    expect(s.statusCode).toBe(201);
    const sid = s.json<{ id: number }>().id;
    expect((await call(h.app, hr, 'POST', `/api/v1/surveys/${sid}/links`, { customerId: ids.C0001 })).statusCode).toBe(403);
    expect((await call(h.app, mgr, 'POST', `/api/v1/surveys/${sid}/links`, { customerId: ids.C0008 })).statusCode).toBe(400);
    const link = (await call(h.app, mgr, 'POST', `/api/v1/surveys/${sid}/links`, { customerId: ids.C0001 })).json<{ token: string; path: string }>();
    expect(link.path).toBe(`/s/${link.token}`);
    const page = await h.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${link.token}` });
    expect(page.statusCode).toBe(200);
    expect(Object.keys(page.json()).sort()).toEqual(['answered', 'expiresAt', 'intro', 'questions', 'title']);
    expect(page.body).not.toContain('王大山');
    expect(page.body).not.toContain('李娜');
    const post = (payload: unknown) => h.app.inject({ method: 'POST', url: `/api/v1/public/surveys/${link.token}/answers`, payload: payload as object });
    expect((await post({ answers: { attitude: 5 } })).statusCode).toBe(400);
    expect((await post({ answers: { attitude: 5, overall: 5, extra: 1 } })).statusCode).toBe(400);
    expect((await post({ answers: { attitude: 6, overall: 5 } })).statusCode).toBe(400);
    expect((await post({ answers: { attitude: 1, overall: 2 }, customerId: 1 })).statusCode).toBe(400);
    expect((await post({ answers: { attitude: 1, overall: 2 } })).statusCode).toBe(200);
    expect((await post({ answers: { attitude: 5, overall: 5 } })).statusCode).toBe(409);
    const after = (await call(h.app, mgr, 'GET', '/api/v1/ratings')).json<{ items: { rating: string | null; answered: number }[] }>().items;
    expect(after[0]).toMatchObject({ answered: 2, rating: '3.00' });
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/public/surveys/not-a-real-token-at-all-xyz' })).statusCode).toBe(404);

    // A new link replaces an unanswered one; an expired link takes no answers.
    const l2 = (await call(h.app, mgr, 'POST', `/api/v1/surveys/${sid}/links`, { customerId: ids.C0003 })).json<{ token: string }>();
    const l3 = (await call(h.app, mgr, 'POST', `/api/v1/surveys/${sid}/links`, { customerId: ids.C0003 })).json<{ token: string }>();
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${l2.token}` })).statusCode).toBe(404);
    await h.database.exec(`update survey_links set expires_at = now() - interval '1 minute' where answered_at is null`);
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/public/surveys/${l3.token}/answers`, payload: { answers: { attitude: 5, overall: 5 } } })).statusCode).toBe(404);
    // HR sees ratings tenant-wide; the spa sees none of the bank's.
    expect((await call(h.app, hr, 'GET', '/api/v1/ratings')).json<{ items: { name: string }[] }>().items.map((i) => i.name)).toEqual(expect.arrayContaining(['李娜', '张伟']));
    expect((await call(h.app, spa, 'GET', '/api/v1/ratings')).json<{ items: { name: string }[] }>().items.map((i) => i.name)).toEqual(['黄小燕']);
  });
});
