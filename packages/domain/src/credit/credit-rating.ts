// Credit households and villages (信用户 / 信用村): figures, household rating, yearly re-check (village thresholds: village-rating.ts).
import dayjs from 'dayjs';
import { Decimal } from 'decimal.js';

export interface CreditVillageRules {
  /** Credit line per rated household, fen. */
  householdCreditLineFen: number;
  /** A credit village's households get this much more. */
  villageCreditLineFactor: string;
  /** Months between re-checks. */
  recheckMonths: number;
  /**
   * Credit-line table of credit households (信用户评级授信表): the best grade whose minimum score the
   * household reaches gives its line; below the lowest grade it is no credit household.
   */
  householdGrades: readonly { grade: string; zh: string; en: string; minScore: number; creditLineFen: number }[];
}

export const DEFAULT_CREDIT_VILLAGE_RULES: CreditVillageRules = {
  householdCreditLineFen: 50_000_00,
  villageCreditLineFactor: '1.2',
  recheckMonths: 12,
  householdGrades: [
    { grade: 'excellent', zh: '优秀', en: 'Excellent', minScore: 90, creditLineFen: 100_000_00 },
    { grade: 'good', zh: '较好', en: 'Good', minScore: 75, creditLineFen: 50_000_00 },
    { grade: 'fair', zh: '一般', en: 'Fair', minScore: 60, creditLineFen: 30_000_00 },
  ],
};

export interface VillageFigures {
  households: number;
  creditHouseholds: number;
  borrowingHouseholds: number;
  borrowersWithoutArrears: number;
  loanBalanceFen: number;
  nplBalanceFen: number;
  newLoansFen: number;
  newNplFen: number;
}

/** One check of a rating; `reason` is the policy engine's words for a failed check of a village. */
export interface Check { code: string; passed: boolean; actual: string | null; bound: string; zh: string; en?: string; reason?: { zh: string; en: string } | null }
/** A village's rating (thresholds from the policy document, see village-rating.ts). */
export interface VillageRating { qualifies: boolean; checks: Check[]; creditLineFen: number; policy: { id: string; version: number } }

export interface HouseholdFigures { hasArrears: boolean; hasNpl: boolean; ratingScore: number }
export interface HouseholdRating { qualifies: boolean; grade: string | null; reasons: string[]; creditLineFen: number; checks: Check[] }
/**
 * A household is a credit household when it has no arrears, no NPL and reaches the lowest grade's
 * score (60 by default); its grade and credit line come from the table (score bounds inclusive);
 * inside a rated credit village the line is raised by the village factor.
 */
export function rateHousehold(h: HouseholdFigures, rules: CreditVillageRules = DEFAULT_CREDIT_VILLAGE_RULES, inCreditVillage = false): HouseholdRating {
  const grades = [...rules.householdGrades].sort((a, b) => b.minScore - a.minScore);
  const lowest = grades.at(-1)?.minScore ?? 60;
  const g = grades.find((x) => h.ratingScore >= x.minScore) ?? null;
  const checks: Check[] = [
    { code: 'no_arrears', passed: !h.hasArrears, actual: h.hasArrears ? '1' : '0', bound: '= 0', zh: '无拖欠' },
    { code: 'no_npl', passed: !h.hasNpl, actual: h.hasNpl ? '1' : '0', bound: '= 0', zh: '无不良贷款' },
    { code: 'score', passed: h.ratingScore >= lowest, actual: String(h.ratingScore), bound: `≥ ${lowest}`, zh: '评分' },
  ];
  const reasons: string[] = [];
  if (h.hasArrears) reasons.push('arrears');
  if (h.hasNpl) reasons.push('npl');
  if (h.ratingScore < lowest) reasons.push(`score_below_${lowest}`);
  const qualifies = reasons.length === 0;
  const base = qualifies && g ? g.creditLineFen : 0;
  const creditLineFen = inCreditVillage && base ? new Decimal(base).times(rules.villageCreditLineFactor).toDecimalPlaces(0).toNumber() : base;
  return { qualifies, grade: qualifies && g ? g.grade : null, reasons, creditLineFen, checks };
}

/** Yearly re-check: due when `recheckMonths` have passed since the last rating (the day itself included). */
export function recheckDue(lastRatedOn: string, today: string, rules: CreditVillageRules = DEFAULT_CREDIT_VILLAGE_RULES): boolean {
  const due = dayjs(lastRatedOn).add(rules.recheckMonths, 'month').format('YYYY-MM-DD');
  return today >= due;
}
