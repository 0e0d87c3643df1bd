import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { addDays } from '@kehu/domain';
import type { CreditFigures, DeadlineList, DemandNotice, LoanDetail, LoanListItem, NplPlan, WarningList } from '@kehu/contracts';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';
import { businessDate } from '@kehu/domain/business-date';

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

  it('imports daily balances all-or-nothing and idempotently; averages are day-sum subtractions', async () => {
    const csv = (rows: string[]) => ['账户类型,账号,日期,余额,客户号', ...rows].join('\n') + '\n';
    const csvHeaders = { 'content-type': 'text/csv' };
    // The demo seeds one day-sum per loan (1 October, for the evaluation cycle); this account starts empty here.
    await h.database.query(`delete from balance_day_sums where account_no = 'L2026001'`);
    const rowsOf = async () => (await h.database.query(`select 1 from balance_day_sums where account_no = 'L2026001'`)).length;
    // A bad row: nothing is written, the report names the row and the column.
    const bad = await call(h.app, sup, 'POST', '/api/v1/credit/balances/import', csv(['贷款,L2026001,2026-01-01,100.00,C0001', '贷款,L2026001,2026-01-32,5,C0001']), csvHeaders);
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ errors: { row: number; column: string }[] }>().errors[0]).toMatchObject({ row: 3, column: '日期' });
    expect(await rowsOf()).toBe(0);
    // January with missing days: 100 on the 1st, 200 from the 11th; then 1,000 on 01-30 … 3,000 on 02-01, 0 from 02-02.
    const good = csv(['贷款,L2026001,2026-01-01,100.00,C0001', '贷款,L2026001,2026-01-11,200.00,C0001', '贷款,L2026001,2026-01-30,1000,C0001', '贷款,L2026001,2026-02-01,3000,C0001', '贷款,L2026001,2026-02-02,0,C0001']);
    const ok = await call(h.app, sup, 'POST', '/api/v1/credit/balances/import', good, csvHeaders);
    expect(ok.json()).toMatchObject({ ok: true, rows: 5, accounts: 1, daysWritten: 33 });
    expect((await call(h.app, sup, 'POST', '/api/v1/credit/balances/import', good, csvHeaders)).json()).toMatchObject({ ok: true, daysWritten: 33 });
    expect(await rowsOf()).toBe(33);
    const avg = async (from: string, to: string) => (await call(h.app, mgr, 'GET', `/api/v1/credit/balances/average?loanNo=L2026001&from=${from}&to=${to}`)).json<{ daySumFen: number; days: number; averageFen: number }>();
    // 01-01..01-10 at 100, 01-11..01-29 at 200, 01-30..01-31 at 1000 → 1000 + 3800 + 2000 yuan over 31 days.
    expect(await avg('2026-01-01', '2026-01-31')).toEqual({ loanNo: 'L2026001', from: '2026-01-01', to: '2026-01-31', daySumFen: 680_000, days: 31, averageFen: 21_935.48 });
    // Across the month end: 01-30, 01-31 at 1000, 02-01 at 3000, 02-02 at 0 → 5000 yuan over 4 days.
    expect(await avg('2026-01-30', '2026-02-02')).toMatchObject({ daySumFen: 500_000, days: 4, averageFen: 125_000 });
    // Another manager's loan: 404.
    expect((await call(h.app, mgr, 'GET', '/api/v1/credit/balances/average?loanNo=L2022004&from=2026-01-01&to=2026-01-31')).statusCode).toBe(404);
    expect((await call(h.app, mgr, 'POST', '/api/v1/credit/balances/import', good, csvHeaders)).statusCode).toBe(403);
  });

  it('rates a credit village from the ledger by the thresholds; removal keeps the reason', async () => {
    const units = (await call(h.app, sup, 'GET', '/api/v1/org-units')).json<{ items: { id: number; code: string }[] }>().items;
    const cq01 = units.find((u) => u.code === 'CQ01')!.id;
    const r = await call(h.app, sup, 'POST', '/api/v1/credit/villages/rate', { orgUnitId: cq01, name: '青山村', households: 100, creditHouseholds: 75 });
    expect(r.statusCode).toBe(200);
    const v = r.json<{ id: number; status: string; checks: { code: string; passed: boolean }[]; figures: Record<string, number> }>();
    expect(v.figures).toMatchObject({ borrowingHouseholds: 4 });
    expect(v.status).toBe('failed');
    expect(v.checks.find((c) => c.code === 'credit_households')!.passed).toBe(true);
    expect(v.checks.find((c) => c.code === 'no_arrears')!.passed).toBe(false);
    const villages = (await call(h.app, sup, 'GET', '/api/v1/credit/villages')).json<{ items: { name: string; status: string; recheckDue: boolean }[] }>().items;
    expect(villages.find((v) => v.name === '青山村')).toMatchObject({ recheckDue: false });
    // The demo's villages: one rated, one removed with its reason.
    expect(villages.filter((v) => v.name !== '青山村').map((v) => [v.name, v.status])).toEqual([['白沙村', 'rated'], ['石门村', 'removed']]);
    expect((await call(h.app, sup, 'POST', `/api/v1/credit/villages/${v.id}/remove`, { reason: '无拖欠户比例不足85%' })).json()).toMatchObject({ status: 'removed', removalReason: '无拖欠户比例不足85%' });
    expect((await call(h.app, sup, 'POST', `/api/v1/credit/villages/${v.id}/remove`, { reason: 'x' })).statusCode).toBe(409);
    expect((await call(h.app, mgr, 'GET', '/api/v1/credit/villages')).statusCode).toBe(403);
    const db01 = units.find((u) => u.code === 'CQ02')!.id;
    expect((await call(h.app, sup, 'POST', '/api/v1/credit/villages/rate', { orgUnitId: db01, name: '解放村', households: 10, creditHouseholds: 11 })).statusCode).toBe(409);
  });

  it('foreclosed assets: listed in scope, disposal deadline alerted, disposed once', async () => {
    const list = (await call(h.app, mgr, 'GET', '/api/v1/foreclosed-assets')).json<{ items: { id: number; loanNo: string; disposedOn: string | null }[] }>().items;
    expect(list.map((a) => a.loanNo)).toEqual(['L2021007']);
    const d = (await call(h.app, mgr, 'GET', '/api/v1/credit/deadlines')).json<DeadlineList>();
    expect(d.items.find((i) => i.kind === 'disposal')).toMatchObject({ stage: 90, daysLeft: 60, loanNo: 'L2021007' });
    const a = await call(h.app, mgr, 'POST', `/api/v1/loans/${ids.L2023003}/foreclosed-assets`, { description: '存货一批', receivedOn: today, valuationFen: 1_000_000, custody: '仓库', disposalDeadline: addDays(today, 180) });
    expect(a.statusCode).toBe(201);
    const id = a.json<{ id: number }>().id;
    expect((await call(h.app, mgr, 'POST', `/api/v1/foreclosed-assets/${id}/dispose`, { disposedOn: today, proceedsFen: 900_000 })).json()).toMatchObject({ disposedOn: today, proceedsFen: 900_000 });
    expect((await call(h.app, mgr, 'POST', `/api/v1/foreclosed-assets/${id}/dispose`, { disposedOn: today, proceedsFen: 1 })).statusCode).toBe(409);
    const other = (await call(h.app, sup, 'GET', '/api/v1/foreclosed-assets')).json<{ items: { id: number; loanNo: string }[] }>().items.find((x) => x.loanNo === 'L2022004')!;
    expect((await call(h.app, mgr, 'POST', `/api/v1/foreclosed-assets/${other.id}/dispose`, { disposedOn: today, proceedsFen: 1 })).statusCode).toBe(404);
  });

  it('the NPL trend is read from the day-sums: balances paid down over the year, not today’s snapshot', async () => {
    const f = (await call(h.app, sup, 'GET', '/api/v1/credit/figures')).json<CreditFigures>();
    const loans = (await call(h.app, sup, 'GET', '/api/v1/loans')).json<{ items: LoanListItem[] }>().items;
    const last = f.nplTrend.at(-1)!;
    const jan = f.nplTrend[0]!;
    // From 1 October every demo loan carries today's balance, so the current month's average is today's total
    // (but L2026001, whose day-sums the balance-import test above replaced: 0 since 2 February).
    const others = loans.filter((l) => l.loanNo !== 'L2026001');
    expect(last.balanceFen).toBe(others.reduce((s, l) => s + l.balanceFen, 0));
    expect(last.nplFen).toBe(f.total.nplFen);
    // In January balances were higher and fewer loans were NPLs.
    expect(jan.balanceFen).toBeGreaterThan(last.balanceFen);
    expect(Number(jan.nplRatio)).toBeLessThan(Number(last.nplRatio));
  });

  it('demo: guarantee periods ending in 7 and 90 days, a high-risk ledger in scope', async () => {
    const d = (await call(h.app, mgr, 'GET', '/api/v1/credit/deadlines')).json<DeadlineList>();
    expect(d.items.find((i) => i.loanNo === 'L2023008' && i.kind === 'guarantee')).toMatchObject({ stage: 7, daysLeft: 7 });
    expect(d.items.find((i) => i.loanNo === 'L2021007' && i.kind === 'guarantee')).toMatchObject({ stage: 90, daysLeft: 90 });
    const risks = (await call(h.app, mgr, 'GET', '/api/v1/credit/risk-items')).json<{ items: { loanNo: string; kind: string; closedOn: string | null; actions: unknown[] }[] }>().items;
    expect(risks.map((r) => [r.loanNo, r.kind, r.actions.length, r.closedOn === null]).sort()).toEqual([['L2023011', 'concentration', 2, true], ['L2024012', 'violation', 0, true]]);
    const unit = (await call(h.app, sup, 'GET', '/api/v1/credit/risk-items?status=closed')).json<{ items: { loanNo: string }[] }>().items;
    expect(unit.map((r) => r.loanNo)).toEqual(['L2022004']);
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
