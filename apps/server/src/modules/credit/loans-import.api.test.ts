import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testDatabaseKinds } from '@kehu/db/testing';
import type { LoanImportReport } from '@kehu/contracts';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';

const HEAD = '借据号,客户号,证件号码,贷款品种,金额（元）,余额,年利率,发放日,到期日,担保方式,抵押物,五级分类,管户经理编号,推荐人编号,村';
const csv = { 'content-type': 'text/csv' };

describe.each(testDatabaseKinds())('loan import on %s', (kind) => {
  let h: Harness;
  let sup: Session; let mgr: Session;
  let lina = 0; let idNo = '';
  const count = async () => (await h.database.query<{ n: number }>('select count(*)::int as n from loans'))[0]!.n;
  beforeAll(async () => {
    h = await createHarness(kind);
    [sup, mgr] = await Promise.all([signIn(h.app, 'bank.supervisor'), signIn(h.app, 'bank.manager')]);
    lina = (await h.database.query<{ id: number }>(`select id from staff where name = '李娜'`))[0]!.id;
    idNo = (await h.database.query<{ id_no: string }>(`select id_no from customers where customer_no = 'C0005'`))[0]!.id_no;
  });
  afterAll(() => h?.close());

  it('names every bad row by row, column and reason in zh and en, and writes nothing', async () => {
    const before = await count();
    const body = [HEAD,
      `IMP-001,C0001,,小额信用贷款,1000.00,,0.0585,2026-01-10,2027-01-10,信用,,正常,${lina},,青山村`,
      `IMP-002,C0001,,飞机贷,12.345,,abc,2026-02-30,2026-01-01,信用,,很好,${lina},,`,
      `IMP-003,NOPE,,联保,500,,5.85%,2026-01-10,2027-01-10,保证,,,${lina},,`,
      `IMP-001,C0002,,联保,500,,5.85%,2026-01-10,2027-01-10,保证,,,99999,,`].join('\n');
    const r = await call(h.app, sup, 'POST', '/api/v1/credit/loans/import?fileName=bad.csv', body, csv);
    expect(r.statusCode).toBe(422);
    const rep = r.json<LoanImportReport>();
    expect(rep.ok).toBe(false);
    const at = (row: number) => rep.errors.filter((e) => e.row === row).map((e) => e.column).sort();
    expect(at(3)).toEqual(['五级分类', '发放日', '年利率', '贷款品种', '金额'].sort());
    expect(rep.errors.find((e) => e.row === 3 && e.column === '金额')?.message['zh-CN']).toContain('12.345');
    expect(rep.errors.find((e) => e.row === 5)?.message.en).toContain('row 2');
    expect(await count()).toBe(before);
    // Rows that pass the format checks still fail on an unknown borrower or staff member, and nothing is written.
    const refs = [HEAD, `IMP-004,NOPE,,联保,500,,5.85%,2026-01-10,2027-01-10,保证,,,${lina},,`, `IMP-005,C0001,,联保,500,,5.85%,2026-01-10,2027-01-10,保证,,,99999,,`].join('\n');
    const r2 = (await call(h.app, sup, 'POST', '/api/v1/credit/loans/import', refs, csv)).json<LoanImportReport>();
    expect(r2.errors.map((e) => [e.row, e.column])).toEqual([[2, '客户号'], [3, '管户经理编号'], [3, '推荐人编号']]);
    expect(r2.errors[0]!.message['zh-CN']).toContain('NOPE');
    expect(await count()).toBe(before);
  });

  it('loads a good file exactly (yuan → fen), and the same file twice adds nothing', async () => {
    const before = await count();
    const body = [HEAD,
      `IMP-101,C0001,,小额信用贷款,"1,234,567.89",1000000.01,0.0585,2026-01-10,2027-01-10,信用,,正常,${lina},,青山村`,
      `IMP-102,,${idNo},mortgage,80000,,5.85%,2025-06-01,2028-06-01,抵押,"住房一套，建设路18号",次级,${lina},${lina},`].join('\n');
    const r = await call(h.app, sup, 'POST', '/api/v1/credit/loans/import?fileName=good.csv', body, csv);
    expect(r.statusCode).toBe(200);
    expect(r.json<LoanImportReport>()).toMatchObject({ ok: true, rows: 2, imported: 2, skipped: 0 });
    const [a, b] = await h.database.query<{ amount_fen: string; balance_fen: string; annual_rate: string; loan_class: string; collateral: string; product: string }>(
      `select amount_fen::text, balance_fen::text, annual_rate::text, loan_class, collateral, product from loans where loan_no in ('IMP-101', 'IMP-102') order by loan_no`);
    expect(a).toMatchObject({ amount_fen: '123456789', balance_fen: '100000001', annual_rate: '0.058500', loan_class: 'normal', product: 'micro' });
    expect(b).toMatchObject({ amount_fen: '8000000', balance_fen: '8000000', loan_class: 'substandard', collateral: '住房一套，建设路18号', product: 'mortgage' });
    const again = (await call(h.app, sup, 'POST', '/api/v1/credit/loans/import?fileName=good.csv', body, csv)).json<LoanImportReport>();
    expect(again).toMatchObject({ ok: true, imported: 0, skipped: 2 });
    expect(await count()).toBe(before + 2);
    const audit = await h.database.query<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'loans' and action = 'import'`);
    expect(audit[0]!.n).toBe(2);
  });

  it('a large CSV goes through the staging table in several COPY chunks: a repeat at the end names the first row; then it loads whole', async () => {
    const before = await count();
    const line = (i: number) => `BIG-${String(i).padStart(6, '0')},C0001,,联保贷款,${1000 + i}.5,,0.0585,2026-01-10,2027-01-10,保证,"抵押物说明，${'很长'.repeat(40)}",正常,${lina},,青山村`;
    const rows = Array.from({ length: 30_000 }, (_, i) => line(i + 1));
    const dup = (await call(h.app, sup, 'POST', '/api/v1/credit/loans/import?fileName=big.csv', [HEAD, ...rows, line(2)].join('\n'), csv)).json<LoanImportReport>();
    expect(dup.errors.map((e) => [e.row, e.column])).toEqual([[30_002, '借据号']]);
    expect(dup.errors[0]!.message.en).toContain('row 3');
    expect(await count()).toBe(before);
    const ok = (await call(h.app, sup, 'POST', '/api/v1/credit/loans/import?fileName=big.csv', [HEAD, ...rows].join('\n'), csv)).json<LoanImportReport>();
    expect(ok).toMatchObject({ ok: true, rows: 30_000, imported: 30_000 });
    const [mid] = await h.database.query<{ amount_fen: string }>(`select amount_fen::text from loans where loan_no = 'BIG-015000'`);
    expect(mid!.amount_fen).toBe('1600050');
    expect(await count()).toBe(before + 30_000);
  }, 120_000);

  it('reads an Excel workbook through the shared sheet reader', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('贷款');
    ws.addRow(HEAD.replace('（元）', '').split(','));
    ws.addRow(['IMP-201', 'C0002', '', '联保贷款', 50000, '', '0.065', new Date(Date.UTC(2026, 0, 5)), '2027-01-05', '保证', '', '关注', lina, '', '']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await call(h.app, sup, 'POST', '/api/v1/credit/loans/import?fileName=l.xlsx', buf, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(r.json<LoanImportReport>()).toMatchObject({ ok: true, imported: 1 });
    const [row] = await h.database.query<{ start_date: string; loan_class: string }>(`select start_date::text, loan_class from loans where loan_no = 'IMP-201'`);
    expect(row).toEqual({ start_date: '2026-01-05', loan_class: 'special_mention' });
  });

  it('imports daily balances from Excel too', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('余额');
    ws.addRow(['账户类型', '账号', '日期', '余额']);
    ws.addRow(['贷款', 'IMP-201', '2026-01-05', 50000]);
    ws.addRow(['贷款', 'IMP-201', '2026-01-07', '49000.5']);
    const r = await call(h.app, sup, 'POST', '/api/v1/credit/balances/import', Buffer.from(await wb.xlsx.writeBuffer()), { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, rows: 2, daysWritten: 3 });
    const [s] = await h.database.query<{ day_sum_fen: string }>(`select day_sum_fen::text from balance_day_sums where account_no = 'IMP-201' and day = '2026-01-07'`);
    expect(s!.day_sum_fen).toBe(String(5_000_000 * 2 + 4_900_050));
  });

  it('a loan typed in a form: the same checks; a loan number on file is a conflict; managers may not import', async () => {
    const ok = await call(h.app, sup, 'POST', '/api/v1/loans', { loanNo: 'IMP-301', customerNo: 'C0001', product: 'micro', amount: '20000', annualRate: '0.06', startDate: '2026-03-01', maturityDate: '2027-03-01', guaranteeType: 'credit', managerStaffId: String(lina) });
    expect(ok.statusCode).toBe(201);
    const detail = await call(h.app, sup, 'GET', `/api/v1/loans/${ok.json<{ id: number }>().id}`);
    expect(detail.json()).toMatchObject({ loanNo: 'IMP-301', amountFen: 2_000_000, managerName: '李娜' });
    const dup = await call(h.app, sup, 'POST', '/api/v1/loans', { loanNo: 'IMP-301', customerNo: 'C0001', product: 'micro', amount: '20000', annualRate: '0.06', startDate: '2026-03-01', maturityDate: '2027-03-01', guaranteeType: 'credit', managerStaffId: String(lina) });
    expect(dup.statusCode).toBe(409);
    const bad = await call(h.app, sup, 'POST', '/api/v1/loans', { loanNo: 'IMP-302', customerNo: 'C0001', product: 'micro', amount: '-5', annualRate: '0.06', startDate: '2026-03-01', maturityDate: '2027-03-01', guaranteeType: 'credit', managerStaffId: String(lina) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ fields: { path: string }[] }>().fields.map((f) => f.path)).toEqual(['amount']);
    expect((await call(h.app, mgr, 'POST', '/api/v1/credit/loans/import', `${HEAD}\n`, csv)).statusCode).toBe(403);
  });
});
