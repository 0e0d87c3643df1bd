import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import type { AlertRunResult, NotificationList } from '@kehu/contracts';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';
import { businessDate } from '@kehu/domain/business-date';
import { creditAlertsService } from '../credit/credit-alerts.service.ts';

describe.each(testDatabaseKinds())('stored alerts and the bell on %s', (kind) => {
  let h: Harness;
  let mgr: Session; let sup: Session; let hr: Session; let spa: Session;
  const ids: Record<string, number> = {};
  const today = businessDate();
  const bell = async (s: Session) => (await call(h.app, s, 'GET', '/api/v1/notifications')).json<NotificationList>();
  beforeAll(async () => {
    h = await createHarness(kind);
    [mgr, sup, hr, spa] = await Promise.all([signIn(h.app, 'bank.manager'), signIn(h.app, 'bank.supervisor'), signIn(h.app, 'bank.hr'), signIn(h.app, 'spa.manager')]);
    for (const l of await h.database.query<{ id: number; loan_no: string }>('select id, loan_no from loans')) ids[l.loan_no] = l.id;
  });
  afterAll(() => h?.close());

  it('HR generates now; a second run the same day stores nothing new; a manager may not run it', async () => {
    expect((await bell(mgr)).unread).toBe(0);
    expect((await call(h.app, mgr, 'POST', '/api/v1/credit/alerts/generate')).statusCode).toBe(403);
    const first = (await call(h.app, hr, 'POST', '/api/v1/credit/alerts/generate')).json<AlertRunResult>();
    expect(first).toMatchObject({ today });
    expect(first.created).toBeGreaterThan(0);
    const again = (await call(h.app, hr, 'POST', '/api/v1/credit/alerts/generate')).json<AlertRunResult>();
    expect(again.created).toBe(0);
    // The daily job over every tenant on the same day adds nothing either.
    expect(await creditAlertsService.generateAll(h.database.db, today)).toBe(0);
    const [n] = await h.database.query<{ n: number; d: number }>('select count(*)::int as n, count(distinct (user_id, dedup_key))::int as d from notifications');
    expect(n!.n).toBe(n!.d);
    expect((await call(h.app, hr, 'POST', `/api/v1/credit/alerts/generate?date=2099-01-01`)).statusCode).toBe(409);
  });

  it('the manager hears of own loans (the 7-day limitation alert among them); the supervisor of the unit subtree; nobody else', async () => {
    const mine = await bell(mgr);
    const sevenDay = mine.items.find((i) => i.kind === 'deadline' && i.link === `/loans/${ids.L2023011}`);
    expect(sevenDay).toMatchObject({ severity: 'high', readAt: null });
    expect(sevenDay!.titleZh).toContain('诉讼时效');
    expect(sevenDay!.titleEn).toContain('L2023011');
    expect(mine.unread).toBe(mine.items.length);
    const links = (l: NotificationList) => new Set(l.items.map((i) => i.link));
    expect(links(mine).has(`/loans/${ids.L2022004}`)).toBe(false);
    const unit = await bell(sup);
    expect(links(unit).has(`/loans/${ids.L2023011}`)).toBe(true);
    expect(links(unit).has(`/loans/${ids.L2022004}`)).toBe(true);
    // L2026010 sits in another branch with an overdue instalment: not this supervisor's.
    expect(links(unit).has(`/loans/${ids.L2026010}`)).toBe(false);
    const w = await h.database.query<{ n: number }>(`select count(*)::int as n from notifications where link = $1`, [`/loans/${ids.L2026010}`]);
    expect(w[0]!.n).toBe(0);
    expect((await bell(hr)).items).toEqual([]);
    expect((await bell(spa)).items).toEqual([]);
  });

  it('a recipient marks own notices read; another’s is 404', async () => {
    const mine = await bell(mgr);
    const id = mine.items[0]!.id;
    const r = await call(h.app, mgr, 'POST', `/api/v1/notifications/${id}/read`);
    expect(r.json()).toEqual({ unread: mine.unread - 1 });
    expect((await bell(mgr)).items.find((i) => i.id === id)!.readAt).not.toBeNull();
    const supId = (await bell(sup)).items.find((i) => !mine.items.some((m) => m.id === i.id))!.id;
    expect((await call(h.app, mgr, 'POST', `/api/v1/notifications/${supId}/read`)).statusCode).toBe(404);
    expect((await call(h.app, mgr, 'POST', '/api/v1/notifications/read-all')).json()).toEqual({ unread: 0 });
    expect((await bell(sup)).unread).toBeGreaterThan(0);
    // Marked read stays read: the next run on the same day does not bring them back.
    await call(h.app, hr, 'POST', '/api/v1/credit/alerts/generate');
    expect((await bell(mgr)).unread).toBe(0);
  });
});
