// Loans from a file (CSV streamed, or Excel) or a form: every row checked first, then all inserted in one transaction or none.
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { ImportRowError, LoanImportReport } from '@kehu/contracts';
import type { Db } from '@kehu/db';
import { AppError } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { cellText, openImportSheet } from '../../lib/excel-sheet.ts';
import { auditService } from '../audit/audit.service.ts';
import { customerReads } from '../customers/customer-reads.service.ts';
import { checkLoanRecord, LOAN_COLUMNS, loanHeader, loanRowError, type LoanDraft, type LoanField, type LoanRecord } from './loan-rows.ts';
import { loansImportRepository as repo } from './loans-import.repository.ts';

const MAX_ERRORS = 100;
const MAX_ROWS = 200_000;
const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

type Item = { row: number; rec: LoanRecord } | { error: ImportRowError };

/** Records of a CSV stream, parsed as they arrive (header = row 1). */
async function* csvItems(input: Readable): AsyncGenerator<Item> {
  const parser = input.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }));
  let cols: (LoanField | null)[] | null = null;
  let row = 0;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      row += 1;
      if (!cols) {
        cols = fields.map(loanHeader);
        const bad = cols.findIndex((c) => c === null);
        if (bad >= 0) { yield { error: { row: 1, column: fields[bad]!, message: t(`未知列“${fields[bad]!}”`, `Unknown column "${fields[bad]!}"`) } }; return; }
        for (const c of LOAN_COLUMNS) if (!('importIgnored' in c) && !cols.includes(c.field)) yield { error: { row: 1, column: c.zh, message: t(`缺少列“${c.zh}”`, `Missing column "${c.en}"`) } };
        continue;
      }
      const rec: LoanRecord = {};
      cols.forEach((c, i) => { if (c) rec[c] = fields[i] ?? ''; });
      yield { row, rec };
    }
  } catch (e) {
    parser.destroy();
    yield { error: { row: row + 1, column: '', message: t(`CSV 格式错误：${(e as Error).message}`, `Malformed CSV: ${(e as Error).message}`) } };
  }
}

/** Rows of the first sheet of a workbook, by the shared reader. */
async function* xlsxItems(file: Buffer): AsyncGenerator<Item> {
  const { sheet, colOf, errors } = await openImportSheet(file, LOAN_COLUMNS);
  for (const error of errors) yield { error };
  if (!sheet) return;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    const rec: LoanRecord = {};
    for (const [col, c] of colOf) rec[c.field] = cellText(row.getCell(col).value);
    yield { row: r, rec };
  }
}

export interface LoanSource { fileName: string; csv?: Readable; xlsx?: Buffer }

export const loansImportService = {
  /**
   * Reads every row (CSV as a stream), checks each (columns, enums, yuan → fen exactly, dates), then
   * resolves borrowers (customer number or ID number) and staff in the actor's units. Any bad row →
   * nothing written and every bad row named (row, column, reason in zh and en). Otherwise the loans
   * go in in one statement per 5,000; a loan number already on file is skipped, so the same file
   * twice adds nothing.
   */
  async importFile(db: Db, actor: Actor, src: LoanSource): Promise<LoanImportReport> {
    const scope = authorize(actor, 'loans.import');
    const unitPath = scope === 'tenant' ? '/' : actor.orgPath ?? '/none/';
    const errors: ImportRowError[] = [];
    const drafts: LoanDraft[] = [];
    const seen = new Map<string, number>();
    let rows = 0;
    const items = src.csv ? csvItems(src.csv) : xlsxItems(src.xlsx ?? Buffer.alloc(0));
    for await (const item of items) {
      if ('error' in item) { errors.push(item.error); continue; }
      rows += 1;
      if (rows > MAX_ROWS) { errors.push({ row: item.row, column: '', message: t(`一次最多导入 ${MAX_ROWS} 行`, `At most ${MAX_ROWS} rows per file`) }); break; }
      const r = checkLoanRecord(item.row, item.rec);
      if ('errors' in r) { errors.push(...r.errors); if (errors.length >= MAX_ERRORS) break; continue; }
      const dup = seen.get(r.draft.loanNo);
      if (dup) { errors.push(loanRowError(item.row, 'loanNo', t(`借据号与第 ${dup} 行重复`, `Same loan number as row ${dup}`))); continue; }
      seen.set(r.draft.loanNo, item.row);
      drafts.push(r.draft);
    }
    if (!errors.length && rows === 0) errors.push({ row: 2, column: '', message: t('文件中没有数据行', 'The file has no data rows') });
    if (errors.length) return { ok: false, fileName: src.fileName, rows, imported: 0, skipped: 0, errors: errors.slice(0, MAX_ERRORS) };
    return db.transaction(async (tx) => {
      const borrowers = await customerReads.byNumberOrIdNo(tx, actor.tenantId, [...new Set(drafts.map((d) => d.customerNo).filter(Boolean))], [...new Set(drafts.map((d) => d.idNo).filter(Boolean))], unitPath);
      const byNo = new Map(borrowers.map((c) => [c.customerNo, c]));
      const byIdNo = new Map(borrowers.map((c) => [c.idNo.toUpperCase(), c]));
      const staff = await repo.staffInPath(tx, actor.tenantId, [...new Set(drafts.flatMap((d) => [d.managerStaffId, d.recommenderStaffId]))], unitPath);
      const resolved = drafts.map((d) => {
        const c = d.customerNo ? byNo.get(d.customerNo) : byIdNo.get(d.idNo);
        if (!c) errors.push(loanRowError(d.row, d.customerNo ? 'customerNo' : 'idNo', t(`借款人“${d.customerNo || d.idNo}”不存在或不在本机构`, `No borrower "${d.customerNo || d.idNo}" in your units`)));
        else if (d.customerNo && d.idNo && c.idNo.toUpperCase() !== d.idNo) errors.push(loanRowError(d.row, 'idNo', t('证件号码与客户号不符', 'The ID number does not match the customer number')));
        const m = staff.get(d.managerStaffId);
        if (!m) errors.push(loanRowError(d.row, 'managerStaffId', t(`员工编号 ${d.managerStaffId} 不存在或不在本机构`, `No staff member ${d.managerStaffId} in your units`)));
        if (!staff.has(d.recommenderStaffId)) errors.push(loanRowError(d.row, 'recommenderStaffId', t(`员工编号 ${d.recommenderStaffId} 不存在或不在本机构`, `No staff member ${d.recommenderStaffId} in your units`)));
        return { ...d, customerId: c?.id ?? 0, orgUnitId: m?.orgUnitId ?? 0 };
      });
      if (errors.length) return { ok: false, fileName: src.fileName, rows, imported: 0, skipped: 0, errors: errors.sort((a, b) => a.row - b.row).slice(0, MAX_ERRORS) };
      const imported = await repo.insertLoans(tx, actor.tenantId, resolved);
      await auditService.record(tx, actor, { action: 'import', entity: 'loans', entityId: src.fileName, after: { fileName: src.fileName, rows, imported, skipped: rows - imported } });
      return { ok: true, fileName: src.fileName, rows, imported, skipped: rows - imported, errors: [] };
    });
  },

  /** One loan entered in a form: the same checks as a file row; a loan number already on file is a conflict. */
  async create(db: Db, actor: Actor, input: Partial<Record<LoanField, string>>): Promise<{ id: number }> {
    const text = [LOAN_COLUMNS.map((c) => c.field).join(','), LOAN_COLUMNS.map((c) => csvCell(input[c.field] ?? '')).join(',')].join('\n');
    const { Readable } = await import('node:stream');
    const r = await this.importFile(db, actor, { fileName: 'form', csv: Readable.from([text]) });
    if (!r.ok) {
      throw new AppError('validation_failed', { fields: r.errors.map((e) => ({ path: LOAN_COLUMNS.find((c) => c.zh === e.column)?.field ?? '', code: 'invalid', message: e.message })) });
    }
    if (r.imported === 0) throw new AppError('conflict', { message: t(`借据号“${input.loanNo ?? ''}”已存在`, `Loan number "${input.loanNo ?? ''}" already exists`) });
    const id = await repo.loanIdByNo(db, actor.tenantId, (input.loanNo ?? '').trim());
    return { id: id ?? 0 };
  },
};

const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
