import type { Condition, PortfolioPolicy } from '../policy/schema.ts';
import { holds } from '../policy/conditions.ts';

/** One visit-frequency rule of a portfolio policy: customers for whom `when` holds are visited every `everyMonths`. */
export interface VisitRule { id: string; clause: string; when: Condition; everyMonths: number }

/**
 * The numbers and rules the portfolio work runs on, read off the tenant's portfolio policy
 * (`rulesFromPortfolioPolicy`). Visit rules are tried in order; the first that holds decides.
 */
export interface PortfolioRules {
  /** The policy (id@version) they were read from. */
  source: string;
  visitRules: VisitRule[];
  /** Days before the due date from which a visit shows as "due" on the today page. */
  dueSoonDays: number;
  /** 不超过1000户 / 50户: inclusive maxima per manager; null = the policy sets no limit. */
  maxRetailPerManager: number | null;
  maxCorporatePerManager: number | null;
  /** 供电局: the top N permanent customers by consumption are big customers; null = no selection. */
  bigCustomerTopN: number | null;
  /** Whether a claim or transfer may take effect before the day it is approved. */
  allowBackdating: boolean;
  /** How many days back an effective date may lie, when back-dating is allowed. */
  maxBackdateDays: number;
}

/**
 * The facts a visit rule's condition reads about one customer. Loan amounts are in yuan, as
 * the policies state them (农信社细则: 30万元以上).
 */
export interface VisitFacts { loanAmount: number; bigCustomer: boolean; segment: string; kind: string }

/** The first visit rule that holds for the customer, or null. */
export function visitRuleMatch(rules: Pick<PortfolioRules, 'visitRules'>, facts: VisitFacts): VisitRule | null {
  return rules.visitRules.find((r) => holds(r.when, facts)) ?? null;
}

/**
 * Reads the portfolio rules from a portfolio policy document. A staffing ratio applies to
 * the customer segment named by its `customerType` (`retail`, `corporate`).
 */
export function rulesFromPortfolioPolicy(p: PortfolioPolicy): PortfolioRules {
  const ratio = (type: string) => p.staffingRatios.find((s) => s.customerType === type)?.maxPerManager ?? null;
  return {
    source: `${p.id}@${p.version}`,
    visitRules: p.visitFrequency.map((v) => ({ id: v.id, clause: v.clause, when: v.when, everyMonths: v.everyMonths })),
    dueSoonDays: p.assignments?.dueSoonDays ?? 7,
    maxRetailPerManager: ratio('retail'),
    maxCorporatePerManager: ratio('corporate'),
    bigCustomerTopN: p.bigCustomers?.topN ?? null,
    allowBackdating: (p.assignments?.maxBackdateDays ?? 0) > 0,
    maxBackdateDays: p.assignments?.maxBackdateDays ?? 0,
  };
}

const BIG_CUSTOMER_MONTHLY: VisitRule = { id: 'big', clause: '5.6', when: { field: 'bigCustomer', op: 'eq', value: true }, everyMonths: 1 };

/**
 * What a tenant without a portfolio policy of its own runs on: the rural credit cooperative
 * norms (rule book 9: ≥300,000 yuan monthly, other borrowers quarterly, ≤1000 retail and ≤50
 * corporate per manager) with the power-supply big-customer rules (rule book 8: top 21,
 * followed up monthly), back-dating up to 90 days.
 */
export const DEFAULT_PORTFOLIO_RULES: PortfolioRules = {
  source: 'default (rural-credit + power-big-customers)',
  visitRules: [
    BIG_CUSTOMER_MONTHLY,
    { id: 'large', clause: '11', when: { field: 'loanAmount', op: 'gte', value: 300000 }, everyMonths: 1 },
    { id: 'other', clause: '11', when: { field: 'loanAmount', op: 'gt', value: 0 }, everyMonths: 3 },
  ],
  dueSoonDays: 7,
  maxRetailPerManager: 1000,
  maxCorporatePerManager: 50,
  bigCustomerTopN: 21,
  allowBackdating: true,
  maxBackdateDays: 90,
};
