import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@kehu/db/testing';
import { copyText } from '../../lib/bulk-copy.ts';
import { slipSink, writeSlips } from './slips-write.ts';

describe('copyText', () => {
  it('escapes what COPY text format reads specially and nothing else', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText('订房提成 "a", b')).toBe('订房提成 "a", b');
    expect(copyText('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyText('\\N')).toBe('\\\\N');
  });
});

/** Labels and explanations with every character COPY could misread, to check they come back as written. */
const awkward = { zh: '订房提成\t（制表符）\n第二行 "引号" \\ 反斜杠 \\N', en: 'Booking commission, "quoted"\r\n\\path' };

describe.each(testDatabaseKinds())('writing slips with COPY on %s', (kind) => {
  let database: TestDatabase;
  let ids: { tenantId: number; staff: number[]; planId: number; periodId: number };
  const q = <T>(text: string, params: unknown[] = []) => database.query<T>(text, params);
  const newRun = async (seq: number) => (await q<{ id: number }>(`insert into pay_runs (tenant_id, period_id, seq, fact_watermark) values ($1, $2, $3, 0) returning id`, [ids.tenantId, ids.periodId, seq]))[0]!.id;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const [t] = await q<{ id: number }>(`insert into tenants (code, name, kind) values ('COPYT', '测试', 'spa_chain') returning id`);
    const tenantId = t!.id;
    const [u] = await q<{ id: number }>(`insert into org_units (tenant_id, code, name, kind, path) values ($1, 'HQ', '总部', 'head_office', '/') returning id`, [tenantId]);
    const staff = await q<{ id: number }>(`insert into staff (tenant_id, org_unit_id, name, gender, birth_date, id_card_no, phone, education, hire_date, hire_type, position, category, status)
      select $1, $2, '经理' || g, 'female', '1990-01-01', 'C' || lpad(g::text, 17, '0'), '139' || lpad(g::text, 8, '0'), 'college', '2019-04-01', 'staff', 'customer_manager', 'service', 'active'
      from generate_series(1, 2) g returning id`, [tenantId, u!.id]);
    const [plan] = await q<{ id: number }>(`insert into pay_plans (tenant_id, code, title, preset_id, version, document) values ($1, 'p', 'p', null, '1', '') returning id`, [tenantId]);
    const [period] = await q<{ id: number }>(`insert into pay_periods (tenant_id, period) values ($1, '2026-10') returning id`, [tenantId]);
    ids = { tenantId, staff: staff.map((s) => s.id).sort((a, b) => a - b), planId: plan!.id, periodId: period!.id };
  });
  afterAll(async () => { await database.dispose(); });

  it('stores slips and lines exactly as given, lines under their own slip', async () => {
    const runId = await newRun(1);
    const [a, b] = ids.staff as [number, number];
    const explain = { formula: '211 × 10', inputs: { note: awkward.zh }, counted: [{ label: { 'zh-CN': awkward.zh, en: awkward.en }, count: 3 }], corrects: null };
    await database.db.transaction((tx) => writeSlips(tx, ids.tenantId, runId,
      [
        { staffId: a, planId: ids.planId, totalFen: 600000, payday: '2026-11-16', input: { leaveDates: ['2026-11-02'], text: awkward.en }, trace: { total: '6000.00' } },
        { staffId: b, planId: ids.planId, totalFen: -150, payday: '2026-11-15', input: null, trace: [] },
      ],
      [
        { staffId: a, seq: 1, component: 'bookingCommission', labelZh: awkward.zh, labelEn: awkward.en, clause: 'spa-pay §1', amountFen: 600150, explain, adjustmentId: null },
        { staffId: a, seq: 2, component: 'adjustment', labelZh: '更正', labelEn: 'Correction', clause: '', amountFen: -150, explain: {}, adjustmentId: 77 },
        { staffId: b, seq: 1, component: 'attendance', labelZh: '差勤扣款', labelEn: 'Attendance', clause: 'x', amountFen: -150, explain: { formula: 'deductions.attendance' }, adjustmentId: null },
      ]));
    const slips = await q<{ id: number; staffId: number; totalFen: unknown; payday: string; input: unknown; trace: unknown }>(
      `select id, staff_id as "staffId", total_fen as "totalFen", payday::text as payday, input, trace from pay_slips where tenant_id = $1 and run_id = $2 order by staff_id`, [ids.tenantId, runId]);
    expect(slips.map((s) => ({ ...s, totalFen: Number(s.totalFen), id: undefined }))).toEqual([
      { id: undefined, staffId: a, totalFen: 600000, payday: '2026-11-16', input: { leaveDates: ['2026-11-02'], text: awkward.en }, trace: { total: '6000.00' } },
      { id: undefined, staffId: b, totalFen: -150, payday: '2026-11-15', input: null, trace: [] },
    ]);
    const lines = await q<{ slipId: number; seq: number; labelZh: string; labelEn: string; clause: string; amountFen: unknown; explain: unknown; adjustmentId: number | null }>(
      `select slip_id as "slipId", seq, label_zh as "labelZh", label_en as "labelEn", clause, amount_fen as "amountFen", explain, adjustment_id as "adjustmentId" from pay_lines where tenant_id = $1 and slip_id in ($2, $3) order by slip_id, seq`,
      [ids.tenantId, slips[0]!.id, slips[1]!.id]);
    expect(lines.map((l) => ({ ...l, amountFen: Number(l.amountFen) }))).toEqual([
      { slipId: slips[0]!.id, seq: 1, labelZh: awkward.zh, labelEn: awkward.en, clause: 'spa-pay §1', amountFen: 600150, explain, adjustmentId: null },
      { slipId: slips[0]!.id, seq: 2, labelZh: '更正', labelEn: 'Correction', clause: '', amountFen: -150, explain: {}, adjustmentId: 77 },
      { slipId: slips[1]!.id, seq: 1, labelZh: '差勤扣款', labelEn: 'Attendance', clause: 'x', amountFen: -150, explain: { formula: 'deductions.attendance' }, adjustmentId: null },
    ]);
    // The ids came from the identity sequence: a later plain insert does not collide with them.
    const [next] = await q<{ id: number }>(`insert into pay_slips (tenant_id, run_id, staff_id, plan_id, total_fen, payday, input, trace) values ($1, $2, $3, $4, 0, '2026-11-15', '{}', '{}') returning id`,
      [ids.tenantId, await newRun(2), a, ids.planId]);
    expect(next!.id).toBeGreaterThan(Math.max(...slips.map((s) => s.id)));
  });

  it('compresses long explanations with lz4 on PostgreSQL', async () => {
    const runId = await newRun(4);
    const long = { counted: Array.from({ length: 80 }, (_, i) => ({ label: { 'zh-CN': `${i} 元卡 ≥ 500 and < 800`, en: `${i}-yuan card` }, count: i })) };
    await database.db.transaction((tx) => writeSlips(tx, ids.tenantId, runId,
      [{ staffId: ids.staff[0]!, planId: ids.planId, totalFen: 1, payday: '2026-11-15', input: {}, trace: {} }],
      [{ staffId: ids.staff[0]!, seq: 1, component: 'c', labelZh: 'c', labelEn: 'c', clause: '', amountFen: 1, explain: long, adjustmentId: null }]));
    const [l] = await q<{ explain: unknown; method: string | null }>(`select l.explain, pg_column_compression(l.explain) as method from pay_lines l join pay_slips s on s.tenant_id = l.tenant_id and s.id = l.slip_id where s.run_id = $1`, [runId]);
    expect(l!.explain).toEqual(long);
    if (kind === 'postgres') expect(l!.method).toBe('lz4');
  });

  it('stores slips while the caller is still computing, and gives the COPY up cleanly when the computation fails', async () => {
    const runId = await newRun(5);
    const [a, b] = ids.staff as [number, number];
    const slip = (staffId: number) => ({ staffId, planId: ids.planId, totalFen: staffId, payday: '2026-11-15', input: { staffId }, trace: {} });
    const line = (staffId: number) => ({ staffId, seq: 1, component: 'c', labelZh: '行', labelEn: 'line', clause: '', amountFen: staffId, explain: { staffId }, adjustmentId: null });
    await expect(database.db.transaction(async (tx) => {
      const sink = await slipSink(tx, ids.tenantId, runId);
      await sink.start(2);
      sink.add(slip(a), [line(a)]);
      await new Promise<void>((go) => setImmediate(go));
      await sink.abort(new Error('the engine failed on the next person'));
      throw new Error('the engine failed on the next person');
    })).rejects.toThrow('the engine failed');
    const [n] = await q<{ n: unknown }>(`select count(*) as n from pay_slips where tenant_id = $1 and run_id = $2`, [ids.tenantId, runId]);
    expect(Number(n!.n)).toBe(0);
    await database.db.transaction(async (tx) => {
      const sink = await slipSink(tx, ids.tenantId, runId);
      expect(() => sink.add(slip(a), [line(a)])).toThrow(/not started/);
      await sink.start(2);
      sink.add(slip(a), [line(a)]);
      await new Promise<void>((go) => setImmediate(go));
      sink.add(slip(b), [line(b), { ...line(b), seq: 2 }]);
      expect(() => sink.add(slip(b), [])).toThrow(/two slips/);
      await sink.finish();
    });
    const got = await q<{ staffId: number; seq: number; amountFen: unknown }>(`select s.staff_id as "staffId", l.seq, l.amount_fen as "amountFen" from pay_lines l join pay_slips s on s.tenant_id = l.tenant_id and s.id = l.slip_id
      where s.tenant_id = $1 and s.run_id = $2 order by s.staff_id, l.seq`, [ids.tenantId, runId]);
    expect(got.map((x) => [x.staffId, x.seq, Number(x.amountFen)])).toEqual([[a, 1, a], [b, 1, b], [b, 2, b]]);
  });

  it('writes nothing when the transaction fails, also when a line has no slip', async () => {
    const runId = await newRun(3);
    const [a, b] = ids.staff as [number, number];
    const slip = { staffId: a, planId: ids.planId, totalFen: 1, payday: '2026-11-15', input: {}, trace: {} };
    const line = (staffId: number) => ({ staffId, seq: 1, component: 'c', labelZh: 'c', labelEn: 'c', clause: '', amountFen: 1, explain: {}, adjustmentId: null });
    await expect(database.db.transaction((tx) => writeSlips(tx, ids.tenantId, runId, [slip], [line(b)]))).rejects.toThrow(/no slip/);
    await expect(database.db.transaction(async (tx) => {
      await writeSlips(tx, ids.tenantId, runId, [slip], [line(a)]);
      throw new Error('later step failed');
    })).rejects.toThrow('later step failed');
    const [n] = await q<{ n: unknown }>(`select count(*) as n from pay_slips where tenant_id = $1 and run_id = $2`, [ids.tenantId, runId]);
    expect(Number(n!.n)).toBe(0);
    // Connections are usable afterwards (an aborted COPY does not leave one stuck): the same write now succeeds.
    await database.db.transaction((tx) => writeSlips(tx, ids.tenantId, runId, [slip], [line(a)]));
    const [m] = await q<{ n: unknown }>(`select count(*) as n from pay_lines l join pay_slips s on s.tenant_id = l.tenant_id and s.id = l.slip_id where s.tenant_id = $1 and s.run_id = $2`, [ids.tenantId, runId]);
    expect(Number(m!.n)).toBe(1);
  });
});
