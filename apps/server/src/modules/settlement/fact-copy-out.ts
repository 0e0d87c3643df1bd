import { FACT_ID_FILE_FACTOR } from '@kehu/db';
import { PAY_FACT_KINDS } from '@kehu/contracts';
import { payPeriodBounds, nextPayPeriod } from '@kehu/domain';
import { DEDUCTION_ALIASES, KIND_ALIASES, type FactColumn, type RowContext } from './facts-import.ts';

/**
 * The COPY text of a fact import, written as bytes into buffers of 1 MB as the rows are read.
 *
 * Most lines of a large fact file are plain: no quotes, ASCII, canonical values (`card`, a staff
 * number, `2026-10-05`, `1000.50`). `line()` checks such a line straight from the text, character
 * by character, and writes its COPY line without building a record or any string — several times
 * cheaper than the general path, and what keeps a million-row import near the speed of PostgreSQL's
 * own COPY. Anything it is not sure of (spaces to trim, Chinese names, aliases, an error to report)
 * it declines, and the line goes through csv records and `factLine`, which decide and word errors.
 * For every line it accepts it writes exactly what `factLine` would (a property test checks this).
 * `text()` takes the lines the general path made. Row n of the file (the header is row 1) gets fact
 * id `fileId × 2³² + (n − 1)`.
 */
export class FactCopyOut {
  private out = Buffer.allocUnsafe(BUFFER);
  private used = 0;
  private full: Buffer[] = [];
  /** Lines written (by `line` alone: `fastCount`), and the highest row number among them. */
  count = 0;
  fastCount = 0;
  maxRow = 0;
  /** Whether the file has a source-ref column (its rows then go through the staging table). */
  refColumn = false;
  private readonly idBase: number;
  private readonly head: number[];
  private readonly fileTail: number[];
  private readonly staff: Set<number>;
  private readonly monthDays: Set<number>;
  private readonly leaveDays: Set<number>;
  /** Field index in a line of each column, -1 when the file does not have it; null: no fast path. */
  private at: Record<FactColumn, number> | null = null;
  private width = 0;

  constructor(ctx: RowContext) {
    this.idBase = (ctx.fileId ?? 0) * FACT_ID_FILE_FACTOR;
    this.head = bytes(`${ctx.tenantId},${ctx.periodId},`);
    this.fileTail = bytes(`,${ctx.fileId ?? ''},`);
    this.staff = ctx.staffIds;
    // The days a fact of the period may carry: the month, and for leave up to the 15th of the next.
    const { from, to } = payPeriodBounds(ctx.period);
    const leaveTo = `${nextPayPeriod(ctx.period)}-15`;
    this.monthDays = daysBetween(from, to);
    this.leaveDays = daysBetween(from, leaveTo);
  }

  /** The file's columns, from its header. Lines of any other width are left to the general path. */
  columns(cols: FactColumn[]): void {
    const at = {} as Record<FactColumn, number>;
    for (const c of COLUMNS) at[c] = cols.lastIndexOf(c);
    this.at = at;
    this.width = cols.length;
    this.refColumn = at.ref >= 0;
  }

  /** Whether the header has been read. */
  get ready(): boolean {
    return this.at !== null;
  }

  /** Bytes written and not yet taken. */
  pending(): number {
    return this.full.length * BUFFER + this.used;
  }

  /** The bytes written so far, in order; the writer starts afresh. */
  take(): Buffer[] {
    const done = this.full;
    if (this.used) done.push(this.out.subarray(0, this.used));
    this.full = [];
    this.out = Buffer.allocUnsafe(BUFFER);
    this.used = 0;
    return done;
  }

  /** A line made by `factLine` for file row `row`. */
  text(line: string, row: number): void {
    const s = `${this.idBase + row - 1},${line}`;
    this.room(s.length * 3);
    this.used += this.out.write(s, this.used);
    this.counted(row);
  }

  /**
   * Writes the COPY line of the bytes `buf[start, end)` (file row `row`, UTF-8, no line break) if
   * it is a plain line this recognises, and says whether it did.
   */
  line(buf: Buffer, start: number, end: number, row: number): boolean {
    const at = this.at;
    if (!at) return false;
    // Field boundaries: field k is [cut[k], cut[k + 1] - 1). No quotes, no control characters.
    const cut = FIELD_CUTS;
    let n = 0;
    cut[0] = start;
    for (let i = start; i < end; i++) {
      const c = buf[i]!;
      if (c === 44) {
        if (++n >= MAX_FIELDS) return false;
        cut[n] = i + 1;
      } else if (c < 32 || c === 34 || c === 127) return false;
    }
    if (n + 1 !== this.width) return false;
    cut[n + 1] = end + 1;
    // A field with a space at either end would be trimmed by the general path: leave it to it.
    for (let k = 0; k <= n; k++) {
      const a = cut[k]!;
      const b = cut[k + 1]! - 1;
      if (b > a && (buf[a] === 32 || buf[b - 1] === 32)) return false;
    }
    const f = FIELD_FROM;
    const t = FIELD_TO;
    for (let c = 0; c < COLUMNS.length; c++) {
      const k = at[COLUMNS[c]!];
      f[c] = k < 0 ? 0 : cut[k]!;
      t[c] = k < 0 ? 0 : cut[k + 1]! - 1;
    }

    const staffId = digits(buf, f[STAFF]!, t[STAFF]!, 9);
    if (staffId < 0 || !this.staff.has(staffId)) return false;
    const kind = kindOf(buf, f[KIND]!, t[KIND]!);
    if (kind < 0) return false;
    const kindName = KINDS[kind]!;
    const date = dateOf(buf, f[DATE]!, t[DATE]!);
    if (!(kindName === 'leave' ? this.leaveDays : this.monthDays).has(date)) return false;
    let quantity = 1;
    if (t[QUANTITY]! > f[QUANTITY]!) {
      quantity = digits(buf, f[QUANTITY]!, t[QUANTITY]!, 7);
      if (quantity < 0) return false;
    } else if (kindName === 'target') return false;
    const required = kindName === 'card' || kindName === 'deduction' || kindName === 'base' || kindName === 'sale';
    const amount = fen(buf, f[AMOUNT]!, t[AMOUNT]!, required, kindName === 'deposit' || kindName === 'loan');
    if (Number.isNaN(amount) || (kindName === 'card' && amount <= 0)) return false;
    const face = fen(buf, f[FACE]!, t[FACE]!, kindName === 'booking', false);
    const spent = fen(buf, f[SPENT]!, t[SPENT]!, kindName === 'booking', false);
    if (Number.isNaN(face) || Number.isNaN(spent)) return false;
    const gifted = giftedOf(buf, f[GIFTED]!, t[GIFTED]!);
    if (gifted < 0) return false;
    let sub: number[] | null = null;
    if (kindName === 'deduction') {
      sub = deductionOf(buf, f[SUB]!, t[SUB]!);
      if (!sub) return false;
    } else if (!ascii(buf, f[SUB]!, t[SUB]!)) return false;
    if (t[CUSTOMER]! > f[CUSTOMER]! && digitsOnly(buf, f[CUSTOMER]!, t[CUSTOMER]!) < 0) return false;
    if (t[REF]! - f[REF]! > 120 || !ascii(buf, f[REF]!, t[REF]!)) return false;
    if (t[NOTE]! - f[NOTE]! > 500 || !ascii(buf, f[NOTE]!, t[NOTE]!)) return false;

    // id,tenant,period,staff,kind,subKind,date,quantity,amount,face,spent,gifted,customer,ref,file,note
    this.room(200 + (end - start));
    const o = this.out;
    let u = this.used;
    u = putNumber(o, u, this.idBase + row - 1);
    o[u++] = 44;
    u = putBytes(o, u, this.head);
    u = putRange(o, u, buf, f[STAFF]!, t[STAFF]!);
    o[u++] = 44;
    u = putBytes(o, u, KIND_BYTES[kind]!);
    o[u++] = 44;
    if (sub) u = putBytes(o, u, sub);
    else if (t[SUB]! > f[SUB]!) u = putRange(o, u, buf, f[SUB]!, t[SUB]!);
    else { o[u++] = 34; o[u++] = 34; }
    o[u++] = 44;
    u = putRange(o, u, buf, f[DATE]!, t[DATE]!);
    o[u++] = 44;
    u = putNumber(o, u, quantity);
    o[u++] = 44;
    u = putNumber(o, u, amount);
    o[u++] = 44;
    u = putNumber(o, u, face);
    o[u++] = 44;
    u = putNumber(o, u, spent);
    o[u++] = 44;
    u = putBytes(o, u, gifted ? TRUE_BYTES : FALSE_BYTES);
    o[u++] = 44;
    u = putRange(o, u, buf, f[CUSTOMER]!, t[CUSTOMER]!);
    o[u++] = 44;
    u = putRange(o, u, buf, f[REF]!, t[REF]!);
    u = putBytes(o, u, this.fileTail);
    if (t[NOTE]! > f[NOTE]!) u = putRange(o, u, buf, f[NOTE]!, t[NOTE]!);
    else { o[u++] = 34; o[u++] = 34; }
    o[u++] = 10;
    this.used = u;
    this.counted(row);
    this.fastCount++;
    return true;
  }

  private counted(row: number) {
    this.count++;
    if (row > this.maxRow) this.maxRow = row;
  }

  private room(n: number) {
    if (this.used + n <= BUFFER) return;
    this.full.push(this.out.subarray(0, this.used));
    this.out = Buffer.allocUnsafe(Math.max(BUFFER, n));
    this.used = 0;
  }
}

const BUFFER = 1 << 20;
const MAX_FIELDS = 64;
const FIELD_CUTS = new Array<number>(MAX_FIELDS + 2).fill(0);
const COLUMNS: FactColumn[] = ['staffId', 'kind', 'date', 'quantity', 'amount', 'faceValue', 'spent', 'gifted', 'subKind', 'customerId', 'ref', 'note'];
/** Indexes into FIELD_FROM / FIELD_TO, in COLUMNS order. */
const STAFF = 0, KIND = 1, DATE = 2, QUANTITY = 3, AMOUNT = 4, FACE = 5, SPENT = 6, GIFTED = 7, SUB = 8, CUSTOMER = 9, REF = 10, NOTE = 11;
const FIELD_FROM = new Array<number>(COLUMNS.length).fill(0);
const FIELD_TO = new Array<number>(COLUMNS.length).fill(0);
const NO = Number.NaN;
const bytes = (s: string) => [...Buffer.from(s, 'utf8')];
const KINDS = [...PAY_FACT_KINDS] as string[];
const KIND_BYTES = KINDS.map(bytes);
/** Kind names the general path also reads (factLine's aliases), by their text. */
const KIND_NAMES = new Map<string, number>([...KINDS.map((k, i) => [k, i] as [string, number]), ...Object.entries(KIND_ALIASES).map(([a, k]) => [a, KINDS.indexOf(k)] as [string, number])]);
const TRUE_BYTES = bytes('true');
const FALSE_BYTES = bytes('false');
const GIFTED_WORDS = new Map<string, number>([['1', 1], ['y', 1], ['true', 1], ['yes', 1], ['是', 1], ['有', 1], ['0', 0], ['n', 0], ['false', 0], ['no', 0], ['否', 0], ['无', 0]]);
const DEDUCTIONS = new Map<string, number[]>([
  ...Object.entries(DEDUCTION_ALIASES).map(([a, d]) => [a, bytes(d)] as [string, number[]]),
  ['phoneCard', bytes('phoneCard')],
]);

function daysBetween(from: string, to: string): Set<number> {
  const out = new Set<number>();
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    const d = new Date(t);
    out.add(d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate());
  }
  return out;
}

function ascii(buf: Buffer, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (buf[i]! > 126) return false;
  return true;
}

/** A whole number of 1..max digits without a leading zero (the general path would rewrite it), or -1. */
function digits(buf: Buffer, a: number, b: number, max: number): number {
  const len = b - a;
  if (len < 1 || len > max || (len > 1 && buf[a] === 48)) return -1;
  return digitsOnly(buf, a, b);
}

function digitsOnly(buf: Buffer, a: number, b: number): number {
  if (b - a > 9) return -1;
  let v = 0;
  for (let i = a; i < b; i++) {
    const c = buf[i]! - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function kindOf(buf: Buffer, a: number, b: number): number {
  const len = b - a;
  for (let k = 0; k < KIND_BYTES.length; k++) {
    const name = KIND_BYTES[k]!;
    if (name.length !== len) continue;
    let i = 0;
    while (i < len && buf[a + i] === name[i]) i++;
    if (i === len) return k;
  }
  // Not a key: an alias (订房, 办卡, …) read the way factLine reads it, or nothing.
  return len > 0 && len <= 24 ? KIND_NAMES.get(buf.toString('utf8', a, b)) ?? -1 : -1;
}

/** `YYYY-MM-DD` as the number YYYYMMDD, or -1. */
function dateOf(buf: Buffer, a: number, b: number): number {
  if (b - a !== 10 || buf[a + 4] !== 45 || buf[a + 7] !== 45) return -1;
  const y = digitsOnly(buf, a, a + 4);
  const m = digitsOnly(buf, a + 5, a + 7);
  const d = digitsOnly(buf, a + 8, a + 10);
  return y < 0 || m < 0 || d < 0 ? -1 : y * 10000 + m * 100 + d;
}

/**
 * Yuan with up to two decimals as fen (`-`, digits, optional `.d` or `.dd`); empty is 0 unless
 * required. NaN where the general path should decide (an error to word, or an unusual form).
 */
function fen(buf: Buffer, a: number, b: number, required: boolean, negative: boolean): number {
  if (b <= a) return required ? NO : 0;
  let i = a;
  let sign = 1;
  if (buf[i] === 45) {
    if (!negative) return NO;
    sign = -1;
    i++;
  }
  let whole = 0;
  let n = 0;
  for (; i < b; i++, n++) {
    const c = buf[i]! - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  if (n === 0 || n > 11) return NO;
  let cents = 0;
  if (i < b) {
    if (buf[i] !== 46 || b - i < 2 || b - i > 3) return NO;
    for (let k = i + 1; k < i + 3; k++) {
      const c = k < b ? buf[k]! - 48 : 0;
      if (c < 0 || c > 9) return NO;
      cents = cents * 10 + c;
    }
  }
  const v = whole * 100 + cents;
  return v === 0 ? 0 : sign * v;
}

/** 1 yes, 0 no (empty is no), -1 anything the general path should read. */
function giftedOf(buf: Buffer, a: number, b: number): number {
  const len = b - a;
  if (len === 0) return 0;
  if (len === 1) {
    const c = buf[a];
    return c === 49 || c === 121 ? 1 : c === 48 || c === 110 ? 0 : -1;
  }
  return len > 5 ? -1 : GIFTED_WORDS.get(buf.toString('utf8', a, b)) ?? -1;
}

function deductionOf(buf: Buffer, a: number, b: number): number[] | null {
  return b - a > 12 || b <= a ? null : DEDUCTIONS.get(buf.toString('utf8', a, b)) ?? null;
}

function putBytes(o: Buffer, u: number, b: number[]): number {
  for (let i = 0; i < b.length; i++) o[u++] = b[i]!;
  return u;
}

function putRange(o: Buffer, u: number, buf: Buffer, a: number, b: number): number {
  for (let i = a; i < b; i++) o[u++] = buf[i]!;
  return u;
}

/** A whole number (below 2⁵³ in magnitude) in decimal. */
function putNumber(o: Buffer, u: number, v: number): number {
  if (v < 0) { o[u++] = 45; v = -v; }
  if (v < 10) { o[u++] = 48 + v; return u; }
  let len = 0;
  for (let x = v; x >= 1; x = Math.floor(x / 10)) len++;
  for (let i = u + len - 1; i >= u; i--) {
    const q = Math.floor(v / 10);
    o[i] = 48 + (v - q * 10);
    v = q;
  }
  return u + len;
}
