import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { addDays } from '@kehu/domain';
import type { NotificationList } from '@kehu/contracts';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';
import { businessDate } from '@kehu/domain/business-date';
import { systemActor } from '../../lib/actor.ts';
import { creditAlertsService } from './credit-alerts.service.ts';
import { deadlinesOn, tenantAlertsOn, warningsOn } from './credit.service.ts';

describe.each(testDatabaseKinds())('the set-based alert run on %s', (kind) => {
  let h: Harness;
  let mgr: Session;
  let tenantId = 0;
  let settledId = 0;
  const today = businessDate();
  beforeAll(async () => {
    h = await createHarness(kind);
    mgr = await signIn(h.app, 'bank.manager');
    const [t] = await h.database.query<{ id: number }>(`select tenant_id as id from loans where loan_no = 'L2023011'`);
    tenantId = t!.id;
    // A loan of the manager's that is paid off but left a foreclosed asset to dispose of in 7 days.
    const [l] = await h.database.query<{ id: number }>(`select l.id from loans l join users u on u.staff_id = l.manager_staff_id
      where u.login = 'bank.manager' and l.loan_no <> 'L2023011' and not exists (select 1 from foreclosed_assets a where a.loan_id = l.id) order by l.id limit 1`);
    settledId = l!.id;
    await h.database.query(`update loans set balance_fen = 0 where id = $1`, [settledId]);
    await h.database.query(`insert into foreclosed_assets (tenant_id, loan_id, description, received_on, valuation_fen, disposal_deadline) values ($1, $2, '测试抵债房产', $3, 100000, $4)`,
      [tenantId, settledId, addDays(today, -300), addDays(today, 7)]);
  });
  afterAll(() => h?.close());

  it('reads the same deadlines and warnings as the scoped reads of the whole tenant', async () => {
    const system = systemActor(tenantId);
    const [set, deadlines, warnings] = [await tenantAlertsOn(h.database.db, tenantId, today), await deadlinesOn(h.database.db, system, 'tenant', today), await warningsOn(h.database.db, system, 'tenant', today)];
    expect(set.deadlines).toEqual(deadlines);
    expect(set.warnings).toEqual(warnings);
    expect(set.deadlines.items.some((d) => d.kind === 'disposal' && d.loanId === settledId && d.daysLeft === 7)).toBe(true);
    expect(set.warnings.items.some((w) => w.loanId === settledId)).toBe(false);
  });

  it('a paid-off loan\'s asset still reaches its manager; a second run stores nothing', async () => {
    const first = await creditAlertsService.generate(h.database.db, tenantId, today);
    expect(first.created).toBeGreaterThan(0);
    const bell = (await call(h.app, mgr, 'GET', '/api/v1/notifications?limit=200')).json<NotificationList>();
    expect(bell.items.find((n) => n.link === `/loans/${settledId}` && n.kind === 'deadline')?.titleZh).toContain('测试抵债房产');
    expect((await creditAlertsService.generate(h.database.db, tenantId, today)).created).toBe(0);
  });
});
