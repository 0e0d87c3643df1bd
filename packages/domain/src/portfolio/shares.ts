import Decimal from 'decimal.js';

/**
 * Shared customers (管户比例): one customer credited to several managers by percentage.
 * Shares are exact decimals written as strings ("33.33"), at most two decimal places.
 */
export type ShareProblem = 'format' | 'not_positive' | 'over_100' | 'sum_over_100';

const SHARE_RE = /^\d{1,3}(\.\d{1,2})?$/;

/** Checks one share: a percentage with at most two decimals, above 0 and at most 100. */
export function shareProblem(share: string): Exclude<ShareProblem, 'sum_over_100'> | null {
  if (!SHARE_RE.test(share)) return 'format';
  const d = new Decimal(share);
  if (d.lte(0)) return 'not_positive';
  if (d.gt(100)) return 'over_100';
  return null;
}

/** The exact sum of shares, as a decimal string ("100", "66.67"). */
export function sumShares(shares: readonly string[]): string {
  return shares.reduce((acc, s) => acc.plus(s), new Decimal(0)).toString();
}

/**
 * Validates a set of shares that are in force at the same time: each valid, the sum at most
 * 100 (inclusive — "合计不超过100%"). Returns the first problem and the index it concerns
 * (the index is -1 for the sum).
 */
export function validateShares(shares: readonly string[]): { problem: ShareProblem; index: number } | null {
  for (const [i, s] of shares.entries()) {
    const p = shareProblem(s);
    if (p) return { problem: p, index: i };
  }
  if (new Decimal(sumShares(shares)).gt(100)) return { problem: 'sum_over_100', index: -1 };
  return null;
}

/** Two validity intervals [from, to] (to null = open) overlap; dates are YYYY-MM-DD, both ends inclusive. */
export function periodsOverlap(a: { from: string; to: string | null }, b: { from: string; to: string | null }): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

/**
 * The largest total share in force on any day, over assignments with validity dates.
 * The sum only changes where an interval starts, so checking every start date is enough.
 */
export function peakShare(items: readonly { share: string; from: string; to: string | null }[]): string {
  let peak = new Decimal(0);
  for (const start of items) {
    const onDay = items.filter((x) => x.from <= start.from && (x.to === null || start.from <= x.to));
    const sum = onDay.reduce((acc, x) => acc.plus(x.share), new Decimal(0));
    if (sum.gt(peak)) peak = sum;
  }
  return peak.toString();
}

/**
 * Splits a whole-fen amount by percentage shares with the largest-remainder method.
 * The parts sum exactly to amount × Σshares ÷ 100 rounded half-up to the fen (so to the whole
 * amount when the shares sum to 100). Ties in the remainder go to the earlier share.
 * A negative amount is split as its absolute value and negated (a falling balance is shared
 * the same way as a rising one).
 */
export function allocateByShares(amountFen: number, shares: readonly string[]): number[] {
  if (!Number.isSafeInteger(amountFen)) throw new RangeError('amountFen must be a whole number of fen');
  const bad = validateShares(shares);
  if (bad) throw new RangeError(`invalid shares: ${bad.problem}`);
  if (amountFen < 0) return allocateByShares(-amountFen, shares).map((x) => (x === 0 ? 0 : -x));
  const amount = new Decimal(amountFen);
  const total = amount.times(sumShares(shares)).div(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  const exact = shares.map((s) => amount.times(s).div(100));
  const parts = exact.map((e) => e.floor().toNumber());
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, rem: e.minus(e.floor()) })).sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left--;
  }
  return parts;
}
