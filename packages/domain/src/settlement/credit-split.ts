import { allocateByShares } from '../portfolio/shares.ts';

/** A manager's share of a customer (管户比例), as a decimal percentage string such as "33.33". */
export interface CreditShare { staffId: number; share: string }

/**
 * Splits a fact's amount (fen) among the managers sharing its customer. The parts sum back to
 * amount × Σshares ÷ 100 (the whole amount when the shares sum to 100), largest remainder first,
 * ties to the earlier manager in the given order; no fen is created or lost.
 */
export function splitCredit(amountFen: number, shares: readonly CreditShare[]): { staffId: number; amountFen: number }[] {
  if (shares.length === 0) return [];
  const parts = allocateByShares(amountFen, shares.map((s) => s.share));
  return shares.map((s, i) => ({ staffId: s.staffId, amountFen: parts[i]! }));
}

/** One manager's part of a fact; `share` null for the rest kept by the fact's own staff member. */
export interface CreditPart { staffId: number; share: string | null; amountFen: number }

/**
 * How one fact of a customer shared by several managers is credited: each manager gets their
 * share of the amount (split exactly, largest remainder, ties to the earlier share in the given
 * order); what the shares leave below 100% stays with the staff member the fact was booked to.
 * The parts always sum to the fact's amount. Fewer than two shares: the fact is not split.
 */
export function creditFact(amountFen: number, ownStaffId: number, shares: readonly CreditShare[]): CreditPart[] {
  if (shares.length < 2) return [{ staffId: ownStaffId, share: null, amountFen }];
  const parts: CreditPart[] = splitCredit(amountFen, shares).map((p, i) => ({ staffId: p.staffId, share: shares[i]!.share, amountFen: p.amountFen }));
  const rest = amountFen - parts.reduce((a, p) => a + p.amountFen, 0);
  if (rest !== 0) parts.push({ staffId: ownStaffId, share: null, amountFen: rest });
  return parts;
}
