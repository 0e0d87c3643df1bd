import { Decimal } from 'decimal.js';
import { dec } from '../money/fen.ts';
import type { Bound, Tier } from './schema.ts';

// A bound's exact decimal, built once per parsed document rather than once per item tested.
const BOUND_DECIMALS = new WeakMap<Bound, Decimal>();
function boundValue(b: Bound): Decimal {
  let d = BOUND_DECIMALS.get(b);
  if (!d) {
    d = dec(b.value);
    BOUND_DECIMALS.set(b, d);
  }
  return d;
}

/** True when `v` lies inside the tier, honouring each bound's inclusiveness. */
export function inTier(v: Decimal | number, t: Tier): boolean {
  if (typeof v === 'number') {
    // See conditions.ts: comparing JSON numbers as doubles is exact.
    if (t.min && (v < t.min.value || (v === t.min.value && !t.min.inclusive))) return false;
    if (t.max && (v > t.max.value || (v === t.max.value && !t.max.inclusive))) return false;
    return true;
  }
  if (t.min) {
    const c = v.comparedTo(boundValue(t.min));
    if (c < 0 || (c === 0 && !t.min.inclusive)) return false;
  }
  if (t.max) {
    const c = v.comparedTo(boundValue(t.max));
    if (c > 0 || (c === 0 && !t.max.inclusive)) return false;
  }
  return true;
}

/** The first tier containing `v` (documents list tiers from low to high). */
export function findTier(v: Decimal | number, tiers: readonly Tier[]): { tier: Tier; index: number } | null {
  const index = tiers.findIndex((t) => inTier(v, t));
  return index < 0 ? null : { tier: tiers[index]!, index };
}

/** The part of `v` that falls inside a tier's [min, max] span, for marginal application. */
export function portionIn(v: Decimal, t: Tier): Decimal {
  const lo = t.min ? dec(t.min.value) : new Decimal(0);
  const hi = t.max ? dec(t.max.value) : null;
  if (v.lessThanOrEqualTo(lo)) return new Decimal(0);
  const top = hi && v.greaterThan(hi) ? hi : v;
  return top.minus(lo);
}

/** "80 以上（含）" / "≥ 80" style text for a bound pair. */
export function describeTier(t: Tier, lang: 'zh' | 'en', unit = ''): string {
  const b = (x: Bound, side: 'min' | 'max') => lang === 'zh'
    ? `${x.value}${unit}${side === 'min' ? (x.inclusive ? '及以上' : '以上（不含）') : (x.inclusive ? '及以下' : '以下（不含）')}`
    : `${side === 'min' ? (x.inclusive ? '≥' : '>') : (x.inclusive ? '≤' : '<')} ${x.value}${unit}`;
  if (t.min && t.max && t.min.value === t.max.value && t.min.inclusive && t.max.inclusive) return lang === 'zh' ? `恰为 ${t.min.value}${unit}` : `exactly ${t.min.value}${unit}`;
  const parts = [t.min && b(t.min, 'min'), t.max && b(t.max, 'max')].filter(Boolean);
  if (parts.length === 0) return lang === 'zh' ? '任意数量' : 'any amount';
  return parts.join(lang === 'zh' ? '、' : ' and ');
}

export function describeTierValue(t: Tier, lang: 'zh' | 'en'): string {
  if (t.rate !== undefined) return lang === 'zh' ? `${t.rate}%` : `${t.rate}%`;
  return lang === 'zh' ? `每单位 ${t.price} 元` : `${t.price} yuan per unit`;
}
