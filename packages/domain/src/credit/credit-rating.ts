// Credit households and villages (信用户 / 信用村): rating by thresholds, yearly re-check.
import dayjs from 'dayjs';
import { Decimal } from 'decimal.js';

export interface CreditVillageRules {
  /** credit households ≥ this share of all households (inclusive: 以上). */
  minCreditHouseholdShare: string;
  /** households without arrears > this share of borrowing households (exclusive). */
  minNoArrearsShare: string;
  /** NPL stock < this share of loans (exclusive). */
  maxNplStockShare: string;
  /** new NPL < this share of new loans (exclusive). */
  maxNewNplShare: string;
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
  minCreditHouseholdShare: '0.70',
  minNoArrearsShare: '0.85',
  maxNplStockShare: '0.05',
  maxNewNplShare: '0.01',
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

export interface Check { code: string; passed: boolean; actual: string | null; bound: string; zh: string }
export interface VillageRating { qualifies: boolean; checks: Check[]; creditLineFen: number }

const share = (a: number, b: number): Decimal | null => (b === 0 ? null : new Decimal(a).div(b));
const fmt = (d: Decimal | null): string | null => (d === null ? null : d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4));

export function rateVillage(f: VillageFigures, rules: CreditVillageRules = DEFAULT_CREDIT_VILLAGE_RULES): VillageRating {
  const ch = share(f.creditHouseholds, f.households);
  const na = share(f.borrowersWithoutArrears, f.borrowingHouseholds);
  const npl = share(f.nplBalanceFen, f.loanBalanceFen) ?? new Decimal(0);
  const newNpl = share(f.newNplFen, f.newLoansFen) ?? new Decimal(0);
  const checks: Check[] = [
    { code: 'credit_households', passed: ch !== null && ch.gte(rules.minCreditHouseholdShare), actual: fmt(ch), bound: `≥ ${rules.minCreditHouseholdShare}`, zh: '信用户占比' },
    { code: 'no_arrears', passed: na !== null && na.gt(rules.minNoArrearsShare), actual: fmt(na), bound: `> ${rules.minNoArrearsShare}`, zh: '无拖欠户占借款户比例' },
    { code: 'npl_stock', passed: npl.lt(rules.maxNplStockShare), actual: fmt(npl), bound: `< ${rules.maxNplStockShare}`, zh: '不良贷款占比' },
    { code: 'new_npl', passed: newNpl.lt(rules.maxNewNplShare), actual: fmt(newNpl), bound: `< ${rules.maxNewNplShare}`, zh: '新增不良占比' },
  ];
  const qualifies = checks.every((c) => c.passed);
  const creditLineFen = qualifies ? new Decimal(rules.householdCreditLineFen).times(rules.villageCreditLineFactor).toDecimalPlaces(0).toNumber() : rules.householdCreditLineFen;
  return { qualifies, checks, creditLineFen };
}

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
