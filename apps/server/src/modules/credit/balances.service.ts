// Daily balances (日均余额) kept as day-sums (积数): CSV import, all rows or none, idempotent.
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { averageDailyBalance, buildDaySums, yuanToFen, type DaySum } from '@kehu/domain';
import type { Db } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { cellText } from '../../lib/excel-sheet.ts';
import { auditService } from '../audit/audit.service.ts';
import { customerReads } from '../customers/customer-reads.service.ts';
import { creditRepository as repo } from './credit.repository.ts';

export interface BalanceImportReport { ok: boolean; rows: number; accounts: number; daysWritten: number; errors: { row: number; column: string; message: { 'zh-CN': string; en: string } }[] }

const KIND: Record<string, 'loan' | 'deposit'> = { loan: 'loan', 贷款: 'loan', deposit: 'deposit', 存款: 'deposit' };
const HEAD: Record<string, string> = { 账户类型: 'kind', accountKind: 'kind', 账号: 'account', accountNo: 'account', 日期: 'date', date: 'date', 余额: 'balance', balance: 'balance', 客户号: 'customer', customerNo: 'customer' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_ERRORS = 100;

export const balancesService = {
  /**
   * Columns: 账户类型 (贷款/存款), 账号, 日期, 余额 (yuan), 客户号 (optional). The file is read as a
   * stream; every row is checked before anything is written; then, in one transaction, the day
   * balances are upserted (a re-import of the same file changes nothing) and each touched account's
   * day-sums are rebuilt from its first day, missing days carrying the previous balance.
   */
  async importCsv(db: Db, actor: Actor, csv: Readable): Promise<BalanceImportReport> {
    authorize(actor, 'loans.import');
    const errors: BalanceImportReport['errors'] = [];
    const err = (row: number, column: string, zh: string, en: string) => { if (errors.length < MAX_ERRORS) errors.push({ row, column, message: { 'zh-CN': zh, en } }); };
    const byAccount = new Map<string, { kind: 'loan' | 'deposit'; account: string; customerNo: string | null; days: Map<string, number> }>();
    let cols: string[] | null = null;
    let row = 0;
    let rows = 0;
    for await (const raw of createInterface({ input: csv, crlfDelay: Infinity })) {
      row += 1;
      const line = raw.replace(/^\uFEFF/, '').trim();
      if (!line) continue;
      const cells = line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
      if (!cols) {
        cols = cells.map((c) => HEAD[c] ?? c);
        for (const need of ['kind', 'account', 'date', 'balance']) if (!cols.includes(need)) err(row, need, `缺少列：${need}`, `Missing column: ${need}`);
        if (errors.length) break;
        continue;
      }
      rows += 1;
      const get = (k: string) => cells[cols!.indexOf(k)] ?? '';
      const kind = KIND[get('kind')];
      const account = get('account');
      const date = get('date');
      const bal = get('balance');
      if (!kind) err(row, '账户类型', '应为“贷款”或“存款”', 'Must be loan or deposit');
      if (!account) err(row, '账号', '不能为空', 'Required');
      if (!DATE.test(date) || Number.isNaN(Date.parse(date))) err(row, '日期', '日期格式应为YYYY-MM-DD', 'A date YYYY-MM-DD');
      let fen = 0;
      try {
        if (!/^-?\d+(\.\d{1,2})?$/.test(bal)) throw new Error('amount');
        fen = yuanToFen(bal);
      } catch {
        err(row, '余额', '金额格式不正确（元，最多两位小数）', 'Not an amount in yuan with at most two decimals');
      }
      if (!kind || !account || errors.length) continue;
      const key = `${kind}\u0000${account}`;
      const a = byAccount.get(key) ?? { kind, account, customerNo: get('customer') || null, days: new Map<string, number>() };
      if (a.days.has(date) && a.days.get(date) !== fen) err(row, '日期', '同一账户同一天出现两个不同余额', 'Two different balances for the same account and day');
      a.days.set(date, fen);
      byAccount.set(key, a);
    }
    if (errors.length) return { ok: false, rows, accounts: 0, daysWritten: 0, errors };
    const daysWritten = await db.transaction(async (tx) => {
      let written = 0;
      const customers = await customerReads.idsByNumber(tx, actor.tenantId, [...new Set([...byAccount.values()].map((a) => a.customerNo).filter((x): x is string => !!x))]);
      for (const a of byAccount.values()) {
        const existing = await repo.balanceRows(tx, actor.tenantId, a.kind, a.account);
        const merged = new Map(existing.map((e) => [e.day, e.balanceFen]));
        for (const [d, f] of a.days) merged.set(d, f);
        // Keep only the days that were given (existing rows were already filled); rebuild from the first.
        const series = [...merged.entries()].map(([date, balanceFen]) => ({ date, balanceFen }));
        const last = series.reduce((m, s) => (s.date > m ? s.date : m), '0000-00-00');
        const sums: DaySum[] = buildDaySums(series, last);
        written += await repo.upsertDaySums(tx, actor.tenantId, a.kind, a.account, a.customerNo ? customers.get(a.customerNo) ?? null : null, sums);
      }
      await auditService.record(tx, actor, { action: 'import', entity: 'balance_day_sums', entityId: 'csv', after: { rows, accounts: byAccount.size } });
      return written;
    });
    return { ok: true, rows, accounts: byAccount.size, daysWritten, errors: [] };
  },

  /**
   * The same import from an Excel workbook: the first sheet's rows become the lines the CSV path
   * checks (row numbers kept, empty rows as empty lines), so both formats obey one set of rules.
   */
  async importXlsx(db: Db, actor: Actor, file: Buffer): Promise<BalanceImportReport> {
    authorize(actor, 'loans.import');
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
    } catch {
      return { ok: false, rows: 0, accounts: 0, daysWritten: 0, errors: [{ row: 0, column: '', message: { 'zh-CN': '文件不是有效的 Excel (.xlsx) 文件', en: 'The file is not a valid Excel (.xlsx) workbook' } }] };
    }
    const sheet = wb.worksheets[0];
    const lines: string[] = [];
    for (let r = 1; r <= (sheet?.rowCount ?? 0); r++) {
      const row = sheet!.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).replaceAll(',', ''));
      lines.push(cells.join(','));
    }
    return this.importCsv(db, actor, Readable.from([lines.join('\n') + '\n']));
  },

  /** Average daily balance of a loan account over [from, to]: one subtraction of two day-sums. */
  async average(db: Db, actor: Actor, q: { loanNo: string; from: string; to: string }) {
    const scope = authorize(actor, 'loans.read');
    if (q.from > q.to) throw new AppError('conflict', { message: { 'zh-CN': '起始日期晚于结束日期', en: 'The period starts after it ends' } });
    const inScope = await repo.loanNoInScope(db, actor.tenantId, scope === 'own' ? { staffId: actor.staffId ?? -1 } : scope === 'subtree' ? { unitPath: actor.orgPath ?? '/none/' } : {}, q.loanNo);
    if (!inScope) throw notFound();
    const [end, before] = await Promise.all([repo.daySumOnOrBefore(db, actor.tenantId, 'loan', q.loanNo, q.to), repo.daySumOnOrBefore(db, actor.tenantId, 'loan', q.loanNo, prevDay(q.from))]);
    const series = [before, end].filter((x): x is DaySum => !!x);
    return { loanNo: q.loanNo, from: q.from, to: q.to, ...averageDailyBalance(series, q.from, q.to) };
  },
};

const prevDay = (d: string): string => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
