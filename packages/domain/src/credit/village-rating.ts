// Credit villages (信用村) rated through the policy engine: the rural-credit preset's
// rural-credit-village-rating document holds the thresholds; each failed check's reason is the engine's.
import { Decimal } from 'decimal.js';
import { evaluate } from '../policy/evaluate.ts';
import type { EligibilityResult } from '../policy/eligibility.ts';
import type { EligibilityPolicy, Policy, Predicate } from '../policy/schema.ts';
import { loadPresetDocuments } from '../presets/index.ts';
import { DEFAULT_CREDIT_VILLAGE_RULES, type Check, type CreditVillageRules, type VillageFigures, type VillageRating } from './credit-rating.ts';

export const VILLAGE_RATING_POLICY_ID = 'rural-credit-village-rating';

const isRating = (p: Policy): p is EligibilityPolicy => p.kind === 'eligibility' && p.id === VILLAGE_RATING_POLICY_ID;

/** The village-rating document among a policy text's documents, or null when it has none. */
export function villageRatingPolicyOf(docs: readonly Policy[]): EligibilityPolicy | null {
  return docs.find(isRating) ?? null;
}

/** The shipped village-rating document (rural-credit preset). */
export function villageRatingPolicy(): EligibilityPolicy {
  const p = villageRatingPolicyOf(loadPresetDocuments('rural-credit'));
  if (!p) throw new RangeError(`preset rural-credit has no ${VILLAGE_RATING_POLICY_ID}`);
  return p;
}

const share = (a: number, b: number): Decimal | null => (b === 0 ? null : new Decimal(a).div(b));
const fmt = (d: Decimal | null): string | null => (d === null ? null : d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4));
const SYMBOL: Record<string, string> = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤', in: '∈' };

/**
 * The facts the document reads: shares as exact decimals turned into numbers (a share with no
 * households or borrowers is left out, so the engine reports it missing and the check fails; with
 * no loans the NPL shares are 0).
 */
export function villageFacts(f: VillageFigures): Record<string, number> {
  const facts: Record<string, Decimal | null> = {
    creditHouseholdShare: share(f.creditHouseholds, f.households),
    noArrearsShare: share(f.borrowersWithoutArrears, f.borrowingHouseholds),
    nplStockShare: share(f.nplBalanceFen, f.loanBalanceFen) ?? new Decimal(0),
    newNplShare: share(f.newNplFen, f.newLoansFen) ?? new Decimal(0),
  };
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== null).map(([k, v]) => [k, v!.toNumber()]));
}

const leaf = (p: Predicate): { fact: string; op: string; value: unknown } | null => ('fact' in p ? p : null);

/**
 * Rates a village by the policy document's rules (all must pass). Each check is one rule: its id,
 * label, the figure it read, its bound as written in the document, and the engine's reason when it fails.
 * The credit line of a rated village's households is raised by the village factor.
 */
export function rateVillage(f: VillageFigures, policy: EligibilityPolicy = villageRatingPolicy(), rules: CreditVillageRules = DEFAULT_CREDIT_VILLAGE_RULES): VillageRating {
  const facts = villageFacts(f);
  const r = evaluate(policy, facts) as EligibilityResult;
  const checks: Check[] = r.rules.map((o) => {
    const t = leaf(policy.rules.find((x) => x.id === o.id)!.test);
    const actual = t && typeof facts[t.fact] === 'number' ? fmt(new Decimal(facts[t.fact]!)) : null;
    return {
      code: o.id, passed: o.passed, actual, bound: t ? `${SYMBOL[t.op] ?? t.op} ${String(t.value)}` : '', zh: o.label.zh, en: o.label.en,
      reason: o.passed ? null : { zh: o.reasons.map((x) => x.zh).join('；'), en: o.reasons.map((x) => x.en).join('; ') },
    };
  });
  const qualifies = r.eligible;
  const creditLineFen = qualifies ? new Decimal(rules.householdCreditLineFen).times(rules.villageCreditLineFactor).toDecimalPlaces(0).toNumber() : rules.householdCreditLineFen;
  return { qualifies, checks, creditLineFen, policy: { id: policy.id, version: policy.version } };
}
