import { Decimal } from 'decimal.js';

/**
 * Money is integer fen. Calculations run on exact decimals (decimal.js) and are rounded to the
 * fen once per result line, by the rounding mode the policy names.
 */
export type RoundingMode = 'half_up' | 'half_even' | 'down' | 'up';

const MODES: Record<RoundingMode, Decimal.Rounding> = {
  half_up: Decimal.ROUND_HALF_UP,
  half_even: Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};

/** An exact decimal from a JSON number or string; `0.1` stays 0.1 (it goes through its shortest text). */
/** Decimals of the numbers read most (rates, prices, card amounts): a Decimal never changes, so one serves every reader. */
const fromNumber = new Map<number, Decimal>();

export function dec(value: number | string | Decimal): Decimal {
  if (value instanceof Decimal) return value;
  if (typeof value === 'number') {
    let d = fromNumber.get(value);
    if (d) return d;
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    d = new Decimal(String(value));
    if (fromNumber.size >= 4096) fromNumber.clear();
    fromNumber.set(value, d);
    return d;
  }
  return new Decimal(value.trim());
}

/** Yuan (exact decimal) → integer fen, rounded by `mode` (default half-up). */
export function yuanToFen(yuan: Decimal | number | string, mode: RoundingMode = 'half_up'): number {
  const fen = dec(yuan).times(100).toDecimalPlaces(0, MODES[mode]).toNumber();
  if (!Number.isSafeInteger(fen)) throw new RangeError('amount out of range');
  return fen;
}

/** Integer fen → exact yuan decimal. */
export function fenToYuan(fen: number): Decimal {
  return new Decimal(fen).dividedBy(100);
}

