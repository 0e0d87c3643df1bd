import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { presetSource } from '@kehu/domain';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';
import { businessDate } from '@kehu/domain/business-date';

interface Rated { status: string; qualifies: boolean; policy: { id: string }; checks: { code: string; passed: boolean; bound: string; reason: { zh: string; en: string } | null }[] }

describe.each(testDatabaseKinds())('credit village rating by the policy document on %s', (kind) => {
  let h: Harness;
  let sup: Session; let hr: Session;
  beforeAll(async () => {
    h = await createHarness(kind);
    [sup, hr] = await Promise.all([signIn(h.app, 'bank.supervisor'), signIn(h.app, 'bank.hr')]);
  });
  afterAll(() => h?.close());

  it('reads the thresholds of the policy in force: a changed document changes the rating, with the engine\'s reasons', async () => {
    const units = (await call(h.app, sup, 'GET', '/api/v1/org-units')).json<{ items: { id: number; code: string }[] }>().items;
    const cq01 = units.find((u) => u.code === 'CQ01')!.id;
    const rate = async () => {
      const r = await call(h.app, sup, 'POST', '/api/v1/credit/villages/rate', { orgUnitId: cq01, name: '青山村', households: 100, creditHouseholds: 75 });
      expect(r.statusCode).toBe(200);
      return r.json<Rated>();
    };
    // The shipped preset: 75% credit households passes (≥ 70%); the ledger's borrowers fail the no-arrears check.
    const before = await rate();
    expect(before.policy.id).toBe('rural-credit-village-rating');
    expect(before.checks.find((c) => c.code === 'credit_households')).toMatchObject({ passed: true, bound: '≥ 0.7', reason: null });
    const failed = before.checks.filter((c) => !c.passed);
    expect(failed.map((c) => c.code)).toContain('no_arrears');
    expect(failed.every((c) => c.reason !== null && c.reason.zh.length > 0 && c.reason.en.length > 0)).toBe(true);
    expect(before.status).toBe('failed');

    // HR puts a changed rule book in force: 80% credit households required, the other checks relaxed.
    const text = presetSource('rural-credit')
      .replace('op: gte, value: 0.7,', 'op: gte, value: 0.8,')
      .replace('op: gt, value: 0.85,', 'op: gte, value: 0,')
      .replace('op: lt, value: 0.05,', 'op: lte, value: 1,')
      .replace('op: lt, value: 0.01,', 'op: lte, value: 1,');
    expect((await call(h.app, hr, 'PUT', '/api/v1/portfolio-policy', { presetId: null, document: text, validFrom: businessDate() })).statusCode).toBe(200);
    const stricter = await rate();
    expect(stricter.checks.map((c) => [c.code, c.passed])).toEqual([['credit_households', false], ['no_arrears', true], ['npl_stock', true], ['new_npl', true]]);
    expect(stricter.checks[0]).toMatchObject({ bound: '≥ 0.8', reason: { zh: '信用户占总户数比例为 0.75，应不低于 0.8', en: 'Credit-household share is 0.75, needs gte 0.8' } });

    // 80 of 100 reaches it: the village is rated under the changed document.
    const r = await call(h.app, sup, 'POST', '/api/v1/credit/villages/rate', { orgUnitId: cq01, name: '青山村', households: 100, creditHouseholds: 80 });
    expect(r.json<Rated>()).toMatchObject({ status: 'rated', qualifies: true });
    const audit = await h.database.query<{ after: { policy: { id: string } } }>(`select after from audit_log where entity = 'credit_village' order by id desc limit 1`);
    expect(audit[0]?.after.policy.id).toBe('rural-credit-village-rating');
  });
});
