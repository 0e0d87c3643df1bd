import type { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse as parseSync } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fenOfYuan, isCalendarDate, payPeriodBounds, nextPayPeriod } from '@kehu/domain';
import { PAY_FACT_KINDS, type ImportRowError, type LocalizedText, type PayFactKind } from '@kehu/contracts';
import { csvField } from '../../lib/bulk-copy.ts';

/**
 * Reading fact files: CSV (streamed, any size) or Excel (first sheet). Headers may be English
 * keys or Chinese names; kinds and deduction types likewise. Each row is checked and turned into
 * one COPY line; the first bad row stops the load (the caller rolls back) and the report names
 * row, column and reason.
 */
export const FACT_COLUMNS = ['staffId', 'kind', 'date', 'quantity', 'amount', 'faceValue', 'spent', 'gifted', 'subKind', 'customerId', 'ref', 'note'] as const;
export type FactColumn = (typeof FACT_COLUMNS)[number];
export const FACT_HEADERS_ZH: Record<FactColumn, string> = {
  staffId: '员工编号', kind: '类型', date: '日期', quantity: '数量', amount: '金额', faceValue: '卡面额', spent: '消费额', gifted: '赠饮', subKind: '子类', customerId: '客户编号', ref: '来源单号', note: '备注',
};
const HEADER_ALIASES = new Map<string, FactColumn>([
  ...FACT_COLUMNS.map((c) => [c.toLowerCase(), c] as [string, FactColumn]),
  ...Object.entries(FACT_HEADERS_ZH).map(([k, v]) => [v, k as FactColumn] as [string, FactColumn]),
]);
export const KIND_ALIASES: Record<string, PayFactKind> = {
  订房: 'booking', 办卡: 'card', 续卡: 'card', 售卡: 'card', 销售: 'sale', 存款: 'deposit', 贷款: 'loan', 请假: 'leave', 缺勤: 'leave', 扣款: 'deduction', 订房基数: 'target', 基数: 'target', 底薪: 'base',
};
export const DEDUCTION_ALIASES: Record<string, string> = { 差勤: 'attendance', 考勤: 'attendance', 电话卡: 'phoneCard', 其他: 'other', attendance: 'attendance', phonecard: 'phoneCard', other: 'other' };
const TRUE = new Set(['1', 'true', 'yes', 'y', '是', '有']);
const FALSE = new Set(['', '0', 'false', 'no', 'n', '否', '无']);

/** The columns of pay_facts a COPY line fills, in order. */
export const COPY_COLUMNS = 'tenant_id, period_id, staff_id, kind, sub_kind, fact_date, quantity, amount_fen, face_value_fen, spent_fen, gifted, customer_id, source_ref, file_id, note';

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

export function headerOf(c: FactColumn): string {
  return `${FACT_HEADERS_ZH[c]} (${c})`;
}

export function mapHeader(h: string): FactColumn | null {
  const k = h.trim().replace(/^\uFEFF/, '');
  return HEADER_ALIASES.get(k) ?? HEADER_ALIASES.get(k.toLowerCase()) ?? HEADER_ALIASES.get(k.replace(/\s*\(.*\)$/, '')) ?? null;
}

export interface RowContext { tenantId: number; periodId: number; period: string; staffIds: Set<number>; fileId: number | null }

const boundsCache = new Map<string, { from: string; to: string; leaveTo: string }>();
function bounds(period: string) {
  let b = boundsCache.get(period);
  if (!b) {
    b = { ...payPeriodBounds(period), leaveTo: `${nextPayPeriod(period)}-15` };
    boundsCache.set(period, b);
  }
  return b;
}

class RowError extends Error {
  constructor(readonly column: FactColumn, readonly reason: LocalizedText) { super(reason.en); }
}

const EMPTY = Symbol('empty');
/**
 * Amounts repeat across a file (a card price list, a few spend levels): each distinct text is
 * parsed once. Only well-formed amounts are kept; anything else is checked again, and so reported
 * the same way, every time.
 */
const amountCache = new Map<string, number | typeof EMPTY>();
function parsedAmount(v: string): number | typeof EMPTY | null {
  const hit = amountCache.get(v);
  if (hit !== undefined) return hit;
  const s = v.trim().replaceAll(',', '');
  if (!s) return EMPTY;
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) return null;
  const fen = fenOfYuan(s);
  if (amountCache.size < 100_000) amountCache.set(v, fen);
  return fen;
}

function money(v: string | undefined, column: FactColumn, required: boolean, allowNegative = false): number {
  const fen = parsedAmount(v ?? '');
  if (fen === EMPTY) {
    if (required) throw new RowError(column, t('必填', 'required'));
    return 0;
  }
  if (fen === null) {
    const s = (v ?? '').trim().replaceAll(',', '');
    throw new RowError(column, t(`“${s}”不是金额（元，最多两位小数）`, `"${s}" is not an amount in yuan with at most two decimals`));
  }
  if (fen < 0 && !allowNegative) throw new RowError(column, t('不能为负数', 'must not be negative'));
  if (Math.abs(fen) > 1e13) throw new RowError(column, t('金额过大', 'amount too large'));
  return fen;
}

// Dates repeat across a file: remember each one checked (a month has few distinct days).
const dateCache = new Map<string, boolean>();
function validDate(s: string): boolean {
  const hit = dateCache.get(s);
  if (hit !== undefined) return hit;
  const ok = isCalendarDate(s);
  if (dateCache.size < 10_000) dateCache.set(s, ok);
  return ok;
}


const KINDS = new Map<string, PayFactKind>([...PAY_FACT_KINDS.map((k) => [k, k] as [string, PayFactKind]), ...Object.entries(KIND_ALIASES)]);
const STAFF_NO = /^\d{1,9}$/;
const QUANTITY = /^\d{1,7}$/;

/** What every line of one load shares, worked out once per context rather than per row. */
interface LineParts { from: string; to: string; leaveTo: string; head: string; file: string }
const partsCache = new WeakMap<RowContext, LineParts>();
function partsOf(ctx: RowContext): LineParts {
  let p = partsCache.get(ctx);
  if (!p) {
    p = { ...bounds(ctx.period), head: `${ctx.tenantId},${ctx.periodId}`, file: ctx.fileId === null ? '' : String(ctx.fileId) };
    partsCache.set(ctx, p);
  }
  return p;
}

/** Checks one record and returns its COPY line, or throws a RowError naming the column. */
export function factLine(rec: Partial<Record<FactColumn, string>>, ctx: RowContext): { line: string } {
  const staffRaw = (rec.staffId ?? '').trim();
  if (!STAFF_NO.test(staffRaw)) throw new RowError('staffId', t(staffRaw ? `“${staffRaw}”不是员工编号` : '必填', staffRaw ? `"${staffRaw}" is not a staff number` : 'required'));
  const staffId = Number(staffRaw);
  if (!ctx.staffIds.has(staffId)) throw new RowError('staffId', t(`员工编号 ${staffId} 不存在`, `No staff member with number ${staffId}`));
  const kindRaw = (rec.kind ?? '').trim();
  const kind = KINDS.get(kindRaw);
  if (!kind) throw new RowError('kind', t(`未知类型“${kindRaw}”，应为 订房/办卡/请假/扣款/订房基数/底薪/销售 之一`, `Unknown kind "${kindRaw}"; use one of ${PAY_FACT_KINDS.join(', ')}`));
  const date = (rec.date ?? '').trim();
  if (!validDate(date)) throw new RowError('date', t(date ? `“${date}”不是有效日期（YYYY-MM-DD）` : '必填', date ? `"${date}" is not a valid date (YYYY-MM-DD)` : 'required'));
  const parts = partsOf(ctx);
  const { from, to, leaveTo } = parts;
  // Leave between the 1st and the 15th of the next month delays this period's payday, so it belongs here.
  const last = kind === 'leave' ? leaveTo : to;
  if (date < from || date > last) throw new RowError('date', t(`日期不在 ${ctx.period} 结算期内（${from} 至 ${last}）`, `Date outside period ${ctx.period} (${from} to ${last})`));
  const qRaw = (rec.quantity ?? '').trim();
  if (qRaw && !QUANTITY.test(qRaw)) throw new RowError('quantity', t(`“${qRaw}”不是非负整数`, `"${qRaw}" is not a whole number ≥ 0`));
  const quantity = qRaw ? Number(qRaw) : 1;
  if (kind === 'target' && !qRaw) throw new RowError('quantity', t('订房基数需填写数量', 'a booking target needs its quantity'));
  const amount = money(rec.amount, 'amount', kind === 'card' || kind === 'deduction' || kind === 'base' || kind === 'sale', kind === 'deposit' || kind === 'loan');
  if (kind === 'card' && amount <= 0) throw new RowError('amount', t('办卡金额须大于 0', 'a card amount must be above 0'));
  const face = money(rec.faceValue, 'faceValue', kind === 'booking');
  const spent = money(rec.spent, 'spent', kind === 'booking');
  const gRaw = rec.gifted ?? '';
  let gifted: boolean;
  if (gRaw === '') gifted = false;
  else {
    const g = gRaw.trim().toLowerCase();
    if (!TRUE.has(g) && !FALSE.has(g)) throw new RowError('gifted', t(`“${g}”应为 是/否`, `"${g}" should be yes or no`));
    gifted = TRUE.has(g);
  }
  let subKind = (rec.subKind ?? '').trim();
  if (kind === 'deduction') {
    const d = DEDUCTION_ALIASES[subKind] ?? DEDUCTION_ALIASES[subKind.toLowerCase()];
    if (!d) throw new RowError('subKind', t('扣款子类应为 差勤/电话卡/其他', 'a deduction type must be attendance, phoneCard or other'));
    subKind = d;
  }
  const cRaw = (rec.customerId ?? '').trim();
  if (cRaw && !STAFF_NO.test(cRaw)) throw new RowError('customerId', t(`“${cRaw}”不是客户编号`, `"${cRaw}" is not a customer number`));
  const ref = (rec.ref ?? '').trim();
  if (ref.length > 120) throw new RowError('ref', t('来源单号过长', 'source ref too long'));
  const note = rec.note ? rec.note.trim().slice(0, 500) : '';
  // One join (a flat string, no intermediate array map): this runs a million times per large file.
  const line = [parts.head, staffId, kind, csvField(subKind), date, quantity, amount, face, spent, gifted, cRaw, ref ? csvField(ref) : '', parts.file, csvField(note) + '\n'].join(',');
  return { line };
}

export function rowError(row: number, e: unknown): ImportRowError {
  if (e instanceof RowError) return { row, column: headerOf(e.column), message: e.reason };
  throw e;
}

/**
 * A record with every column as a property, absent ones undefined: objects of one shape, which
 * a million rows read much faster (and leave less garbage) than objects grown key by key. A column
 * named twice in the header takes its last value.
 */
function recordMaker(cols: FactColumn[]): (fields: string[]) => Partial<Record<FactColumn, string>> {
  const at = (c: FactColumn) => cols.lastIndexOf(c);
  const [staffId, kind, date, quantity, amount, faceValue, spent, gifted, subKind, customerId, ref, note] = FACT_COLUMNS.map(at);
  const f = (fields: string[], i: number | undefined): string | undefined => (i === undefined || i < 0 ? undefined : fields[i]);
  return (x) => ({
    staffId: f(x, staffId), kind: f(x, kind), date: f(x, date), quantity: f(x, quantity), amount: f(x, amount), faceValue: f(x, faceValue), spent: f(x, spent),
    gifted: f(x, gifted), subKind: f(x, subKind), customerId: f(x, customerId), ref: f(x, ref), note: f(x, note),
  });
}

const EMPTY_BYTES = Buffer.alloc(0);

/** Records per batch csvRecords yields. */
const BATCH = 2048;
/** csvRecords also yields (an empty batch if need be) once the fast writer holds this many bytes. */
const FAST_PENDING = 262_144;

/** Where csvRecords hands plain lines first (FactCopyOut); a line it declines becomes a record. */
export interface FastLines {
  columns(cols: FactColumn[]): void;
  line(buf: Buffer, start: number, end: number, row: number): boolean;
  pending(): number;
}

type RecordItem = { row: number; rec: Partial<Record<FactColumn, string>> } | { row: 1; headerError: ImportRowError };

/**
 * Records with row numbers (header = row 1) from a CSV byte stream, in batches (one await per
 * chunk, not per row), hashing the bytes on the way. A line without a quote character is split on
 * commas directly (RFC 4180 gives quotes meaning only where they appear); a record with quotes,
 * possibly over several lines, goes to csv-parse. This keeps a million rows to about a second.
 */
export async function* csvRecords(input: Readable, hash: ReturnType<typeof createHash>, onBytes: (n: number) => void, fast?: FastLines): AsyncGenerator<RecordItem[]> {
  let cols: (FactColumn | null)[] | null = null;
  let recordOf: ((fields: string[]) => Partial<Record<FactColumn, string>>) | null = null;
  let row = 1;
  let rest: Buffer = EMPTY_BYTES;
  let quoted = '';
  let first = true;
  const toRecord = (fields: string[], batch: RecordItem[]): boolean => {
    if (!cols) {
      cols = fields.map(mapHeader);
      const bad = cols.findIndex((c) => c === null);
      if (bad >= 0) { batch.push({ row: 1, headerError: { row: 1, column: fields[bad]!, message: t(`未知列“${fields[bad]!}”`, `Unknown column "${fields[bad]!}"`) } }); return false; }
      recordOf = recordMaker(cols as FactColumn[]);
      fast?.columns(cols as FactColumn[]);
      return true;
    }
    row++;
    if (fields.length !== cols.length) {
      batch.push({ row: 1, headerError: { row, column: '', message: t(`该行有 ${fields.length} 列，表头有 ${cols.length} 列`, `The row has ${fields.length} fields; the header has ${cols.length}`) } });
      return false;
    }
    batch.push({ row, rec: recordOf!(fields) });
    return true;
  };
  /**
   * Hands complete lines of `buf` from `at` to the fast writer or handle() until `batch` holds
   * BATCH records; keeps the unfinished tail for the next chunk. Lines are cut at the byte 0x0A,
   * which UTF-8 never uses inside a character, so only the lines handle() needs are decoded.
   * Returns where it stopped, `buf.length` once every complete line is read, or -1 when a line
   * stopped the read.
   */
  const eachLine = (buf: Buffer, at: number, batch: RecordItem[]): number => {
    while (batch.length < BATCH && !(fast && fast.pending() >= FAST_PENDING)) {
      const nl = buf.indexOf(10, at);
      if (nl < 0) { rest = buf.subarray(at); return buf.length; }
      const end = nl > at && buf[nl - 1] === 13 ? nl - 1 : nl;
      // A plain line the fast writer takes makes no record at all.
      if (fast && recordOf && !quoted && end > at && fast.line(buf, at, end, row + 1)) {
        row++;
        at = nl + 1;
        continue;
      }
      const line = buf.toString('utf8', at, end);
      at = nl + 1;
      if (!handle(line, batch)) return -1;
    }
    return at;
  };
  const handle = (line: string, batch: RecordItem[]): boolean => {
    if (first) { line = line.replace(/^\uFEFF/, ''); first = false; }
    if (quoted) {
      quoted += '\n' + line;
    } else if (line.includes('"')) {
      quoted = line;
    } else {
      return line === '' ? true : toRecord(line.split(','), batch);
    }
    // A quoted record is complete once its quote characters balance.
    if ((quoted.split('"').length - 1) % 2 === 1) return true;
    const text = quoted;
    quoted = '';
    try {
      const parsed: unknown = parseSync(text, { relax_column_count: true });
      const fields = (parsed as string[][])[0];
      return toRecord(fields ?? [], batch);
    } catch (e) {
      batch.push({ row: 1, headerError: { row: row + 1, column: '', message: t(`CSV 格式错误：${(e as Error).message}`, `Malformed CSV: ${(e as Error).message}`) } });
      return false;
    }
  };
  for await (const chunk of input as AsyncIterable<Buffer>) {
    hash.update(chunk);
    onBytes(chunk.length);
    const buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    rest = EMPTY_BYTES;
    // Batches of a few thousand records, handed on as soon as they are full: records consumed
    // while young cost the garbage collector next to nothing, a whole chunk's worth would not.
    for (let at = 0; at < buf.length;) {
      const batch: RecordItem[] = [];
      at = eachLine(buf, at, batch);
      if (at < 0) { yield batch; return; }
      if (batch.length || fast?.pending()) yield batch;
    }
  }
  const batch: RecordItem[] = [];
  const tail = rest.toString('utf8');
  if (tail && !handle(tail.replace(/\r$/, ''), batch)) { yield batch; return; }
  if (quoted) batch.push({ row: 1, headerError: { row: row + 1, column: '', message: t('CSV 格式错误：引号未闭合', 'Malformed CSV: unclosed quote') } });
  if (batch.length) yield batch;
}

/** Records of the first sheet of an Excel workbook (dates and numbers turned back into text). */
export async function* xlsxRecords(file: Buffer, header?: Pick<FastLines, 'columns'>): AsyncGenerator<RecordItem[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    yield [{ row: 1, headerError: { row: 1, column: '', message: t('文件不是有效的 Excel 工作簿', 'The file is not a valid Excel workbook') } }];
    return;
  }
  const ws = wb.worksheets[0];
  if (!ws) return;
  const cols: (FactColumn | null)[] = [];
  const text = (v: ExcelJS.CellValue): string => {
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'object' && 'text' in v) return String(v.text);
    if (typeof v === 'object' && 'result' in v) return typeof v.result === 'object' ? '' : String(v.result ?? '');
    return typeof v === 'object' ? '' : String(v);
  };
  ws.getRow(1).eachCell((cell, i) => { cols[i] = mapHeader(text(cell.value)); });
  for (let i = 1; i < cols.length; i++) {
    if (cols[i] === null) {
      const h = text(ws.getRow(1).getCell(i).value);
      if (h) { yield [{ row: 1, headerError: { row: 1, column: h, message: t(`未知列“${h}”`, `Unknown column "${h}"`) } }]; return; }
    }
  }
  header?.columns(cols.filter((c): c is FactColumn => !!c));
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    const rec: Partial<Record<FactColumn, string>> = {};
    cols.forEach((c, i) => { if (c) rec[c] = text(row.getCell(i).value); });
    yield [{ row: r, rec }];
  }
}
