import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';

const CSV = { 'content-type': 'text/csv' };
type Slip = { id: number; staffName: string; totalFen: number };
type Fact = { id: number; staffName: string; kind: string; amountFen: number | null; sourceRef: string | null; voided: { reason: string } | null };
type File = { id: number; fileName: string; rowCount: number; voidedCount: number; voidedAt: string | null; voidReason: string | null };

describe.each(testDatabaseKinds())('voiding wrong facts on %s', (kind) => {
  let h: Harness;
  let hr: Session;
  let sup: Session;
  const ids: Record<string, number> = {};
  const slipsOf = async (runId: number) => (await call(h.app, hr, 'GET', `/api/v1/pay/runs/${runId}/slips`)).json<{ items: Slip[] }>().items;
  const slipOf = async (runId: number, name: string) => (await slipsOf(runId)).find((s) => s.staffName === name)!;
  const run = async (periodId: number) => {
    const r = await call(h.app, hr, 'POST', `/api/v1/pay/periods/${periodId}/runs`);
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: number; factCount: number }>();
  };
  const files = async (periodId: number) => (await call(h.app, hr, 'GET', `/api/v1/pay/periods/${periodId}/fact-files`)).json<{ items: File[] }>().items;
  const factsOf = async (periodId: number, q = '') => (await call(h.app, hr, 'GET', `/api/v1/pay/periods/${periodId}/facts?pageSize=200${q}`)).json<{ items: Fact[]; total: number }>();
  const load = (periodId: number, name: string, csv: string) => call(h.app, hr, 'POST', `/api/v1/pay/periods/${periodId}/facts/import?fileName=${name}`, csv, CSV);
  // 黄小燕: a target of 100 rooms met by 100 rooms, and two cards of 5,000 (2.5% each: 250.00).
  const csvA = () => ['员工编号,类型,日期,数量,金额,卡面额,消费额,赠饮,来源单号', `${ids['黄小燕']},订房基数,2027-02-01,100,,,,,`,
    ...Array.from({ length: 100 }, (_, i) => `${ids['黄小燕']},订房,2027-02-${String(1 + (i % 28)).padStart(2, '0')},,,1000,350,,V-B${i}`),
    `${ids['黄小燕']},办卡,2027-02-03,,5000,,,否,V-C1`, `${ids['黄小燕']},办卡,2027-02-04,,5000,,,否,V-C2`].join('\n') + '\n';

  beforeAll(async () => {
    h = await createHarness(kind);
    hr = await signIn(h.app, 'spa.hr');
    sup = await signIn(h.app, 'spa.supervisor');
    for (const s of (await call(h.app, hr, 'GET', '/api/v1/staff?pageSize=100')).json<{ items: { id: number; name: string }[] }>().items) ids[s.name] = s.id;
    ids.feb = (await call(h.app, hr, 'POST', '/api/v1/pay/periods', { period: '2027-02' })).json<{ id: number }>().id;
  });
  afterAll(() => h?.close());

  it('a voided card leaves the next run, not the one before; its ref is free for the corrected row', async () => {
    expect((await load(ids.feb!, 'feb.csv', csvA())).json()).toMatchObject({ imported: 103 });
    const first = await run(ids.feb!);
    expect((await slipOf(first.id, '黄小燕')).totalFen).toBe(1000_00 + 250_00);
    const c2 = (await factsOf(ids.feb!, '&kind=card')).items.find((f) => f.sourceRef === 'V-C2')!;

    const v = await call(h.app, hr, 'POST', `/api/v1/pay/facts/${c2.id}/void`, { reason: '重复录入' });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({ facts: 1, periodLocked: false });
    // The fact stays, marked with its reason and its ref; the file says one of its facts is void; the period counts one fact fewer.
    const after = (await factsOf(ids.feb!, '&kind=card')).items;
    expect(after.find((f) => f.id === c2.id)).toMatchObject({ sourceRef: 'V-C2', voided: { reason: '重复录入' } });
    expect((await files(ids.feb!))[0]).toMatchObject({ fileName: 'feb.csv', rowCount: 103, voidedCount: 1, voidedAt: null });
    const period = (await call(h.app, hr, 'GET', '/api/v1/pay/periods')).json<{ items: { id: number; factCount: number }[] }>().items.find((p) => p.id === ids.feb)!;
    expect(period.factCount).toBe(102);
    const summary = (await call(h.app, hr, 'GET', `/api/v1/pay/periods/${ids.feb}/facts/summary`)).json<{ items: { kind: string; rows: number; amountFen: number }[] }>();
    expect(summary.items.find((i) => i.kind === 'card')).toMatchObject({ rows: 1, amountFen: 5000_00 });
    // Twice is refused.
    expect((await call(h.app, hr, 'POST', `/api/v1/pay/facts/${c2.id}/void`, { reason: 'again' })).statusCode).toBe(409);

    const second = await run(ids.feb!);
    expect(second.factCount).toBe(102);
    expect((await slipOf(second.id, '黄小燕')).totalFen).toBe(1000_00 + 125_00);
    // The first run's slip still shows the facts it was paid from.
    const firstSlip = await slipOf(first.id, '黄小燕');
    const seen = (await call(h.app, hr, 'GET', `/api/v1/pay/slips/${firstSlip.id}/facts?kind=card`)).json<{ total: number }>();
    expect(seen.total).toBe(2);
    const secondSlip = await slipOf(second.id, '黄小燕');
    expect((await call(h.app, hr, 'GET', `/api/v1/pay/slips/${secondSlip.id}/facts?kind=card`)).json<{ total: number }>().total).toBe(1);

    // The corrected row under the same ref is taken, not skipped as already loaded.
    const fixed = await load(ids.feb!, 'feb-fix.csv', `员工编号,类型,日期,金额,赠饮,来源单号\n${ids['黄小燕']},办卡,2027-02-04,3000,否,V-C2\n`);
    expect(fixed.json()).toMatchObject({ imported: 1, skipped: 0 });
    expect((await slipOf((await run(ids.feb!)).id, '黄小燕')).totalFen).toBe(1000_00 + 125_00 + 60_00);
  });

  it('a whole file voided counts no more and may be loaded again; a form entry voided may be entered again', async () => {
    const feb = (await files(ids.feb!)).find((f) => f.fileName === 'feb.csv')!;
    const v = await call(h.app, hr, 'POST', `/api/v1/pay/fact-files/${feb.id}/void`, { reason: '导错了月份的文件' });
    expect(v.statusCode, v.body).toBe(200);
    // 103 rows less the card voided before.
    expect(v.json()).toMatchObject({ facts: 102, periodLocked: false });
    expect((await files(ids.feb!)).find((f) => f.id === feb.id)).toMatchObject({ voidReason: '导错了月份的文件' });
    const listed = (await call(h.app, hr, 'GET', `/api/v1/pay/periods/${ids.feb}/facts/summary`)).json<{ files: { id: number; voidedAt: string | null }[] }>().files;
    expect(listed.find((f) => f.id === feb.id)!.voidedAt).not.toBeNull();
    expect((await call(h.app, hr, 'POST', `/api/v1/pay/fact-files/${feb.id}/void`, { reason: 'again' })).statusCode).toBe(409);
    // Left: the corrected card alone (3,000 at 2%, no target so no multiplier).
    expect((await slipOf((await run(ids.feb!)).id, '黄小燕')).totalFen).toBe(60_00);
    // The same file again is a new load, not a duplicate; only V-C2, loaded corrected meanwhile, is skipped.
    expect((await load(ids.feb!, 'feb.csv', csvA())).json()).toMatchObject({ imported: 102, skipped: 1, duplicateFile: false });

    const entry = { facts: [{ staffId: ids['覃海波'], kind: 'deduction', subKind: 'attendance', date: '2027-02-10', amount: '500' }] };
    expect((await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.feb}/facts`, entry)).json()).toMatchObject({ imported: 1 });
    const wrong = (await factsOf(ids.feb!, `&staffId=${ids['覃海波']}`)).items[0]!;
    expect(wrong).toMatchObject({ kind: 'deduction', amountFen: 500_00 });
    expect((await call(h.app, hr, 'POST', `/api/v1/pay/facts/${wrong.id}/void`, { reason: '应为50元' })).json()).toMatchObject({ facts: 1 });
    // The form's one-fact file is void with it, so the same entry is not refused as already loaded.
    expect((await files(ids.feb!)).find((f) => f.fileName.startsWith('api-') && f.voidedAt !== null)).toBeDefined();
    expect((await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.feb}/facts`, entry)).json()).toMatchObject({ imported: 1, duplicateFile: false });
  });

  it('refuses a void without a reason, by someone who may not load facts, or of a fact not there', async () => {
    const f = (await factsOf(ids.feb!)).items.find((x) => x.voided === null)!;
    const empty = await call(h.app, hr, 'POST', `/api/v1/pay/facts/${f.id}/void`, { reason: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ fields: { path: string; message: { 'zh-CN': string; en: string } }[] }>().fields[0]).toMatchObject({ path: 'reason' });
    const mgr = await signIn(h.app, 'spa.manager');
    expect((await call(h.app, mgr, 'POST', `/api/v1/pay/facts/${f.id}/void`, { reason: 'x' })).statusCode).toBe(403);
    expect((await call(h.app, mgr, 'GET', `/api/v1/pay/periods/${ids.feb}/facts`)).statusCode).toBe(403);
    expect((await call(h.app, hr, 'POST', '/api/v1/pay/facts/999999999999/void', { reason: 'x' })).statusCode).toBe(404);
    const bank = await signIn(h.app, 'bank.hr');
    expect((await call(h.app, bank, 'POST', `/api/v1/pay/facts/${f.id}/void`, { reason: 'x' })).statusCode).toBe(404);
    expect((await call(h.app, bank, 'GET', `/api/v1/pay/periods/${ids.feb}/fact-files`)).statusCode).toBe(404);
  });

  it('in a locked period a void changes no slip; the correction pays it back as an adjustment', async () => {
    const r = await run(ids.feb!);
    for (const [who, action] of [[sup, 'review'], [hr, 'approve'], [hr, 'lock']] as const) {
      expect((await call(h.app, who, 'POST', `/api/v1/pay/runs/${r.id}/transition`, { action })).statusCode).toBe(200);
    }
    const locked = await slipOf(r.id, '黄小燕');
    const card = (await factsOf(ids.feb!, `&kind=card&staffId=${ids['黄小燕']}`)).items.find((x) => x.voided === null && x.amountFen === 5000_00)!;
    const v = await call(h.app, hr, 'POST', `/api/v1/pay/facts/${card.id}/void`, { reason: '客户退卡' });
    expect(v.json()).toMatchObject({ facts: 1, periodLocked: true });
    expect((await slipOf(r.id, '黄小燕')).totalFen).toBe(locked.totalFen);
    const c = (await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.feb}/corrections`)).json<{ adjustments: number; targetPeriod: string; deltaTotalFen: number }>();
    expect(c).toMatchObject({ adjustments: 1, targetPeriod: '2027-03', deltaTotalFen: -125_00 });
    expect((await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.feb}/corrections`)).json()).toMatchObject({ adjustments: 0 });
    const audit = await h.database.query<{ action: string; entity: string }>(`select action, entity from audit_log where action = 'void' order by id`);
    expect(audit.map((a) => a.entity)).toEqual(['pay_fact', 'pay_fact_file', 'pay_fact_file', 'pay_fact']);
  });
});
