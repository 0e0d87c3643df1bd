import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { addDays } from '@kehu/domain';
import type { CreditFigures, DeadlineList, DemandNotice, LoanDetail, LoanListItem, NplPlan, WarningList } from '@kehu/contracts';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';
import { businessDate } from '../../lib/business-date.ts';

describe.each(testDatabaseKinds())('credit ledger on %s', (kind) => {
  let h: Harness;
  let mgr: Session; let sup: Session; let hr: Session;
  const ids: Record<string, number> = {};
  const today = businessDate();
  beforeAll(async () => {
    h = await createHarness(kind);
    [mgr, sup, hr] = await Promise.all([signIn(h.app, 'bank.manager'), signIn(h.app, 'bank.supervisor'), signIn(h.app, 'bank.hr')]);
    for (const l of await h.database.query<{ id: number; loan_no: string }>('select id, loan_no from loans')) ids[l.loan_no] = l.id;
  });
  afterAll(() => h?.close());

  it('a manager lists the loans they manage or recommended; the supervisor the unit subtree', async () => {
    const mine = (await call(h.app, mgr, 'GET', '/api/v1/loans')).json<{ items: LoanListItem[] }>().items;
    expect(mine.map((l) => l.loanNo)).not.toContain('L2022004');
    expect(mine.map((l) => l.loanNo)).not.toContain('L2026010');
    const unit = (await call(h.app, sup, 'GET', '/api/v1/loans')).json<{ items: LoanListItem[] }>().items;
    expect(unit.map((l) => l.loanNo)).toContain('L2022004');
    expect(unit.map((l) => l.loanNo)).not.toContain('L2026010');
    expect((await call(h.app, hr, 'GET', '/api/v1/loans')).statusCode).toBe(403);
  });

  it('shows claims in every state', async () => {
    const items = (await call(h.app, sup, 'GET', '/api/v1/loans')).json<{ items: LoanListItem[] }>().items;
    const st = Object.fromEntries(items.map((l) => [l.loanNo, l.limitationStatus]));
    expect(st).toMatchObject({ L2023003: 'running', L2020005: 'expired', L2014006: 'lapsed_old_rule', L2021007: 'suspended', L2023008: 'in_proceedings', L2019009: 'running', L2022004: 'running' });
    const waived = (await call(h.app, mgr, 'GET', `/api/v1/loans/${ids.L2019009}`)).json<LoanDetail>();
    expect(waived.limitation.defenceWaived).toBe(true);
    const expired = (await call(h.app, mgr, 'GET', `/api/v1/loans/${ids.L2020005}`)).json<LoanDetail>();
    expect(expired.limitation.trace.map((t) => t.code)).toContain('deduction_after_expiry');
  });

  it('alerts at 90/30/7 days before a deadline', async () => {
    const d = (await call(h.app, mgr, 'GET', '/api/v1/credit/deadlines')).json<DeadlineList>();
    const byLoan = (no: string, k: string) => d.items.find((i) => i.loanNo === no && i.kind === k);
    expect(byLoan('L2023003', 'limitation')).toMatchObject({ stage: 30, daysLeft: 25 });
    expect(byLoan('L2023011', 'limitation')).toMatchObject({ stage: 7 });
    expect(byLoan('L2025002', 'guarantee')?.stage).toBe(30);
    expect(d.calendar.length).toBeGreaterThan(0);
  });

  it('a signed demand notice interrupts the period', async () => {
    const n = (await call(h.app, mgr, 'POST', `/api/v1/loans/${ids.L2023003}/demand-notices`, {})).json<DemandNotice>();
    expect(n).toMatchObject({ borrowerName: '李记杂货店', principalFen: 8_000_000, signedOn: null });
    const before = (await call(h.app, mgr, 'GET', `/api/v1/loans/${ids.L2023003}`)).json<LoanDetail>().limitation.expiry;
    expect(before).toBe(addDays(today, 25));
    const signed = await call(h.app, mgr, 'POST', `/api/v1/demand-notices/${n.id}/sign`, { signedOn: today, signedBy: '李记' });
    expect(signed.statusCode).toBe(200);
    const after = (await call(h.app, mgr, 'GET', `/api/v1/loans/${ids.L2023003}`)).json<LoanDetail>();
    expect(after.limitation.expiry).toBe(`${Number(today.slice(0, 4)) + 3}${today.slice(4)}`.replace(/-02-29$/, '-02-28'));
    expect(after.claimEvents.at(-1)).toMatchObject({ kind: 'demand_delivered', eventDate: today });
    expect((await call(h.app, mgr, 'POST', `/api/v1/demand-notices/${n.id}/sign`, { signedOn: today, signedBy: '李记' })).statusCode).toBe(409);
  });

  it('another manager’s loan and notice answer 404', async () => {
    expect((await call(h.app, mgr, 'GET', `/api/v1/loans/${ids.L2022004}`)).statusCode).toBe(404);
    expect((await call(h.app, mgr, 'POST', `/api/v1/loans/${ids.L2022004}/claim-events`, { kind: 'demand_delivered', eventDate: today })).statusCode).toBe(404);
    expect((await call(h.app, sup, 'GET', `/api/v1/loans/${ids.L2026010}`)).statusCode).toBe(404);
  });

  it('records a future-dated event as a conflict, a part payment as an interruption', async () => {
    expect((await call(h.app, mgr, 'POST', `/api/v1/loans/${ids.L2025002}/claim-events`, { kind: 'part_payment', eventDate: addDays(today, 1) })).statusCode).toBe(409);
    const r = await call(h.app, mgr, 'POST', `/api/v1/loans/${ids.L2025002}/claim-events`, { kind: 'part_payment', eventDate: today, evidence: '还款凭证' });
    expect(r.statusCode).toBe(201);
    expect(r.json<LoanDetail>().limitation.trace.at(-1)).toMatchObject({ kind: 'part_payment', counted: true });
  });

  it('NPL plans and actions; plans only for NPLs', async () => {
    expect((await call(h.app, mgr, 'PUT', `/api/v1/loans/${ids.L2026001}/npl-plan`, { method: 'cash', targetFen: 1, targetDate: today })).statusCode).toBe(409);
    const p = (await call(h.app, mgr, 'PUT', `/api/v1/loans/${ids.L2021007}/npl-plan`, { method: 'foreclosure', targetFen: 15_000_000, targetDate: addDays(today, 90) })).json<NplPlan>();
    const a = (await call(h.app, mgr, 'POST', `/api/v1/npl-plans/${p.id}/actions`, { actionDate: today, action: '与继承人协商以房抵债', recoveredFen: 100_000 })).json<NplPlan>();
    expect(a.recoveredFen).toBe(100_000);
  });

  it('warnings and figures', async () => {
    const w = (await call(h.app, mgr, 'GET', '/api/v1/credit/warnings')).json<WarningList>().items;
    expect(w.some((x) => x.kind === 'guarantor_problem' && x.loanNo === 'L2025002')).toBe(true);
    const f = (await call(h.app, hr, 'GET', '/api/v1/credit/figures')).json<CreditFigures>();
    expect(Number(f.total.nplRatio)).toBeGreaterThan(0);
    expect(f.total.nplFen).toBeLessThanOrEqual(f.total.balanceFen);
    expect(f.byManager.find((r) => r.name === '张伟')!.newNplFen).toBeGreaterThanOrEqual(0);
    const mine = (await call(h.app, mgr, 'GET', '/api/v1/credit/figures')).json<CreditFigures>();
    expect(mine.byManager.map((r) => r.name)).toContain('李娜');
    expect(mine.total.balanceFen).toBeLessThan(f.total.balanceFen);
  });
});
