import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testDatabaseKinds } from '@kehu/db/testing';
import { presetSource } from '@kehu/domain';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';

const CSV = { 'content-type': 'text/csv' };

describe.each(testDatabaseKinds())('monthly settlement on %s', (kind) => {
  let h: Harness;
  let hr: Session;
  let mgr: Session;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    h = await createHarness(kind);
    hr = await signIn(h.app, 'spa.hr');
    mgr = await signIn(h.app, 'spa.manager');
    const staff = (await call(h.app, hr, 'GET', '/api/v1/staff?pageSize=100')).json<{ items: { id: number; name: string }[] }>().items;
    for (const s of staff) ids[s.name] = s.id;
    ids.oct = (await call(h.app, hr, 'GET', '/api/v1/pay/periods')).json<{ items: { id: number; period: string }[] }>().items.find((p) => p.period === '2026-10')!.id;
  });
  afterAll(() => h?.close());

  it('settles October from the seeded facts: the rule book example comes to 6,000.00, payday moved by a leave day', async () => {
    const run = await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.oct}/runs`);
    expect(run.statusCode, run.body).toBe(201);
    ids.run1 = run.json<{ id: number }>().id;
    const slips = (await call(h.app, hr, 'GET', `/api/v1/pay/runs/${ids.run1}/slips`)).json<{ items: { id: number; staffName: string; totalFen: number; payday: string; components: Record<string, number> }[] }>();
    const ex = slips.items.find((s) => s.staffName === '黄小燕')!;
    expect(ex).toMatchObject({ totalFen: 600000, payday: '2026-11-16' });
    expect(ex.components).toMatchObject({ cardCommission: 500000, bookingCommission: 100000 });
    ids.exSlip = ex.id;
    expect(slips.items.length).toBe(6);
    // The supervisor of 五一路店 sees that store's three slips and their total, not the chain's.
    const sup = await signIn(h.app, 'spa.supervisor');
    const supSlips = (await call(h.app, sup, 'GET', `/api/v1/pay/runs/${ids.run1}/slips`)).json<{ items: { orgUnitName: string; totalFen: number }[] }>().items;
    expect(new Set(supSlips.map((x) => x.orgUnitName))).toEqual(new Set(['五一路店']));
    const supRun = (await call(h.app, sup, 'GET', `/api/v1/pay/runs/${ids.run1}`)).json<{ headcount: number; totalFen: number }>();
    expect(supRun).toMatchObject({ headcount: supSlips.length, totalFen: supSlips.reduce((a, x) => a + x.totalFen, 0) });
    const supDiff = (await call(h.app, sup, 'GET', `/api/v1/pay/runs/${ids.run1}/diff`)).json<{ people: { staffName: string }[] }>();
    expect(supDiff.people.map((x) => x.staffName)).not.toContain('蒙秋菊');
    type Group = { label: { 'zh-CN': string; en: string }; count: number };
    const detail = (await call(h.app, mgr, 'GET', `/api/v1/pay/slips/${ex.id}`)).json<{ lines: { component: string; amountFen: number; explain: { clause: string; clauseText: { 'zh-CN': string } | null; counted: Group[]; excluded: Group[] } }[] }>();
    // The clause's own words come from the plan the slip was paid by.
    const cardExplain = detail.lines.find((l) => l.component === 'cardCommission')!.explain;
    expect(cardExplain.clause).toBe('spa-pay §2');
    expect(cardExplain.clauseText?.['zh-CN']).toContain('卡提成');
    expect(detail.lines.reduce((a, l) => a + l.amountFen, 0)).toBe(600000);
    // Each card group in its own language: the band in Chinese words on the Chinese label, in symbols on the English one.
    const cardGroups = detail.lines.find((l) => l.component === 'cardCommission')!.explain.counted;
    expect(cardGroups.length).toBeGreaterThan(0);
    for (const g of cardGroups) {
      expect(g.label['zh-CN']).toMatch(/^办卡 \d+ 张，合计 [\d.]+ 元(（赠送酒水）)?；.*及以上.*%/);
      expect(g.label['zh-CN']).not.toMatch(/ and |≥/);
      expect(g.label.en).toMatch(/^\d+ cards?, [\d.]+ yuan in all( \(gifted drinks\))?; .*≥ .*%/);
    }
    expect(detail.lines.find((l) => l.component === 'bookingCommission')!.explain.excluded.reduce((a, e) => a + e.count, 0)).toBe(6);
    const facts = (await call(h.app, mgr, 'GET', `/api/v1/pay/slips/${ex.id}/facts?kind=booking&pageSize=500`)).json<{ total: number; items: { counted: boolean; reason: { en: string } | null }[] }>();
    expect(facts.total).toBe(106);
    expect(facts.items.filter((f) => !f.counted).map((f) => f.reason!.en)).toHaveLength(6);
  });

  it('re-running a draft keeps the earlier run and shows the difference per person', async () => {
    const late = await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.oct}/facts`, { facts: [{ staffId: ids['黄小燕'], kind: 'booking', date: '2026-10-30', faceValue: '1000', spent: '400' }] });
    expect(late.statusCode, late.body).toBe(200);
    const run2 = (await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.oct}/runs`)).json<{ id: number; previousRunId: number }>();
    expect(run2.previousRunId).toBe(ids.run1);
    const runs = (await call(h.app, hr, 'GET', `/api/v1/pay/periods/${ids.oct}/runs`)).json<{ items: { id: number; status: string }[] }>().items;
    expect(runs.find((r) => r.id === ids.run1)!.status).toBe('superseded');
    const diff = (await call(h.app, hr, 'GET', `/api/v1/pay/runs/${run2.id}/diff`)).json<{ changed: number; people: { staffName: string; deltaFen: number }[] }>();
    // 101 rooms: booking 1,010.00 and card commission × 101% → 5,050.00.
    expect(diff.people.find((p) => p.staffName === '黄小燕')!.deltaFen).toBe(606000 - 600000);
    expect(diff.changed).toBe(1);
    ids.run2 = run2.id;
  });

  it('steps draft → reviewed → approved → locked by the permitted roles only, then the period never changes', async () => {
    const step = (s: Session, action: string) => call(h.app, s, 'POST', `/api/v1/pay/runs/${ids.run2}/transition`, { action });
    expect((await step(mgr, 'review')).statusCode).toBe(403);
    expect((await step(hr, 'approve')).statusCode).toBe(409);
    const sup = await signIn(h.app, 'spa.supervisor');
    expect((await step(sup, 'review')).json()).toMatchObject({ status: 'reviewed' });
    expect((await step(sup, 'approve')).statusCode).toBe(403);
    expect((await step(hr, 'approve')).json()).toMatchObject({ status: 'approved' });
    expect((await step(hr, 'lock')).json()).toMatchObject({ status: 'locked' });
    expect((await step(hr, 'return')).statusCode).toBe(409);
    expect((await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.oct}/runs`)).statusCode).toBe(409);
    const audit = await h.database.query<{ action: string }>(`select action from audit_log where entity = 'pay_run' and entity_id = $1 order by id`, [String(ids.run2)]);
    expect(audit.map((a) => a.action)).toEqual(['run', 'review', 'approve', 'lock']);
  });

  it('imports a CSV all-or-nothing and idempotently', async () => {
    const nov = await call(h.app, hr, 'POST', '/api/v1/pay/periods', { period: '2026-11' });
    expect(nov.statusCode).toBe(201);
    ids.nov = nov.json<{ id: number }>().id;
    const good = `员工编号,类型,日期,数量,金额,卡面额,消费额,赠饮,子类,来源单号\n${ids['黄小燕']},办卡,2026-11-02,,5000,,,否,,C-1\n${ids['黄小燕']},订房,2026-11-03,,,1000,350,,,B-1\n${ids['覃海波']},扣款,2026-11-20,,50,,,,差勤,D-1\n`;
    const r1 = await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.nov}/facts/import?fileName=nov.csv`, good, CSV);
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json()).toMatchObject({ rows: 3, imported: 3, duplicateFile: false });
    expect((await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.nov}/facts/import?fileName=nov.csv`, good, CSV)).json()).toMatchObject({ imported: 0, duplicateFile: true });
    // A different file repeating a source ref adds only the new row.
    const again = good + `${ids['覃海波']},订房,2026-11-04,,,500,300,,,B-2\n`;
    expect((await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.nov}/facts/import?fileName=nov2.csv`, again, CSV)).json()).toMatchObject({ rows: 4, imported: 1, skipped: 3 });
    const bad = `staffId,kind,date,amount\n${ids['黄小燕']},card,2026-11-02,5000\n${ids['黄小燕']},card,2026-11-31,5000\n999999,card,2026-11-02,abc\n`;
    const r3 = await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.nov}/facts/import?fileName=bad.csv`, bad, CSV);
    expect(r3.statusCode).toBe(422);
    const report = r3.json<{ details: { report: { errors: { row: number; column: string; message: { en: string } }[] } } }>().details.report;
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[3, '日期 (date)'], [4, '员工编号 (staffId)']]);
    const sum = (await call(h.app, hr, 'GET', `/api/v1/pay/periods/${ids.nov}/facts/summary`)).json<{ items: { kind: string; rows: number }[] }>();
    expect(sum.items.reduce((a, i) => a + i.rows, 0)).toBe(4);
  });

  it('imports an Excel sheet the same way', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('facts');
    ws.addRow(['员工编号', '类型', '日期', '数量']);
    ws.addRow([ids['黄小燕'], '订房基数', '2026-11-01', 100]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.nov}/facts/import?fileName=t.xlsx`, buf, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ imported: 1 });
  });

  it('a manager sees only their own slips; a dispute accepted becomes an adjustment in the next open period', async () => {
    const mine = (await call(h.app, mgr, 'GET', '/api/v1/pay/slips/mine')).json<{ items: { id: number; totalFen: number; runStatus: string }[] }>().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ totalFen: 606000, runStatus: 'locked' });
    const other = (await call(h.app, hr, 'GET', `/api/v1/pay/runs/${ids.run2}/slips`)).json<{ items: { id: number; staffName: string }[] }>().items.find((s) => s.staffName === '覃海波')!;
    expect((await call(h.app, mgr, 'GET', `/api/v1/pay/slips/${other.id}`)).statusCode).toBe(404);
    const slip = (await call(h.app, mgr, 'GET', `/api/v1/pay/slips/${mine[0]!.id}`)).json<{ lines: { id: number; component: string }[] }>();
    const booking = slip.lines.find((l) => l.component === 'bookingCommission')!;
    const otherLine = (await call(h.app, hr, 'GET', `/api/v1/pay/slips/${other.id}`)).json<{ lines: { id: number }[] }>().lines[0]!;
    expect((await call(h.app, mgr, 'POST', '/api/v1/pay/disputes', { lineId: otherLine.id, comment: 'x' })).statusCode).toBe(404);
    const d = await call(h.app, mgr, 'POST', '/api/v1/pay/disputes', { lineId: booking.id, comment: '10月31日还有2间订房未录入' });
    expect(d.statusCode, d.body).toBe(201);
    const dispute = d.json<{ id: number }>();
    expect((await call(h.app, mgr, 'POST', `/api/v1/pay/disputes/${dispute.id}/answer`, { accept: true, answer: 'ok', amountFen: 2000 })).statusCode).toBe(403);
    const ans = await call(h.app, hr, 'POST', `/api/v1/pay/disputes/${dispute.id}/answer`, { accept: true, answer: '核实补录 2 间', amountFen: 2000 });
    expect(ans.json()).toMatchObject({ status: 'accepted', adjustment: { period: '2026-11', amountFen: 2000 } });
    const seen = (await call(h.app, mgr, 'GET', '/api/v1/pay/disputes')).json<{ items: { status: string; answer: string }[] }>().items;
    expect(seen[0]).toMatchObject({ status: 'accepted', answer: '核实补录 2 间' });
    // The locked October slip is unchanged.
    expect((await call(h.app, mgr, 'GET', `/api/v1/pay/slips/${mine[0]!.id}`)).json()).toMatchObject({ totalFen: 606000 });
  });

  it('a late fact for locked October becomes an adjustment pointing at the line it corrects; twice adds nothing', async () => {
    await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.oct}/facts`, { facts: [{ staffId: ids['黄小燕'], kind: 'deduction', subKind: 'other', date: '2026-10-31', amount: '12.34' }] });
    const c1 = (await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.oct}/corrections`)).json<unknown>();
    expect(c1).toMatchObject({ adjustments: 1, targetPeriod: '2026-11', deltaTotalFen: -1234 });
    expect((await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.oct}/corrections`)).json()).toMatchObject({ adjustments: 0 });
    const run = (await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.nov}/runs`)).json<{ id: number }>();
    const slip = (await call(h.app, hr, 'GET', `/api/v1/pay/runs/${run.id}/slips`)).json<{ items: { id: number; staffName: string }[] }>().items.find((s) => s.staffName === '黄小燕')!;
    const lines = (await call(h.app, hr, 'GET', `/api/v1/pay/slips/${slip.id}`)).json<{ lines: { component: string; amountFen: number; explain: { corrects: { period: string } | null } }[] }>().lines;
    const adj = lines.filter((l) => l.component === 'adjustment');
    expect(adj.map((l) => l.amountFen).sort((a, b) => a - b)).toEqual([-1234, 2000]);
    expect(adj.every((l) => l.explain.corrects?.period === '2026-10')).toBe(true);
    // The run's columns follow the plan, though 覃海波's only line (a deduction) is the first of his slip; corrections last.
    const columns = (await call(h.app, hr, 'GET', `/api/v1/pay/runs/${run.id}/slips`)).json<{ components: { key: string }[] }>().components.map((c) => c.key);
    expect(columns).toContain('attendance');
    expect(columns).toEqual(['base', 'bookingCommission', 'cardCommission', 'attendance', 'phoneCard', 'other', 'adjustment'].filter((k) => columns.includes(k)));
  });

  it('exports the period as Excel: one row per person, one column per component, totals', async () => {
    const r = await call(h.app, hr, 'GET', `/api/v1/pay/runs/${ids.run2}/export.xlsx`);
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(1 + 6 + 1);
    const header = Array.from(ws.getRow(1).values as (string | undefined)[], (v) => v ?? '');
    expect(header.some((x) => x.startsWith('办卡提成'))).toBe(true);
    expect(header.some((x) => x.startsWith('订房提成'))).toBe(true);
    // Components in the plan's order — base and commissions, then deductions — between the person and the total.
    const planOrder = ['底薪', '订房提成', '办卡提成', '差勤扣款', '电话卡扣款', '其它扣款'];
    const components = header.slice(header.findIndex((x) => x.startsWith('机构')) + 1, header.findIndex((x) => x.startsWith('合计'))).map((x) => x.split(' (')[0]!);
    expect(components.length).toBeGreaterThanOrEqual(3);
    expect(components).toEqual(planOrder.filter((c) => components.includes(c)));
  });

  it('what-if runs a draft against a past period without saving pay', async () => {
    const before = await h.database.query<{ n: number }>('select count(*)::int as n from pay_runs');
    const r = await call(h.app, hr, 'POST', '/api/v1/pay/what-if', { periodId: ids.oct, document: presetSource('spa-pay').replace('{ min: { value: 80, inclusive: true }, price: 10 }', '{ min: { value: 80, inclusive: true }, price: 12 }') });
    expect(r.statusCode, r.body).toBe(200);
    const diff = r.json<{ people: { staffName: string; deltaFen: number }[]; deltaTotalFen: number }>();
    expect(diff.people.length).toBe(6);
    // 101 qualifying rooms at 12 instead of 10 yuan.
    expect(diff.people.find((x) => x.staffName === '黄小燕')!.deltaFen).toBe(20200);
    const bad = await call(h.app, hr, 'POST', '/api/v1/pay/what-if', { periodId: ids.oct, document: 'id: spa-pay\n' });
    expect(bad.statusCode).toBe(400);
    expect(await h.database.query<{ n: number }>('select count(*)::int as n from pay_runs')).toEqual(before);
  });
});
