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
}

export const DEFAULT_CREDIT_VILLAGE_RULES: CreditVillageRules = {
  minCreditHouseholdShare: '0.70',
  minNoArrearsShare: '0.85',
  maxNplStockShare: '0.05',
  maxNewNplShare: '0.01',
  householdCreditLineFen: 50_000_00,
  villageCreditLineFactor: '1.2',
  recheckMonths: 12,
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
/** A household is a credit household when it has no arrears, no NPL and scores ≥ 60. */
export function rateHousehold(h: HouseholdFigures, rules: CreditVillageRules = DEFAULT_CREDIT_VILLAGE_RULES): { qualifies: boolean; reasons: string[]; creditLineFen: number } {
  const reasons: string[] = [];
  if (h.hasArrears) reasons.push('arrears');
  if (h.hasNpl) reasons.push('npl');
  if (h.ratingScore < 60) reasons.push('score_below_60');
  return { qualifies: reasons.length === 0, reasons, creditLineFen: reasons.length === 0 ? rules.householdCreditLineFen : 0 };
}

/** Yearly re-check: due when `recheckMonths` have passed since the last rating (the day itself included). */
export function recheckDue(lastRatedOn: string, today: string, rules: CreditVillageRules = DEFAULT_CREDIT_VILLAGE_RULES): boolean {
  const due = dayjs(lastRatedOn).add(rules.recheckMonths, 'month').format('YYYY-MM-DD');
  return today >= due;
}
