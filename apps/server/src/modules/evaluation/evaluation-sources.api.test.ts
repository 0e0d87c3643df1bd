import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';

interface Input { key: string; fill: string }
interface Line { id: string; points: string; trace: string; inputs: { key: string; value: string; source: string }[] }
interface Result {
  id: number; status: string; total: string | null; band: string | null; drafter: string | null; inputs: Input[]; lines: Line[];
  figures: Record<string, { value: number; source: string }>;
  raters: { role: string; respondents: number; minRespondents: number; counted: boolean; averages: Record<string, number>; source: string | null }[];
}
interface Row { resultId: number; name: string; drafter: string | null }

describe.each(testDatabaseKinds())('evaluation figures, customers as raters and drafters on %s', (kind) => {
  let h: Harness;
  let hr: Session; let sup: Session; let mgr: Session; let admin: Session;
  const ids: Record<string, number> = {};
  const cycle = async (body: Record<string, unknown>) => {
    const r = await call(h.app, hr, 'POST', '/api/v1/eval/cycles', { periodKind: 'quarter', startsOn: '2026-10-01', endsOn: '2026-12-31', ...body });
    expect(r.statusCode, r.body).toBe(201);
    return (await call(h.app, hr, 'GET', `/api/v1/eval/cycles/${r.json<{ id: number }>().id}`)).json<{ rows: Row[] }>().rows;
  };

  beforeAll(async () => {
    h = await createHarness(kind);
    [hr, sup, mgr, admin] = await Promise.all([signIn(h.app, 'bank.hr'), signIn(h.app, 'bank.supervisor'), signIn(h.app, 'bank.manager'), signIn(h.app, 'bank.admin')]);
    for (const u of (await call(h.app, hr, 'GET', '/api/v1/org-units')).json<{ items: { id: number; code: string }[] }>().items) ids[u.code] = u.id;
    for (const s of (await call(h.app, hr, 'GET', '/api/v1/staff?pageSize=100')).json<{ items: { id: number; name: string }[] }>().items) ids[s.name] = s.id;
  });
  afterAll(() => h?.close());

  it('offers every scorecard policy a cycle can run on, scored by the engine', async () => {
    const list = (await call(h.app, hr, 'GET', '/api/v1/eval/scorecards')).json<{ items: { id: string; engine: boolean }[] }>().items;
    expect(list.map((x) => x.id).sort()).toEqual(['bank-2005-evaluation', 'hotel-service', 'rural-credit-evaluation', 'spa-conduct', 'tobacco-evaluation']);
    expect(list.every((x) => x.engine)).toBe(true);
    const bad = await call(h.app, hr, 'POST', '/api/v1/eval/cycles', { name: 'x', periodKind: 'month', startsOn: '2026-10-01', endsOn: '2026-10-31', scorecardId: 'tobacco-hiring' });
    expect(bad.json<{ fields: { path: string }[] }>().fields[0]!.path).toBe('scorecardId');
  });

  it('the seeded rural-credit cycle shows the credit figures filled for the supervisor, each with its source', async () => {
    const cycles = (await call(h.app, hr, 'GET', '/api/v1/eval/cycles')).json<{ items: { id: number; scorecardId: string; status: string }[] }>().items;
    const seeded = cycles.find((c) => c.scorecardId === 'rural-credit-evaluation' && c.status === 'open')!;
    const rows = (await call(h.app, sup, 'GET', `/api/v1/eval/cycles/${seeded.id}`)).json<{ rows: Row[] }>().rows;
    const li = (await call(h.app, sup, 'GET', `/api/v1/eval/results/${rows.find((r) => r.name === '李娜')!.resultId}`)).json<Result>();
    expect(li.figures.nplRatio!.source).toMatch(/^信贷台账：不良/);
    expect(li.figures.avgDailyLoanYuan!.source).toMatch(/^贷款积数：\d+ 笔 2026-10-01~2026-12-31（92 天）/);
    expect(li.figures.avgDailyDepositYuan!.source).toMatch(/^存款积数/);
    expect(li.figures.interestCollectionRate!.source).toMatch(/收息/);
    expect(li.figures.visitCompliance!.source).toMatch(/^走访计划：截至 \d{4}-\d{2}-\d{2} 应走访 \d+ 户/);
    expect(li.figures.newCustomers!.source).toMatch(/^客户管户：2026-10-01~2026-12-31 首次建立管户/);
  });

  it('sales and average order value fill themselves from the pay facts of the period', async () => {
    const periods = (await call(h.app, hr, 'GET', '/api/v1/pay/periods')).json<{ id: number; period: string }[] | { items: { id: number; period: string }[] }>();
    const list = Array.isArray(periods) ? periods : periods.items;
    const periodId = async (code: string) => list.find((p) => p.period === code)?.id ?? (await call(h.app, hr, 'POST', '/api/v1/pay/periods', { period: code })).json<{ id: number }>().id;
    const sale = (date: string, amount: string) => ({ staffId: ids['张伟'], kind: 'sale', date, amount });
    const nov = await call(h.app, hr, 'POST', `/api/v1/pay/periods/${await periodId('2026-11')}/facts`, { facts: [sale('2026-11-03', '1200.00'), sale('2026-11-10', '800.00'), sale('2026-11-20', '1000.50')] });
    expect(nov.statusCode, nov.body).toBeLessThan(300);
    // A September sale belongs to the third quarter, not this cycle.
    const sep = await call(h.app, hr, 'POST', `/api/v1/pay/periods/${await periodId('2026-09')}/facts`, { facts: [sale('2026-09-28', '999.00')] });
    expect(sep.statusCode, sep.body).toBeLessThan(300);
    const rows = await cycle({ name: '烟草考核 销售', scorecardId: 'tobacco-evaluation', orgUnitId: ids.CQ01 });
    const zw = (await call(h.app, sup, 'GET', `/api/v1/eval/results/${rows.find((r) => r.name === '张伟')!.resultId}`)).json<Result>();
    // Three sales in the quarter: 3,000.50 yuan, 1,000.17 per order.
    expect(zw.figures.salesYuan).toEqual({ value: 3000.5, source: '薪酬事实：2026-10-01~2026-12-31 销售 3 笔，合计 3000.50 元' });
    expect(zw.figures.avgOrderYuan!.value).toBe(1000.17);
    const li = (await call(h.app, sup, 'GET', `/api/v1/eval/results/${rows.find((r) => r.name === '李娜')!.resultId}`)).json<Result>();
    expect(li.figures.salesYuan).toBeUndefined();
  });

  it('a loan figure reaches the scorecard item it feeds, through the policy engine', async () => {
    const rows = await cycle({ name: '信贷考核 API', scorecardId: 'rural-credit-evaluation', orgUnitId: ids.CQ01 });
    const liId = rows.find((r) => r.name === '李娜')!.resultId;
    const before = (await call(h.app, sup, 'GET', `/api/v1/eval/results/${liId}`)).json<Result>();
    const fill = (k: string) => before.inputs.find((i) => i.key === k)!.fill;
    expect([fill('nplRatio'), fill('avgDailyLoanYuan'), fill('loanTargetYuan'), fill('score.ledgers'), fill('score.service')]).toEqual(['figure', 'figure', 'entered', 'entered', 'survey']);
    const entered = Object.fromEntries(before.inputs.filter((i) => i.fill === 'entered' || ((i.fill === 'figure' || i.fill === 'survey') && !before.figures[i.key === 'score.service' ? 'surveyRating' : i.key]))
      .map((i) => [i.key, { value: i.key.endsWith('TargetYuan') ? 1_000_000 : i.key.endsWith('Target') ? 2 : i.fill === 'survey' ? 4 : 80, comment: '', evidence: '年度目标责任书' }]));
    const d = await call(h.app, sup, 'POST', `/api/v1/eval/results/${liId}/draft`, { entered });
    expect(d.statusCode, d.body).toBe(200);
    const res = d.json<Result>();
    const npl = res.lines.find((l) => l.id === 'npl')!;
    expect(npl.inputs[0]).toMatchObject({ key: 'nplRatio', value: `${(before.figures.nplRatio!.value * 100).toFixed(2)}%` });
    expect(npl.inputs[0]!.source).toMatch(/^信贷台账/);
    expect(npl.trace).toMatch(/^npl \[rural-credit-evaluation 第职责条\]: 15 × clamp\(1 - nplRatio \* 20, 0, 1\)/);
    const loans = res.lines.find((l) => l.id === 'loans')!;
    expect(loans.inputs.map((i) => i.key)).toEqual(['avgDailyLoanYuan', 'loanTargetYuan']);
    expect(loans.inputs[0]!.source).toMatch(/^贷款积数/);
    // 15 × clamp(average ÷ 1,000,000, 0, 1.2), two decimals.
    const expected = Math.min(1.2, before.figures.avgDailyLoanYuan!.value / 1_000_000) * 15;
    expect(Number(loans.points)).toBeCloseTo(expected, 2);
  });

  it('customers rate through the survey as their own 360 group, counted only from the policy minimum of five answers', async () => {
    const rows = await cycle({ name: '烟草考核 客户评价', scorecardId: 'tobacco-evaluation', orgUnitId: ids.CQ01 });
    const liId = rows.find((r) => r.name === '李娜')!.resultId;
    const view = async () => (await call(h.app, hr, 'GET', `/api/v1/eval/results/${liId}`)).json<Result>();
    const draftAll = async () => {
      const before = (await call(h.app, sup, 'GET', `/api/v1/eval/results/${liId}`)).json<Result>();
      const entered = Object.fromEntries(before.inputs.filter((i) => i.fill === 'entered' || (i.fill === 'figure' && !before.figures[i.key])).map((i) => [i.key, { value: 90, comment: '', evidence: '' }]));
      const d = await call(h.app, sup, 'POST', `/api/v1/eval/results/${liId}/draft`, { entered, superiorScores: { communication: 80, teamwork: 80, learning: 80 } });
      expect(d.statusCode, d.body).toBe(200);
      return d.json<Result>();
    };
    // The seed has one answered survey for 李娜 this quarter: one of five, not counted, shown with its source.
    let customer = (await draftAll()).raters.find((r) => r.role === 'customer')!;
    expect(customer).toMatchObject({ respondents: 1, minRespondents: 5, counted: false, averages: {} });
    expect(customer.source).toMatch(/^满意度调查 2026-10-01~2026-12-31：1\/\d+ 份答卷/);
    // Four more customers answer (all 5s): five answers count.
    const survey = (await call(h.app, mgr, 'GET', '/api/v1/surveys')).json<{ items: { id: number }[] }>().items[0]!;
    const mine = (await call(h.app, mgr, 'GET', '/api/v1/customers?pageSize=50')).json<{ items: { id: number; customerNo: string }[] }>().items.filter((c) => !['C0001', 'C0003'].includes(c.customerNo));
    let answered = 0;
    for (const c of mine) {
      if (answered === 4) break;
      const link = await call(h.app, mgr, 'POST', `/api/v1/surveys/${survey.id}/links`, { customerId: c.id });
      if (link.statusCode !== 201) continue;
      const a = await call(h.app, mgr, 'POST', `/api/v1/public/surveys/${link.json<{ token: string }>().token}/answers`, { answers: { attitude: 5, expertise: 5, timeliness: 5, overall: 5 } });
      expect(a.statusCode, a.body).toBe(200);
      answered += 1;
    }
    expect(answered).toBe(4);
    customer = (await draftAll()).raters.find((r) => r.role === 'customer')!;
    expect(customer).toMatchObject({ respondents: 5, counted: true });
    expect(customer.averages.communication).toBeGreaterThan(80);
    // The person sees the group and its source, never who answered.
    expect((await view()).raters.map((r) => r.role)).toContain('customer');
  });

  it('a cycle stored before scoring moved onto the engine still opens: its preset policy, its trace, no engine lines', async () => {
    const [t] = await h.database.query<{ id: number }>(`select id from tenants where code = 'QSRCB'`);
    const legacy = { id: 'tobacco-evaluation', version: 1, bands: [{ grade: 'A', min: 90, quotaPercent: 20, coefficient: 1.2 }], items: [{ id: 'sales', source: 'evaluator', figure: null }] };
    const [c] = await h.database.query<{ id: number }>(`insert into eval_cycles (tenant_id, name, period_kind, starts_on, ends_on, scorecard_id, scorecard, status) values ($1, '旧周期', 'quarter', '2026-04-01', '2026-06-30', 'tobacco-evaluation', $2::jsonb, 'published') returning id`, [t!.id, JSON.stringify(legacy)]);
    const score = { lines: [{ id: 'sales', figure: 90, figureSource: '考核人录入', points: 22.5 }], trace: ['sales [考核细则·销售指标]: 90 → 22.5', 'total 88 → band B'], conductPoints: 0, vetoed: false, raters: [{ role: 'superior', respondents: 1, counted: true, averages: {} }] };
    const [r] = await h.database.query<{ id: number }>(`insert into eval_results (tenant_id, cycle_id, staff_id, drafter_staff_id, status, entered, score, total, band, coefficient, published_on, appeal_deadline) values ($1, $2, $3, $4, 'published', '{}'::jsonb, $5::jsonb, '88.00', 'B', '1.00', '2026-07-10', '2026-07-17') returning id`,
      [t!.id, c!.id, ids['李娜'], ids['王建国'], JSON.stringify(score)]);
    const res = await call(h.app, hr, 'GET', `/api/v1/eval/results/${r!.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Result>()).toMatchObject({ band: 'B', lines: [], trace: ['sales [考核细则·销售指标]: 90 → 22.5', 'total 88 → band B'] });
    expect((await call(h.app, hr, 'GET', `/api/v1/eval/cycles/${c!.id}`)).statusCode).toBe(200);
  });

  it('staff with no supervisor login above them get HR as drafter; a supervisor unit head without a login is skipped for the next one up', async () => {
    // 东部分行 has a unit head (孙浩) but no supervisor login: HR (陈静) drafts.
    const east = await cycle({ name: '东部考核', scorecardId: 'tobacco-evaluation', orgUnitId: ids.DB });
    expect(new Set(east.map((r) => r.drafter))).toEqual(new Set(['陈静']));
    // 解放路支行's head 黄德华 has no login: 王建国 one level further up drafts.
    const cq02 = await cycle({ name: '解放路考核', scorecardId: 'tobacco-evaluation', orgUnitId: ids.CQ02 });
    expect(new Set(cq02.map((r) => r.drafter))).toEqual(new Set(['王建国']));
    // HR may draft what falls to HR; the city supervisor may not draft the east.
    const maId = east.find((r) => r.name === '马丽')!.resultId;
    expect((await call(h.app, sup, 'POST', `/api/v1/eval/results/${maId}/draft`, { entered: {} })).statusCode).toBe(404);
    const before = (await call(h.app, hr, 'GET', `/api/v1/eval/results/${maId}`)).json<Result>();
    const entered = Object.fromEntries(before.inputs.filter((i) => i.fill === 'entered' || (i.fill === 'figure' && !before.figures[i.key])).map((i) => [i.key, { value: 90, comment: '', evidence: '' }]));
    const d = await call(h.app, hr, 'POST', `/api/v1/eval/results/${maId}/draft`, { entered });
    expect(d.statusCode, d.body).toBe(200);
    // The drafter does not review her own draft.
    expect((await call(h.app, hr, 'POST', `/api/v1/eval/results/${maId}/review`, {})).statusCode).toBe(403);
    // Once 孙浩 has a supervisor login, he drafts his branch.
    expect((await call(h.app, admin, 'POST', '/api/v1/users', { login: 'sh.src', displayName: '孙浩', role: 'supervisor', orgUnitId: ids.DB, staffId: ids['孙浩'], password: 'abcd1234' })).statusCode).toBe(201);
    const again = await cycle({ name: '东部考核 2', scorecardId: 'tobacco-evaluation', orgUnitId: ids.DB01 });
    expect(new Set(again.map((r) => r.drafter))).toEqual(new Set(['孙浩']));
  });
});
