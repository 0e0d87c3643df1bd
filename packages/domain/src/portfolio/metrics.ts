import Decimal from 'decimal.js';
import type { PortfolioRules } from './rules.ts';

/** Retail (micro / joint-guarantee loans) or corporate: the two staffing limits of 农信社细则. */
export type Segment = 'retail' | 'corporate';

export interface StaffingLoad { staffId: number; retail: number; corporate: number }
export interface StaffingExcess extends StaffingLoad { retailExcess: number; corporateExcess: number; over: boolean }

/**
 * Staffing ratio: each manager carries at most `maxRetailPerManager` retail and
 * `maxCorporatePerManager` corporate borrowers (不超过 — the limit itself is allowed).
 */
export function staffingExcess(loads: readonly StaffingLoad[], rules: Pick<PortfolioRules, 'maxRetailPerManager' | 'maxCorporatePerManager'>): StaffingExcess[] {
  return loads.map((l) => {
    const retailExcess = rules.maxRetailPerManager === null ? 0 : Math.max(0, l.retail - rules.maxRetailPerManager);
    const corporateExcess = rules.maxCorporatePerManager === null ? 0 : Math.max(0, l.corporate - rules.maxCorporatePerManager);
    return { ...l, retailExcess, corporateExcess, over: retailExcess > 0 || corporateExcess > 0 };
  });
}

/**
 * Retention rate: customers active in both periods ÷ customers active in the first, as a
 * decimal string with 4 places, rounded half up; null when the first period has none.
 */
export function retentionRate(firstPeriod: readonly number[], secondPeriod: readonly number[]): { kept: number; base: number; rate: string | null } {
  const first = new Set(firstPeriod);
  const second = new Set(secondPeriod);
  const kept = [...first].filter((id) => second.has(id)).length;
  if (first.size === 0) return { kept, base: 0, rate: null };
  return { kept, base: first.size, rate: new Decimal(kept).div(first.size).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4) };
}

export interface BigCustomerCandidate { id: number; consumption: number; permanent: boolean }

/**
 * 供电局细则: big customers are the top N permanent customers by consumption. Ties are broken
 * by id (older customer first) so the selection is deterministic; `tiedAtCut` says when the
 * customer just outside the list consumed as much as the last one inside (a policy gap).
 */
export function selectBigCustomers(candidates: readonly BigCustomerCandidate[], rules: Pick<PortfolioRules, 'bigCustomerTopN'>): { ids: number[]; tiedAtCut: boolean } {
  if (rules.bigCustomerTopN === null) return { ids: [], tiedAtCut: false };
  const ranked = candidates.filter((c) => c.permanent).sort((a, b) => b.consumption - a.consumption || a.id - b.id);
  const picked = ranked.slice(0, rules.bigCustomerTopN);
  const next = ranked[rules.bigCustomerTopN];
  const last = picked[picked.length - 1];
  return { ids: picked.map((c) => c.id), tiedAtCut: !!next && !!last && next.consumption === last.consumption };
}

/**
 * Satisfaction rating: the mean of answered scores (each 1–5), two decimals, half up;
 * null when nothing was answered.
 */
export function meanRating(scores: readonly number[]): string | null {
  if (scores.length === 0) return null;
  return scores.reduce((a, s) => a.plus(s), new Decimal(0)).div(scores.length).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}
