import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';

interface Row { resultId: number; name: string; status: string; band: string | null; pendingRaters: string[] }
interface Result {
  id: number; status: string; total: string | null; band: string | null; trace: string[]; policy: { id: string };
  raters: { role: string; respondents: number; minRespondents: number; counted: boolean; averages: Record<string, number>; source: string | null }[];
  lines: { id: string; points: string; trace: string; inputs: { key: string; value: string; source: string }[] }[];
  figures: Record<string, { value: number; source: string }>; inputs: { key: string; fill: string }[];
}
/** What the drafter must type: every input Kehu did not fill (targets, manual scores, figures it has no data for). */
function toEnter(res: Result, values: Record<string, number>, fallback = 80): Record<string, { value: number; comment: string; evidence: string }> {
  return Object.fromEntries(res.inputs.filter((i) => i.fill === 'entered' || ((i.fill === 'figure' || i.fill === 'survey') && !res.figures[i.key]))
    .map((i) => [i.key, { value: values[i.key] ?? fallback, comment: '', evidence: '销售台账' }]));
}

describe.each(testDatabaseKinds())('evaluation cycle on %s', (kind) => {
  let h: Harness;
  let hr: Session; let sup: Session; let mgr: Session; let admin: Session;
  const ids: Record<string, number> = {};
  let cycleId = 0;
  let rows: Row[] = [];
  const byName = (n: string) => rows.find((r) => r.name === n)!;

  beforeAll(async () => {
    h = await createHarness(kind);
    [hr, sup, mgr, admin] = await Promise.all([signIn(h.app, 'bank.hr'), signIn(h.app, 'bank.supervisor'), signIn(h.app, 'bank.manager'), signIn(h.app, 'bank.admin')]);
    for (const u of (await call(h.app, hr, 'GET', '/api/v1/org-units')).json<{ items: { id: number; code: string }[] }>().items) ids[u.code] = u.id;
    for (const s of (await call(h.app, hr, 'GET', '/api/v1/staff?pageSize=100')).json<{ items: { id: number; name: string }[] }>().items) ids[s.name] = s.id;
    // Logins for the CQ02 colleagues (so they can rate each other) and a supervisor for the eastern branch.
    for (const [login, name, role, unit] of [['zm', '周敏', 'manager', 'CQ02'], ['wl', '吴磊', 'manager', 'CQ02'], ['zxy', '郑晓燕', 'manager', 'CQ02'], ['sj', '宋佳', 'manager', 'CQ02'], ['zw', '张伟', 'manager', 'CQ01'], ['ly', '刘洋', 'manager', 'CQ01'], ['sh', '孙浩', 'supervisor', 'DB']] as const) {
      const r = await call(h.app, admin, 'POST', '/api/v1/users', { login: `${login}.eval`, displayName: name, role, orgUnitId: ids[unit], staffId: ids[name], password: 'abcd1234' });
      expect(r.statusCode).toBe(201);
    }
  });
  afterAll(() => h?.close());

  it('sets up a quarterly tobacco cycle for the city branch with the supervisor one level up as drafter', async () => {
    const r = await call(h.app, hr, 'POST', '/api/v1/eval/cycles', { name: '2026年第四季度考核', periodKind: 'quarter', startsOn: '2026-10-01', endsOn: '2026-12-31', scorecardId: 'tobacco-evaluation', orgUnitId: ids.CQ });
    expect(r.statusCode).toBe(201);
    cycleId = r.json<{ id: number; people: number }>().id;
    expect(r.json<{ people: number }>().people).toBe(8);
    const d = (await call(h.app, hr, 'GET', `/api/v1/eval/cycles/${cycleId}`)).json<{ rows: (Row & { drafter: string })[] }>();
    rows = d.rows;
    expect(new Set(d.rows.map((x) => x.drafter))).toEqual(new Set(['王建国']));
    // Who has not evaluated whom: 李娜 waits for her superior, herself and her two CQ01 peers.
    expect(byName('李娜').pendingRaters.sort()).toEqual(['刘洋', '张伟', '李娜', '王建国'].sort());
  });

  it('lets each rater answer only their own rating tasks', async () => {
    const tasks = (await call(h.app, mgr, 'GET', '/api/v1/eval/tasks')).json<{ ratings: { id: number; subject: string; raterRole: string }[] }>().ratings;
    expect(tasks.map((t) => `${t.raterRole}:${t.subject}`).sort()).toEqual(['peer:刘洋', 'peer:张伟', 'self:李娜']);
    for (const t of tasks) expect((await call(h.app, mgr, 'POST', `/api/v1/eval/ratings/${t.id}`, { scores: { communication: 85, teamwork: 88, learning: 80 } })).statusCode).toBe(200);
    // Somebody else's task: 404, like a missing one.
    const other = (await call(h.app, await signIn(h.app, 'zm.eval', 'abcd1234'), 'GET', '/api/v1/eval/tasks')).json<{ ratings: { id: number }[] }>().ratings[0]!;
    expect((await call(h.app, mgr, 'POST', `/api/v1/eval/ratings/${other.id}`, { scores: { communication: 10 } })).statusCode).toBe(404);
    // CQ01: 张伟 and 刘洋 rate too (two peers for 李娜: fewer than the minimum of three). CQ02: three peers each.
    for (const login of ['zw.eval', 'ly.eval', 'zm.eval', 'wl.eval', 'zxy.eval', 'sj.eval']) {
      const s = await signIn(h.app, login, 'abcd1234');
      for (const t of (await call(h.app, s, 'GET', '/api/v1/eval/tasks')).json<{ ratings: { id: number }[] }>().ratings) {
        expect((await call(h.app, s, 'POST', `/api/v1/eval/ratings/${t.id}`, { scores: { communication: 70, teamwork: 72, learning: 74 } })).statusCode).toBe(200);
      }
    }
  });

  it('shows the supervisor auto-filled figures with their sources; nobody evaluates outside their scope', async () => {
    const li = byName('李娜').resultId;
    const res = (await call(h.app, sup, 'GET', `/api/v1/eval/results/${li}`)).json<Result>();
    expect(res.figures.complaints?.source).toMatch(/投诉登记/);
    const east = await signIn(h.app, 'sh.eval', 'abcd1234');
    expect((await call(h.app, east, 'GET', `/api/v1/eval/results/${li}`)).statusCode).toBe(404);
    expect((await call(h.app, east, 'POST', `/api/v1/eval/results/${li}/draft`, { entered: {} })).statusCode).toBe(404);
    const spa = await signIn(h.app, 'spa.hr');
    expect((await call(h.app, spa, 'GET', `/api/v1/eval/results/${li}`)).statusCode).toBe(404);
    expect((await call(h.app, spa, 'GET', `/api/v1/eval/cycles/${cycleId}`)).statusCode).toBe(404);
    // A manager cannot draft anyone.
    expect((await call(h.app, mgr, 'POST', `/api/v1/eval/results/${byName('张伟').resultId}/draft`, { entered: {} })).statusCode).toBe(403);
  });

  it('drafts every result, traces every score to its inputs, and keeps the drafter from reviewing', async () => {
    // Nothing half-scored: without the targets the engine refuses, naming each missing input.
    const first = (await call(h.app, sup, 'GET', `/api/v1/eval/results/${rows[0]!.resultId}`)).json<Result>();
    const refused = await call(h.app, sup, 'POST', `/api/v1/eval/results/${rows[0]!.resultId}/draft`, { entered: {} });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ fields: { path: string }[] }>().fields.map((f) => f.path)).toContain('entered.salesTargetYuan');
    expect(first.status).toBe('pending');
    for (const [i, r] of rows.entries()) {
      const before = (await call(h.app, sup, 'GET', `/api/v1/eval/results/${r.resultId}`)).json<Result>();
      const entered = toEnter(before, { salesYuan: 80_000 + i * 4000, salesTargetYuan: 100_000, avgOrderYuan: 95, avgOrderTargetYuan: 100, newCustomersTarget: 4, surveyRating: 4.2, retentionRate: 90 });
      const d = await call(h.app, sup, 'POST', `/api/v1/eval/results/${r.resultId}/draft`, { entered, superiorScores: { communication: 80 + i, teamwork: 82, learning: 78 } });
      expect(d.statusCode, d.body).toBe(200);
      const res = d.json<Result>();
      expect([res.status, res.policy.id]).toEqual(['drafted', 'tobacco-evaluation']);
      // Every score traced to its inputs: the entered sales with its evidence, Kehu's complaints with the register, the engine's clause.
      const sales = res.lines.find((l) => l.id === 'sales')!;
      expect(sales.inputs.find((x) => x.key === 'salesTargetYuan')!.source).toMatch(/考核人录入.*销售台账/);
      expect(sales.trace).toMatch(/^sales \[tobacco-evaluation 第2\.1条\]: 30 × clamp\(salesYuan \/ salesTargetYuan/);
      expect(res.lines.find((l) => l.id === 'complaints')!.inputs[0]!.source).toMatch(/投诉登记/);
      expect(res.trace.some((t) => t.startsWith('total '))).toBe(true);
      expect(res.lines.reduce((a, l) => a + Math.round(Number(l.points) * 100), 0) / 100).toBeCloseTo(Number(res.total), 2);
    }
    expect((await call(h.app, sup, 'POST', `/api/v1/eval/results/${byName('李娜').resultId}/review`, {})).statusCode).toBe(403);
    for (const r of rows) expect((await call(h.app, hr, 'POST', `/api/v1/eval/results/${r.resultId}/review`, { comment: '同意' })).statusCode).toBe(200);
    // The person does not see the draft before publication.
    const mine = (await call(h.app, mgr, 'GET', '/api/v1/eval/results/mine')).json<{ items: Result[] }>().items.find((x) => x.id === byName('李娜').resultId)!;
    expect([mine.status, mine.total, mine.lines.length]).toEqual(['reviewed', null, 0]);
  });

  it('calibrates against the quotas, with a reason for every change, then publishes', async () => {
    const threeA = ['李娜', '张伟', '刘洋'].map((n) => ({ resultId: byName(n).resultId, band: 'A', reason: '表现突出' }));
    const over = await call(h.app, hr, 'POST', `/api/v1/eval/cycles/${cycleId}/calibrate`, { changes: threeA });
    expect(over.statusCode).toBe(409);
    expect((await call(h.app, hr, 'POST', `/api/v1/eval/cycles/${cycleId}/calibrate`, { changes: [{ resultId: byName('李娜').resultId, band: 'A', reason: '' }] })).statusCode).toBe(400);
    const ok = await call(h.app, hr, 'POST', `/api/v1/eval/cycles/${cycleId}/calibrate`, { changes: [{ resultId: byName('李娜').resultId, band: 'A', reason: '季度营销竞赛第一' }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ distribution: { grade: string; count: number }[] }>().distribution.find((d) => d.grade === 'A')!.count).toBe(1);
    expect((await call(h.app, sup, 'POST', `/api/v1/eval/cycles/${cycleId}/publish`)).statusCode).toBe(403);
    const pub = await call(h.app, hr, 'POST', `/api/v1/eval/cycles/${cycleId}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
  });

  it('shows the person their scorecard with peer answers anonymous and counted only with the minimum respondents', async () => {
    const li = (await call(h.app, mgr, 'GET', `/api/v1/eval/results/${byName('李娜').resultId}`));
    expect(li.statusCode).toBe(200);
    const res = li.json<Result>();
    expect(res.band).toBe('A');
    const peer = res.raters.find((r) => r.role === 'peer')!;
    expect(peer).toMatchObject({ respondents: 2, counted: false, averages: {} });
    expect(li.body).not.toMatch(/张伟|刘洋|raterId|raterStaffId/);
    const zm = (await call(h.app, await signIn(h.app, 'zm.eval', 'abcd1234'), 'GET', `/api/v1/eval/results/${byName('周敏').resultId}`));
    const zmPeer = zm.json<Result>().raters.find((r) => r.role === 'peer')!;
    expect(zmPeer).toMatchObject({ respondents: 3, counted: true, averages: { communication: 70, teamwork: 72, learning: 74 } });
    expect(zm.body).not.toMatch(/吴磊|郑晓燕|宋佳/);
    // Another manager's result: 404.
    expect((await call(h.app, mgr, 'GET', `/api/v1/eval/results/${byName('周敏').resultId}`)).statusCode).toBe(404);
  });

  it('takes an appeal, refuses the first evaluator as re-reviewer, and audits the accepted change', async () => {
    const zhang = byName('张伟').resultId;
    const zw = await signIn(h.app, 'zw.eval', 'abcd1234');
    const ap = await call(h.app, zw, 'POST', `/api/v1/eval/results/${zhang}/appeal`, { reason: '新增客户数漏计两户' });
    expect(ap.statusCode, ap.body).toBe(200);
    expect((await call(h.app, zw, 'POST', `/api/v1/eval/results/${zhang}/appeal`, { reason: '再次' })).statusCode).toBe(409);
    const appeals = (await call(h.app, sup, 'GET', '/api/v1/eval/appeals')).json<{ items: { id: number; resultId: number; mayAnswer: boolean }[] }>().items;
    const a = appeals.find((x) => x.resultId === zhang)!;
    expect(a.mayAnswer).toBe(false);
    expect((await call(h.app, sup, 'POST', `/api/v1/eval/appeals/${a.id}/answer`, { accept: true, band: 'B', answer: '同意' })).statusCode).toBe(403);
    const ans = await call(h.app, hr, 'POST', `/api/v1/eval/appeals/${a.id}/answer`, { accept: true, band: 'B', answer: '核实漏计，调整为良好' });
    expect(ans.statusCode, ans.body).toBe(200);
    expect(ans.json<Result>()).toMatchObject({ status: 'final', band: 'B' });
    const audit = (await call(h.app, hr, 'GET', `/api/v1/audit?entity=eval_result&entityId=${zhang}`)).json<{ items: { action: string }[] }>().items;
    expect(audit.map((x) => x.action)).toContain('appeal_accept');
    // Acknowledging a published result.
    expect((await call(h.app, mgr, 'POST', `/api/v1/eval/results/${byName('李娜').resultId}/acknowledge`)).json<Result>().status).toBe('acknowledged');
  });

  it('proposes a promotion from the band and HR approves it with a reason; the grade history shows it', async () => {
    const props = (await call(h.app, hr, 'GET', '/api/v1/grades/proposals')).json<{ items: { id: number; name: string; fromGrade: string; proposedGrade: string; grades: { code: string; label: { zh: string } }[] }[] }>().items;
    const li = props.find((p) => p.name === '李娜')!;
    expect([li.fromGrade, li.proposedGrade]).toEqual(['manager-2', 'manager-3']);
    // The page shows grade names, not codes: the proposal carries its ladder's grades with their names.
    expect(li.grades.find((g) => g.code === 'manager-3')?.label.zh).toBe('客户经理3档');
    expect((await call(h.app, hr, 'POST', `/api/v1/grades/proposals/${li.id}/decide`, { grade: li.proposedGrade, reason: '第四季度考核优秀' })).statusCode).toBe(200);
    const g = (await call(h.app, mgr, 'GET', '/api/v1/grades/mine')).json<{ held: string; applies: string; history: { toGrade: string; reason: string }[] }>();
    expect(g.held).toBe('manager-3');
    expect(g.history[0]).toMatchObject({ toGrade: 'manager-3', reason: '第四季度考核优秀' });
    // 张伟 holds manager-1 without the manager qualification: benefits of assistant-3, with the reason.
    const zw = (await call(h.app, hr, 'GET', `/api/v1/grades/staff/${ids['张伟']}`)).json<{ held: string; applies: string; reasons: { zh: string }[] }>();
    expect([zw.held, zw.applies]).toEqual(['manager-1', 'assistant-3']);
    expect(zw.reasons[0]!.zh).toMatch(/任职资格/);
  });

  it('runs a competition with eligibility reasons, the double exam, appointment and probation', async () => {
    const c = await call(h.app, hr, 'POST', '/api/v1/competitions', { title: '客户经理公开竞聘', ladderId: 'bank-2005', grade: 'manager-1', heldOn: '2026-12-01', rules: { maxAge: { male: 45, female: 43 }, minEducation: 'college', minExamScore: 60, depositRouteYuan: 3000000 }, probationMonths: 3 });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json<{ gradeLabel: { zh: string; en: string } }>().gradeLabel).toEqual({ zh: '客户经理1档', en: 'Customer manager step 1' });
    const id = c.json<{ id: number }>().id;
    // 王建国 (born 1978) is 48: too old. 刘洋 passes. 朱志强 has technical secondary only.
    await call(h.app, hr, 'POST', `/api/v1/competitions/${id}/applicants`, { staffId: ids['王建国'], examScore: 90, characterReview: 'pass' });
    await call(h.app, hr, 'POST', `/api/v1/competitions/${id}/applicants`, { staffId: ids['朱志强'], examScore: 90, characterReview: 'pass' });
    const r = await call(h.app, hr, 'POST', `/api/v1/competitions/${id}/applicants`, { staffId: ids['刘洋'], examScore: 72, characterReview: 'pass' });
    const apps = r.json<{ applicants: { id: number; name: string; eligible: boolean; reasons: { zh: string }[] }[] }>().applicants;
    expect(apps.map((a) => [a.name, a.eligible])).toEqual([['王建国', false], ['朱志强', false], ['刘洋', true]]);
    expect(apps[0]!.reasons[0]!.zh).toMatch(/48 周岁，超过男性 45 周岁/);
    expect(apps[1]!.reasons.map((x) => x.zh)).toEqual(['学历中专，低于要求的大专']);
    const liu = apps.find((a) => a.name === '刘洋')!;
    const ap = await call(h.app, hr, 'POST', `/api/v1/competitions/applicants/${liu.id}/action`, { action: 'appoint' });
    expect(ap.json<{ applicants: { name: string; status: string; probationEndsOn: string | null }[] }>().applicants.find((a) => a.name === '刘洋')).toMatchObject({ status: 'probation', probationEndsOn: '2027-03-01' });
    expect((await call(h.app, sup, 'GET', '/api/v1/competitions')).statusCode).toBe(403);
  });

  it('feeds conduct records into the scorecard and keeps them in scope', async () => {
    const c = await call(h.app, sup, 'POST', '/api/v1/conduct', { staffId: ids['刘洋'], occurredOn: '2026-11-02', kind: 'penalty', clause: '足浴规章·纪律：迟到', points: 1 });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json<{ points: string }>().points).toBe('-1.00');
    const east = await signIn(h.app, 'sh.eval', 'abcd1234');
    expect((await call(h.app, east, 'POST', '/api/v1/conduct', { staffId: ids['刘洋'], occurredOn: '2026-11-02', kind: 'reward', clause: 'x', points: 1 })).statusCode).toBe(404);
    const own = (await call(h.app, mgr, 'GET', '/api/v1/conduct')).json<{ items: { name: string }[] }>().items;
    expect(own.every((x) => x.name === '李娜')).toBe(true);
  });
});
