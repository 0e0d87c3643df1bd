import { addMonths, daysBetween } from '../calendar/dates.ts';
import { visitRuleMatch, type PortfolioRules } from './rules.ts';

/** What a customer's loans and flags say about how often it must be visited. */
export interface VisitSubject {
  /** Outstanding loan balance in fen; 0 for a customer without loans. */
  loanBalanceFen: number;
  bigCustomer: boolean;
  /** A frequency set on this customer (months), overriding the policy; null = policy. */
  visitMonthsOverride: number | null;
  /** retail | corporate, and the customer kind: facts a policy's visit rule may read. */
  segment?: string;
  kind?: string;
}

/**
 * The required visit interval in months, or null when no visit is required: a frequency set
 * on the customer wins, else the first of the policy's visit rules that holds (农信社细则: loans
 * of 30万元以上 — 300,000 included — monthly, other borrowers quarterly; big customers as set).
 */
export function requiredVisitMonths(c: VisitSubject, rules: Pick<PortfolioRules, 'visitRules'>): number | null {
  if (c.visitMonthsOverride !== null) return c.visitMonthsOverride;
  // Fen to yuan is exact in a double for any balance below 2^53 fen.
  const facts = { loanAmount: c.loanBalanceFen / 100, bigCustomer: c.bigCustomer, segment: c.segment ?? 'retail', kind: c.kind ?? '' };
  return visitRuleMatch(rules, facts)?.everyMonths ?? null;
}


export type VisitStatus = 'not_required' | 'ok' | 'due' | 'overdue';

export interface VisitSchedule {
  status: VisitStatus;
  /** The last day by which the next visit must take place; null when none is required. */
  dueDate: string | null;
  months: number | null;
  /** Days past the due date (0 unless overdue). */
  daysOverdue: number;
}

/**
 * Where a customer stands on `today`: the next visit is due `months` after the last visit
 * (or after `since`, the day the manager took the customer, when never visited). A visit on
 * the due date itself is on time; the day after it is overdue. Within `dueSoonDays` before
 * the due date the visit shows as "due".
 */
export function visitSchedule(input: { subject: VisitSubject; lastVisit: string | null; since: string; today: string }, rules: PortfolioRules): VisitSchedule {
  const months = requiredVisitMonths(input.subject, rules);
  if (months === null) return { status: 'not_required', dueDate: null, months: null, daysOverdue: 0 };
  const from = input.lastVisit !== null && input.lastVisit > input.since ? input.lastVisit : input.since;
  const dueDate = addMonths(from, months);
  const late = daysBetween(dueDate, input.today);
  if (late > 0) return { status: 'overdue', dueDate, months, daysOverdue: late };
  if (-late <= rules.dueSoonDays) return { status: 'due', dueDate, months, daysOverdue: 0 };
  return { status: 'ok', dueDate, months, daysOverdue: 0 };
}

/**
 * Visit compliance: the share of customers that need visits and are not overdue, as a
 * decimal fraction string with 4 places ("0.8750"); null when nobody needs a visit.
 * Evaluation reads this figure.
 */
export function visitCompliance(statuses: readonly VisitStatus[]): { required: number; overdue: number; rate: string | null } {
  const required = statuses.filter((s) => s !== 'not_required').length;
  const overdue = statuses.filter((s) => s === 'overdue').length;
  return complianceFigures(required, overdue);
}

/** The compliance figure from counts (as SQL gives them): (required − overdue) ÷ required, 4 places, half up. */
export function complianceFigures(required: number, overdue: number): { required: number; overdue: number; rate: string | null } {
  if (required === 0) return { required, overdue, rate: null };
  // integer arithmetic in ten-thousandths, rounded half up
  const tenK = Math.floor(((required - overdue) * 20000 + required) / (2 * required));
  return { required, overdue, rate: (tenK / 10000).toFixed(4) };
}
