/**
 * Fen ↔ yuan text at the edges (imports, exports, slips). Amounts are integer fen; yuan are
 * strings with two decimals, so no floating point touches money.
 */
export function fenOfYuan(yuan: string): number {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) throw new RangeError(`not a yuan amount: ${yuan}`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount too large: ${yuan}`);
  return m[1] && fen !== 0 ? -fen : fen;
}

export function yuanOfFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError('fen must be a whole number');
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Sum of integer fen; throws instead of silently losing precision. */
export function sumOfFen(values: readonly number[]): number {
  let s = 0;
  for (const v of values) {
    s += v;
    if (!Number.isSafeInteger(s)) throw new RangeError('sum out of safe range');
  }
  return s;
}
