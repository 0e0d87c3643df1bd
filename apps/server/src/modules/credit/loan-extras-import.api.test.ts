import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testDatabaseKinds } from '@kehu/db/testing';
import type { LoanImportReport } from '@kehu/contracts';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';

const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const LOAN_HEAD = ['借据号', '客户号', '证件号码', '贷款品种', '金额', '余额', '年利率', '发放日', '到期日', '担保方式', '抵押物', '五级分类', '管户经理编号', '推荐人编号', '村'];
const G_HEAD = ['借据号', '保证人', '证件号码', '保证方式', '约定保证期间至', '关联方'];
const I_HEAD = ['借据号', '期次', '应还日', '应还本金', '应还利息'];

async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(testDatabaseKinds())('loan import with guarantors and instalments on %s', (kind) => {
  let h: Harness;
  let sup: Session;
  let lina = 0; let guarantorIdNo = ''; let guarantorCustomer = 0;
  const n = async (table: string) => (await h.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
  const counts = async () => ({ loans: await n('loans'), guarantors: await n('loan_guarantors'), instalments: await n('loan_instalments') });
  const loan = (no: string) => [no, 'C0001', '', '联保贷款', '120000', '', '0.065', '2026-01-05', '2027-01-05', '保证', '', '正常', lina, '', ''];
  beforeAll(async () => {
    h = await createHarness(kind);
    sup = await signIn(h.app, 'bank.supervisor');
    lina = (await h.database.query<{ id: number }>(`select id from staff where name = '李娜'`))[0]!.id;
    const [c] = await h.database.query<{ id: number; id_no: string }>(`select id, id_no from customers where customer_no = 'C0005'`);
    guarantorIdNo = c!.id_no; guarantorCustomer = c!.id;
  });
  afterAll(() => h?.close());

  const good = () => workbook({
    贷款: [LOAN_HEAD, loan('EXT-001'), loan('EXT-002')],
    保证人: [G_HEAD, ['EXT-001', '王保证', guarantorIdNo, '连带', '2030-01-05', '否'], ['EXT-001', '赵担保', '110101199001011234', '一般', '约定不明', '是'], ['EXT-002', '王保证', guarantorIdNo, 'joint', '', '']],
    还款计划: [I_HEAD, ['EXT-001', 1, '2026-07-05', '60000', '1950.5'], ['EXT-001', 2, new Date(Date.UTC(2027, 0, 5)), 60000, ''], ['EXT-002', 1, '2027-01-05', '120000', '7800']],
  });

  it('a bad row in the guarantors sheet stops the whole workbook, named by sheet, row, column and reason', async () => {
    const before = await counts();
    const buf = await workbook({
      贷款: [LOAN_HEAD, loan('EXT-001'), loan('EXT-002')],
      保证人: [G_HEAD, ['EXT-001', '王保证', guarantorIdNo, '连带', '', ''], ['EXT-001', '', 'x', '很强', '2030-02-30', '也许'], ['EXT-001', '王保证', guarantorIdNo.toLowerCase(), '一般', '', '']],
      还款计划: [I_HEAD, ['EXT-001', 1, '2026-07-05', '60000', ''], ['EXT-009', 1, '2026-07-05', '1', '']],
    });
    const r = await call(h.app, sup, 'POST', '/api/v1/credit/loans/import?fileName=bad.xlsx', buf, XLSX);
    expect(r.statusCode).toBe(422);
    const rep = r.json<LoanImportReport>();
    expect(rep.ok).toBe(false);
    expect(rep.errors.filter((e) => e.row === 3).map((e) => [e.sheet, e.column])).toEqual([['保证人', '保证人'], ['保证人', '证件号码'], ['保证人', '保证方式'], ['保证人', '约定保证期间至'], ['保证人', '关联方']]);
    const dup = rep.errors.find((e) => e.row === 4)!;
    expect(dup).toMatchObject({ sheet: '保证人', column: '证件号码' });
    expect(dup.message['zh-CN']).toContain('第 2 行');
    expect(dup.message.en).toContain('row 2');
    expect(rep.errors.find((e) => e.message['zh-CN'].includes('很强'))?.message.en).toContain('Unknown guarantee kind');
    expect(await counts()).toEqual(before);
  });

  it('a guarantor or instalment of a loan neither in the file nor on file is an error, and nothing is written', async () => {
    const before = await counts();
    const buf = await workbook({ 贷款: [LOAN_HEAD, loan('EXT-001')], 还款计划: [I_HEAD, ['EXT-001', 1, '2026-07-05', '60000', ''], ['EXT-404', 1, '2026-07-05', '1', '']] });
    const rep = (await call(h.app, sup, 'POST', '/api/v1/credit/loans/import?fileName=orphan.xlsx', buf, XLSX)).json<LoanImportReport>();
    expect(rep.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([['还款计划', 3, '借据号']]);
    expect(rep.errors[0]!.message['zh-CN']).toContain('EXT-404');
    expect(rep.errors[0]!.message.en).toContain('neither in this file nor on file');
    expect(await counts()).toEqual(before);
  });

  it('loads a workbook with all three sheets exactly, and the same workbook twice adds nothing', async () => {
    const before = await counts();
    const buf = await good();
    const r = await call(h.app, sup, 'POST', '/api/v1/credit/loans/import?fileName=full.xlsx', buf, XLSX);
    expect(r.statusCode).toBe(200);
    expect(r.json<LoanImportReport>()).toMatchObject({ ok: true, rows: 2, imported: 2, guarantors: { rows: 3, imported: 3 }, instalments: { rows: 3, imported: 3 } });
    const gs = await h.database.query<{ loan_no: string; name: string; id_no: string; customer_id: number | null; guarantee_kind: string; agreed_end: string | null; agreed_unclear: boolean; related: boolean }>(
      `select l.loan_no, g.name, g.id_no, g.customer_id, g.guarantee_kind, g.agreed_end::text, g.agreed_unclear, g.related from loan_guarantors g join loans l on l.id = g.loan_id
       where l.loan_no like 'EXT-%' order by l.loan_no, g.name`);
    expect(gs).toEqual([
      { loan_no: 'EXT-001', name: '王保证', id_no: guarantorIdNo, customer_id: guarantorCustomer, guarantee_kind: 'joint', agreed_end: '2030-01-05', agreed_unclear: false, related: false },
      { loan_no: 'EXT-001', name: '赵担保', id_no: '110101199001011234', customer_id: null, guarantee_kind: 'general', agreed_end: null, agreed_unclear: true, related: true },
      { loan_no: 'EXT-002', name: '王保证', id_no: guarantorIdNo, customer_id: guarantorCustomer, guarantee_kind: 'joint', agreed_end: null, agreed_unclear: false, related: false },
    ]);
    const is = await h.database.query<{ loan_no: string; seq: number; due_date: string; principal_fen: string; interest_fen: string }>(
      `select l.loan_no, i.seq, i.due_date::text, i.principal_fen::text, i.interest_fen::text from loan_instalments i join loans l on l.id = i.loan_id where l.loan_no like 'EXT-%' order by l.loan_no, i.seq`);
    expect(is).toEqual([
      { loan_no: 'EXT-001', seq: 1, due_date: '2026-07-05', principal_fen: '6000000', interest_fen: '195050' },
      { loan_no: 'EXT-001', seq: 2, due_date: '2027-01-05', principal_fen: '6000000', interest_fen: '0' },
      { loan_no: 'EXT-002', seq: 1, due_date: '2027-01-05', principal_fen: '12000000', interest_fen: '780000' },
    ]);
    const again = (await call(h.app, sup, 'POST', '/api/v1/credit/loans/import?fileName=full.xlsx', buf, XLSX)).json<LoanImportReport>();
    expect(again).toMatchObject({ ok: true, imported: 0, skipped: 2, guarantors: { rows: 3, imported: 0 }, instalments: { rows: 3, imported: 0 } });
    expect(await counts()).toEqual({ loans: before.loans + 2, guarantors: before.guarantors + 3, instalments: before.instalments + 3 });
  });

  it('a CSV of guarantors or instalments alone (kind) adds to loans on file; twice adds nothing; an unknown loan names the file', async () => {
    const before = await counts();
    const body = ['借据号,保证人,证件号码,保证方式', `EXT-002,钱保证,220101198001011111,连带`].join('\n');
    const url = '/api/v1/credit/loans/import?kind=guarantors&fileName=g.csv';
    expect((await call(h.app, sup, 'POST', url, body, { 'content-type': 'text/csv' })).json<LoanImportReport>()).toMatchObject({ ok: true, rows: 0, guarantors: { rows: 1, imported: 1 } });
    expect((await call(h.app, sup, 'POST', url, body, { 'content-type': 'text/csv' })).json<LoanImportReport>()).toMatchObject({ ok: true, guarantors: { rows: 1, imported: 0 } });
    const inst = ['借据号,期次,应还日,应还本金', 'EXT-002,2,2027-06-05,0', 'NOPE-1,1,2027-06-05,10'].join('\n');
    const bad = await call(h.app, sup, 'POST', '/api/v1/credit/loans/import?kind=instalments&fileName=i.csv', inst, { 'content-type': 'text/csv' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<LoanImportReport>().errors.map((e) => [e.sheet, e.row, e.column])).toEqual([['i.csv', 3, '借据号']]);
    expect(await counts()).toEqual({ ...before, guarantors: before.guarantors + 1 });
  });
});
