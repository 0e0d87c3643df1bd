// Loans from a file (CSV streamed, or Excel) or a form: every row checked first, then all inserted in one transaction or none.
import type { Readable } from 'node:stream';
import type { ImportRowError, LoanImportReport } from '@kehu/contracts';
import type { Db } from '@kehu/db';
import { AppError } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { auditService } from '../audit/audit.service.ts';
import { checkGuarantor, checkInstalment, extraRowError, type ExtraKind, type GuarantorDraft, type InstalmentDraft } from './loan-extra-rows.ts';
import { loanExtrasRepository as extrasRepo } from './loan-extras.repository.ts';
import { csvItems, workbookItems, type ImportKind, type SourceItem } from './loan-import-sources.ts';
import { checkLoanRecord, LOAN_COLUMNS, loanRowError, type LoanField } from './loan-rows.ts';
import { loanStageRepository as stage, type StageProblem } from './loan-stage.repository.ts';
import { loansImportRepository as repo } from './loans-import.repository.ts';
import { creditRepository } from './credit.repository.ts';

const MAX_ERRORS = 100;
const MAX_ROWS = 200_000;
const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A file to import: CSV (streamed) or a workbook; `kind` guarantors or instalments for a file of those alone. */
export interface LoanSource { fileName: string; csv?: Readable; xlsx?: Buffer; kind?: ImportKind }

type Checked<D> = { draft: D } | { errors: ImportRowError[] };

/** Checks the rows of one guarantor or instalment source; a repeated key (loan + ID number / loan + instalment no.) is an error. */
async function checkExtras<D extends { sheet: string; row: number; loanNo: string }>(items: AsyncIterable<SourceItem> | Iterable<SourceItem>, kind: ExtraKind, check: (sheet: string, row: number, rec: Record<string, string>) => Checked<D>,
  keyOf: (d: D) => [string, string], same: [string, string], errors: ImportRowError[]): Promise<{ drafts: D[]; rows: number }> {
  const drafts: D[] = [];
  const seen = new Map<string, number>();
  let rows = 0;
  for await (const item of items) {
    if ('error' in item) { errors.push(item.error); continue; }
    rows += 1;
    if (errors.length >= MAX_ERRORS) break;
    const r = check(item.sheet, item.row, item.rec);
    if ('errors' in r) { errors.push(...r.errors); continue; }
    const [key, field] = keyOf(r.draft);
    const dup = seen.get(key);
    if (dup) { errors.push(extraRowError(kind, r.draft.sheet, r.draft.row, field, t(`与第 ${dup} 行重复（${same[0]}相同）`, `Same ${same[1]} as row ${dup}`))); continue; }
    seen.set(key, item.row);
    drafts.push(r.draft);
  }
  return { drafts, rows };
}

export const loansImportService = {
  /**
   * Reads every row (CSV as a stream), checks each (columns, enums, yuan → fen exactly, dates), then
   * resolves borrowers (customer number or ID number) and staff in the actor's units. A workbook may
   * carry guarantors (sheet 保证人) and the instalment schedule (sheet 还款计划) keyed by loan number;
   * a CSV carries one kind (`kind`). A guarantor or instalment must name a loan in the file or on file.
   * Any bad row in any sheet → nothing written and every bad row named (sheet, row, column, reason in
   * zh and en). Loan rows are COPYed into a staging table as they are read (memory stays flat), then
   * checked for repeats, borrowers and staff and inserted by one INSERT … SELECT, in the same
   * transaction as everything else; a loan number, a loan + guarantor ID number
   * and a loan + instalment number already on file are skipped, so the same file twice adds nothing.
   */
  async importFile(db: Db, actor: Actor, src: LoanSource): Promise<LoanImportReport> {
    const scope = authorize(actor, 'loans.import');
    const unitPath = scope === 'tenant' ? '/' : actor.orgPath ?? '/none/';
    const kind = src.kind ?? 'loans';
    const errors: ImportRowError[] = [];
    let rows = 0;
    let loanSheet = src.fileName;
    const none: Record<ImportKind, Iterable<SourceItem>> = { loans: [], guarantors: [], instalments: [] };
    const sources: Record<ImportKind, AsyncIterable<SourceItem> | Iterable<SourceItem>> = src.csv ? { ...none, [kind]: csvItems(src.csv, src.fileName, kind) } : await workbookItems(src.xlsx ?? Buffer.alloc(0), kind);
    const failed = (): LoanImportReport => ({ ok: false, fileName: src.fileName, rows, imported: 0, skipped: 0, errors: errors.slice(0, MAX_ERRORS) });
    const report = await db.transaction(async (tx): Promise<LoanImportReport> => {
      // Checked rows go to the staging table as they are read: memory stays flat whatever the file's size.
      const copy = await stage.open(tx);
      try {
        for await (const item of sources.loans) {
          if ('error' in item) { errors.push(item.error); continue; }
          rows += 1;
          loanSheet = item.sheet;
          if (rows > MAX_ROWS) { errors.push({ sheet: item.sheet, row: item.row, column: '', message: t(`一次最多导入 ${MAX_ROWS} 行`, `At most ${MAX_ROWS} rows per file`) }); break; }
          const r = checkLoanRecord(item.row, item.rec);
          if ('errors' in r) { errors.push(...r.errors.map((e) => ({ sheet: item.sheet, ...e }))); if (errors.length >= MAX_ERRORS) break; continue; }
          copy.write(stage.line(r.draft));
          await copy.drained();
        }
      } catch (e) {
        await copy.abort(e);
        throw e;
      }
      await copy.end();
      await stage.index(tx);
      for (const d of await stage.duplicates(tx, MAX_ERRORS)) errors.push({ sheet: loanSheet, ...loanRowError(d.row, 'loanNo', t(`借据号与第 ${d.first} 行重复`, `Same loan number as row ${d.first}`)) });
      errors.sort((a, b) => a.row - b.row);
      const g = await checkExtras<GuarantorDraft>(sources.guarantors, 'guarantors', checkGuarantor, (d) => [`${d.loanNo}\u0000${d.idNo}`, 'idNo'], ['借据号与证件号码', 'loan number and ID number'], errors);
      const ins = await checkExtras<InstalmentDraft>(sources.instalments, 'instalments', checkInstalment, (d) => [`${d.loanNo}\u0000${d.seq}`, 'seq'], ['借据号与期次', 'loan number and instalment number'], errors);
      if (!errors.length && rows + g.rows + ins.rows === 0) errors.push({ sheet: src.fileName, row: 2, column: '', message: t('文件中没有数据行', 'The file has no data rows') });
      if (errors.length) return failed();
      // Borrowers (customer number, else ID number) and staff must be in the actor's units.
      for (const p of await stage.resolve(tx, actor.tenantId, unitPath, MAX_ERRORS)) errors.push({ sheet: loanSheet, ...problemError(p) });
      if (errors.length) return failed();
      // Guarantors and instalments name a loan of this file or one on file in the actor's units.
      const extras = [...g.drafts.map((d) => ['guarantors', d] as const), ...ins.drafts.map((d) => ['instalments', d] as const)];
      const named = [...new Set(extras.map(([, d]) => d.loanNo))];
      const inFile = await stage.loanNosInFile(tx, named);
      const onFile = await extrasRepo.loanNosOnFile(tx, actor.tenantId, named.filter((no) => !inFile.has(no)), unitPath);
      for (const [k, d] of extras) {
        if (!inFile.has(d.loanNo) && !onFile.has(d.loanNo)) errors.push(extraRowError(k, d.sheet, d.row, 'loanNo', t(`借据号“${d.loanNo}”既不在本文件中，也不在本机构的台账中`, `Loan "${d.loanNo}" is neither in this file nor on file in your units`)));
      }
      if (errors.length) return failed();
      const imported = await stage.insert(tx, actor.tenantId);
      const guarantors = { rows: g.rows, imported: await extrasRepo.insertGuarantors(tx, actor.tenantId, g.drafts) };
      const instalments = { rows: ins.rows, imported: await extrasRepo.insertInstalments(tx, actor.tenantId, ins.drafts) };
      await auditService.record(tx, actor, { action: 'import', entity: 'loans', entityId: src.fileName, after: { fileName: src.fileName, kind, rows, imported, skipped: rows - imported, guarantors, instalments } });
      return { ok: true, fileName: src.fileName, rows, imported, skipped: rows - imported, errors: [], guarantors, instalments };
    });
    // A bulk load changes the ledger's size by orders of magnitude; the embedded database has no
    // autovacuum, so refresh the statistics now (~0.5 s over 50,000 loans) for every later read.
    if (report.ok && report.imported > 0) await creditRepository.refreshStatistics(db);
    return report;
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

/** A failed borrower or staff check of a staged row, as the report names it. */
function problemError(p: StageProblem): ImportRowError {
  const who = p.customer_no || p.id_no;
  if (p.problem === 'borrower') return loanRowError(p.row, p.customer_no ? 'customerNo' : 'idNo', t(`借款人“${who}”不存在或不在本机构`, `No borrower "${who}" in your units`));
  if (p.problem === 'id_mismatch') return loanRowError(p.row, 'idNo', t('证件号码与客户号不符', 'The ID number does not match the customer number'));
  const [field, id] = p.problem === 'manager' ? ['managerStaffId', p.manager_staff_id] as const : ['recommenderStaffId', p.recommender_staff_id] as const;
  return loanRowError(p.row, field, t(`员工编号 ${id} 不存在或不在本机构`, `No staff member ${id} in your units`));
}

const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
