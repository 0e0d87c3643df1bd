/**
 * The numbers the portfolio rules take from a policy. Until the policy engine feeds them
 * (presets → `PortfolioRules`), these defaults come straight from the rule books.
 */
export interface PortfolioRules {
  /** Loans at or above this balance (fen) must be visited every `largeLoanVisitMonths` (农信社细则: 30万元以上 — inclusive). */
  largeLoanThresholdFen: number;
  largeLoanVisitMonths: number;
  /** Every other borrower: at least quarterly. */
  otherBorrowerVisitMonths: number;
  /** Big customers: "as set"; null = same as their loan class. */
  bigCustomerVisitMonths: number | null;
  /** Days before the due date from which a visit shows as "due" on the today page. */
  dueSoonDays: number;
  /** 不超过1000户 / 50户: inclusive maxima per manager. */
  maxRetailPerManager: number;
  maxCorporatePerManager: number;
  /** 供电局: the top 21 permanent customers by consumption are big customers. */
  bigCustomerTopN: number;
  /** Whether a claim or transfer may take effect before the day it is approved. */
  allowBackdating: boolean;
  /** How many days back an effective date may lie, when back-dating is allowed. */
  maxBackdateDays: number;
}

/** Rural credit cooperative norms (rule book 9) + power-supply big customers (rule book 8). */
export const DEFAULT_PORTFOLIO_RULES: PortfolioRules = {
  largeLoanThresholdFen: 300_000_00,
  largeLoanVisitMonths: 1,
  otherBorrowerVisitMonths: 3,
  bigCustomerVisitMonths: 1,
  dueSoonDays: 7,
  maxRetailPerManager: 1000,
  maxCorporatePerManager: 50,
  bigCustomerTopN: 21,
  allowBackdating: true,
  maxBackdateDays: 90,
};
