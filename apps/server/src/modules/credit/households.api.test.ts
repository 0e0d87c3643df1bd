import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import type { Household } from '@kehu/contracts';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';

describe.each(testDatabaseKinds())('credit households on %s', (kind) => {
  let h: Harness;
  let sup: Session; let mgr: Session;
  beforeAll(async () => {
    h = await createHarness(kind);
    [sup, mgr] = await Promise.all([signIn(h.app, 'bank.supervisor'), signIn(h.app, 'bank.manager')]);
  });
  afterAll(() => h?.close());
  const rate = (customerNo: string, score: number, s = sup) => call(h.app, s, 'POST', '/api/v1/credit/households/rate', { customerNo, score });

  it('grades by the credit-line table; score bounds inclusive; the yearly re-check re-rates in place', async () => {
    const cases: [number, string | null, number, string][] = [[92, 'excellent', 100_000_00, 'rated'], [90, 'excellent', 100_000_00, 'rated'], [75, 'good', 50_000_00, 'rated'], [60, 'fair', 30_000_00, 'rated'], [59, null, 0, 'failed']];
    for (const [score, grade, line, status] of cases) {
      const r = await rate('C0001', score);
      expect(r.statusCode).toBe(200);
      expect(r.json<Household>()).toMatchObject({ customerNo: 'C0001', score, grade, creditLineFen: line, status, recheckDue: false });
    }
    const list = (await call(h.app, sup, 'GET', '/api/v1/credit/households')).json<{ items: Household[]; grades: { grade: string }[] }>();
    expect(list.items.filter((x) => x.customerNo === 'C0001')).toHaveLength(1);
    expect(list.grades.map((g) => g.grade)).toEqual(['excellent', 'good', 'fair']);
  });

  it('an NPL or arrears on the ledger fails the household whatever the score', async () => {
    const npl = (await rate('C0004', 98)).json<Household>();
    expect(npl).toMatchObject({ status: 'failed', grade: null, creditLineFen: 0 });
    expect(npl.checks.find((c) => c.code === 'no_npl')?.passed).toBe(false);
    // C0002: its loan matured months ago with a balance left (arrears), class special mention (not an NPL).
    const arrears = (await rate('C0002', 98)).json<Household>();
    expect(arrears.checks.filter((c) => !c.passed).map((c) => c.code)).toEqual(['no_arrears']);
  });

  it('removal keeps the row with the reason and takes the line away; scope and permission hold', async () => {
    const hh = (await rate('C0001', 80)).json<Household>();
    const r = await call(h.app, sup, 'POST', `/api/v1/credit/households/${hh.id}/remove`, { reason: '年度复评发现恶意拖欠' });
    expect(r.json<Household>()).toMatchObject({ status: 'removed', creditLineFen: 0, removalReason: '年度复评发现恶意拖欠', recheckDue: false });
    expect((await call(h.app, sup, 'POST', `/api/v1/credit/households/${hh.id}/remove`, { reason: '再次' })).statusCode).toBe(409);
    expect((await call(h.app, sup, 'POST', `/api/v1/credit/households/${hh.id}/remove`, { reason: '' })).statusCode).toBe(400);
    expect((await rate('C0015', 80)).statusCode).toBe(404);
    expect((await rate('C0001', 80, mgr)).statusCode).toBe(403);
    expect((await rate('C0001', 101)).statusCode).toBe(400);
  });
});
