// The credit line of a credit household through the policy engine: the rural-credit preset's
// credit-line table (rural-credit-household-lines) is a band table the engine evaluates and explains.
import { Decimal } from 'decimal.js';
import { fenOfYuan } from '../money/yuan.ts';
import { evaluate } from '../policy/evaluate.ts';
import type { CompensationResult } from '../policy/result.ts';
import type { CompensationPolicy, Policy } from '../policy/schema.ts';
import { loadPresetDocuments } from '../presets/index.ts';
import type { CreditVillageRules, HouseholdFigures } from './credit-rating.ts';

export const HOUSEHOLD_LINES_POLICY_ID = 'rural-credit-household-lines';
const CODES: Record<string, { grade: string; en: string }> = { 优秀: { grade: 'excellent', en: 'Excellent' }, 较好: { grade: 'good', en: 'Good' }, 一般: { grade: 'fair', en: 'Fair' } };

const isLines = (p: Policy): p is CompensationPolicy => p.kind === 'compensation' && p.id === HOUSEHOLD_LINES_POLICY_ID;

/** The shipped credit-line table (rural-credit preset). */
export function householdLinesPolicy(): CompensationPolicy {
  const p = loadPresetDocuments('rural-credit').find(isLines);
  if (!p) throw new RangeError(`preset rural-credit has no ${HOUSEHOLD_LINES_POLICY_ID}`);
  return p;
}

/** The grades of a credit-line table, best first: each band's label, lower bound and line (yuan → fen exactly). */
export function householdGradesOf(policy: CompensationPolicy): CreditVillageRules['householdGrades'] {
  const calc = policy.components[0]?.calc;
  if (!calc || calc.type !== 'tiered') return [];
  return calc.tiers.map((t) => {
    const label = t.label ?? '';
    const code = CODES[label];
    return { grade: code?.grade ?? label, zh: label, en: code?.en ?? label, minScore: t.min?.value ?? 0, creditLineFen: fenOfYuan(String(t.price ?? 0)) };
  }).sort((a, b) => b.minScore - a.minScore);
}

/** One household through the engine: its line in fen and the engine's own words (the band, or why it is excluded). */
export function householdLineByPolicy(policy: CompensationPolicy, h: HouseholdFigures): { creditLineFen: number; note: { zh: string; en: string } } {
  const r = evaluate(policy, { households: [{ score: h.ratingScore, hasArrears: h.hasArrears, hasNpl: h.hasNpl }] }) as CompensationResult;
  const line = r.lines[0];
  const counted = line?.counted[0]?.note;
  const excluded = line?.excluded[0]?.reason;
  return { creditLineFen: r.totalFen, note: counted ?? { zh: excluded?.zh ?? '', en: excluded?.en ?? '' } };
}

/** A household's line inside a rated credit village: raised by the village factor, rounded half up to the fen. */
export function inCreditVillageLine(fen: number, rules: Pick<CreditVillageRules, 'villageCreditLineFactor'>): number {
  return new Decimal(fen).times(rules.villageCreditLineFactor).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}
