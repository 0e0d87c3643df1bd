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

/** Why a manager's share was kept by the seller: they have left, or no pay plan covers them in the period (no slip). */
export type CreditKeptReason = 'left' | 'no_plan';

/**
 * One person's part of a fact. `share` null: the rest below 100% kept by the fact's own staff
 * member. `keptFor` set: the share of that manager, who gets no slip, kept by the seller.
 */
export interface CreditPart { staffId: number; share: string | null; amountFen: number; keptFor: { staffId: number; reason: CreditKeptReason } | null }

/**
 * How one fact of a customer shared by several managers is credited: each manager gets their
 * share of the amount (split exactly, largest remainder, ties to the earlier share in the given
 * order); what the shares leave below 100% stays with the staff member the fact was booked to.
 * The share of a manager listed in `unpaid` (left, or no pay plan in the period: no slip) stays
 * with that staff member too, to the fen, and says whose and why; the other managers' parts do
 * not change. The parts always sum to the fact's amount, so over the people who get slips they
 * sum to the whole whenever the seller gets one. Fewer than two shares: the fact is not split.
 */
export function creditFact(amountFen: number, ownStaffId: number, shares: readonly CreditShare[], unpaid: ReadonlyMap<number, CreditKeptReason> = new Map()): CreditPart[] {
  if (shares.length < 2) return [{ staffId: ownStaffId, share: null, amountFen, keptFor: null }];
  const parts: CreditPart[] = splitCredit(amountFen, shares).map((p, i) => {
    const reason = p.staffId === ownStaffId ? undefined : unpaid.get(p.staffId);
    return reason
      ? { staffId: ownStaffId, share: shares[i]!.share, amountFen: p.amountFen, keptFor: { staffId: p.staffId, reason } }
      : { staffId: p.staffId, share: shares[i]!.share, amountFen: p.amountFen, keptFor: null };
  });
  const rest = amountFen - parts.reduce((a, p) => a + p.amountFen, 0);
  if (rest !== 0) parts.push({ staffId: ownStaffId, share: null, amountFen: rest, keptFor: null });
  return parts;
}
