import { addDays } from '../calendar/dates.ts';
import type { PortfolioRules } from './rules.ts';

/** Kinds of customer and assignment vocabulary (管户). */
export const CUSTOMER_KINDS = ['farming_household', 'resident', 'individual_business', 'enterprise', 'big_customer'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export const CUSTOMER_SEGMENTS = ['retail', 'corporate'] as const;
export const CUSTOMER_STATUSES = ['active', 'dormant', 'closed'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
/** 拓展 develop, 管户 manage, 包收 collect, 审批 approve, 调查 investigate. */
export const ASSIGNMENT_ROLES = ['develop', 'manage', 'collect', 'approve', 'investigate'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
export const CREDIT_RATINGS = ['AAA', 'AA', 'A', 'B', 'C', 'unrated'] as const;
export type CreditRating = (typeof CREDIT_RATINGS)[number];
export const REQUEST_KINDS = ['claim', 'transfer', 'handover'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const COMPLAINT_SOURCES = ['counter', 'phone', 'hotline_12363', 'online', 'regulator', 'survey', 'other'] as const;
export const COMPLAINT_CATEGORIES = ['service_attitude', 'waiting_time', 'fees', 'product', 'loan_process', 'privacy', 'other'] as const;
export const COMPLAINT_STATUSES = ['new', 'in_progress', 'resolved'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/**
 * An effective date for a claim or transfer: not after the decision day, and not further
 * back than the policy allows (back-dating, 倒签). Returns a problem code or null.
 */
export function effectiveDateProblem(effective: string, decisionDay: string, rules: Pick<PortfolioRules, 'allowBackdating' | 'maxBackdateDays'>): 'backdating_not_allowed' | 'too_far_back' | null {
  if (effective >= decisionDay) return null;
  if (!rules.allowBackdating) return 'backdating_not_allowed';
  if (effective < addDays(decisionDay, -rules.maxBackdateDays)) return 'too_far_back';
  return null;
}

/** The moves a request may make: pending → approved | rejected; nothing after. */
export function canDecide(status: RequestStatus): boolean {
  return status === 'pending';
}

/**
 * Hand-over when a manager leaves (or is away over 5 months): problem loans go to the
 * supervisor, everything else to the named successor.
 */
export function handoverTarget(c: { problemLoan: boolean }, successorStaffId: number, supervisorStaffId: number): number {
  return c.problemLoan ? supervisorStaffId : successorStaffId;
}
