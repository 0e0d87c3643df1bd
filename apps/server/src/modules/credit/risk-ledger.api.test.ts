import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { addDays } from '@kehu/domain';
import type { RiskItem } from '@kehu/contracts';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';
import { businessDate } from '@kehu/domain/business-date';

describe.each(testDatabaseKinds())('high-risk ledger on %s', (kind) => {
  let h: Harness;
  let mgr: Session; let sup: Session;
  const ids: Record<string, number> = {};
  const today = businessDate();
  beforeAll(async () => {
    h = await createHarness(kind);
    [mgr, sup] = await Promise.all([signIn(h.app, 'bank.manager'), signIn(h.app, 'bank.supervisor')]);
    for (const l of await h.database.query<{ id: number; loan_no: string }>('select id, loan_no from loans')) ids[l.loan_no] = l.id;
  });
  afterAll(() => h?.close());

  it('a manager enters own loans only; each category; the borrower and unit come from the loan', async () => {
    const r = await call(h.app, mgr, 'POST', '/api/v1/credit/risk-items', { loanId: ids.L2023011, kind: 'related_guarantee', description: '借款人与保证人为关联企业，互相担保' });
    expect(r.statusCode).toBe(201);
    expect(r.json<RiskItem>()).toMatchObject({ loanNo: 'L2023011', managerName: '李娜', kind: 'related_guarantee', openedOn: today, closedOn: null, actions: [] });
    expect((await call(h.app, mgr, 'POST', '/api/v1/credit/risk-items', { loanId: ids.L2022004, kind: 'violation', description: '他人贷款' })).statusCode).toBe(404);
    expect((await call(h.app, mgr, 'POST', '/api/v1/credit/risk-items', { loanId: ids.L2023011, kind: 'bogus', description: 'x' })).statusCode).toBe(400);
    expect((await call(h.app, mgr, 'POST', '/api/v1/credit/risk-items', { loanId: ids.L2023011, kind: 'violation', description: 'x', openedOn: addDays(today, 1) })).statusCode).toBe(409);
    const s = await call(h.app, sup, 'POST', '/api/v1/credit/risk-items', { loanId: ids.L2022004, kind: 'concentration', description: '单户贷款超过资本净额10%' });
    expect(s.statusCode).toBe(201);
    const mine = (await call(h.app, mgr, 'GET', '/api/v1/credit/risk-items')).json<{ items: RiskItem[] }>().items.map((i) => i.loanNo);
    expect(mine).toContain('L2023011');
    expect(mine).not.toContain('L2022004');
    const unit = (await call(h.app, sup, 'GET', '/api/v1/credit/risk-items')).json<{ items: RiskItem[] }>().items.map((i) => i.loanNo);
    expect(unit).toEqual(expect.arrayContaining(['L2023011', 'L2022004']));
  });

  it('records actions taken, then a supervisor closes the item with its outcome; closed items are read-only', async () => {
    const item = (await call(h.app, mgr, 'POST', '/api/v1/credit/risk-items', { loanId: ids.L2024012, kind: 'violation', description: '贷款资金流入股市' })).json<RiskItem>();
    expect((await call(h.app, sup, 'POST', `/api/v1/credit/risk-items/${item.id}/close`, { note: '无措施' })).statusCode).toBe(409);
    expect((await call(h.app, mgr, 'POST', `/api/v1/credit/risk-items/${item.id}/actions`, { actionDate: addDays(today, 1), action: '明天' })).statusCode).toBe(409);
    const a = await call(h.app, mgr, 'POST', `/api/v1/credit/risk-items/${item.id}/actions`, { actionDate: today, action: '提前收回贷款50万元' });
    expect(a.statusCode).toBe(201);
    expect(a.json<RiskItem>().actions).toEqual([expect.objectContaining({ action: '提前收回贷款50万元', staffName: '李娜' })]);
    expect((await call(h.app, mgr, 'POST', `/api/v1/credit/risk-items/${item.id}/close`, { note: '已收回' })).statusCode).toBe(403);
    const c = await call(h.app, sup, 'POST', `/api/v1/credit/risk-items/${item.id}/close`, { note: '资金已收回，销号' });
    expect(c.json<RiskItem>()).toMatchObject({ closedOn: today, closedNote: '资金已收回，销号' });
    expect((await call(h.app, sup, 'POST', `/api/v1/credit/risk-items/${item.id}/close`, { note: '再次' })).statusCode).toBe(409);
    expect((await call(h.app, mgr, 'POST', `/api/v1/credit/risk-items/${item.id}/actions`, { actionDate: today, action: '追加' })).statusCode).toBe(409);
    const open = (await call(h.app, mgr, 'GET', '/api/v1/credit/risk-items?status=open')).json<{ items: RiskItem[] }>().items.map((i) => i.id);
    expect(open).not.toContain(item.id);
    const audit = await h.database.query<{ action: string }>(`select action from audit_log where entity in ('risk_item', 'risk_item_action') and (entity_id = $1 or after->>'riskItemId' = $1) order by id`, [String(item.id)]);
    expect(audit.map((x) => x.action)).toEqual(['create', 'create', 'close']);
  });
});
