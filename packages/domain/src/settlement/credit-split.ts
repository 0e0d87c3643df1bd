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
