/**
 * The life of one result (一级考核一级): the supervisor drafts it, the level above reviews it,
 * HR calibrates and publishes; the person acknowledges or appeals within the deadline; an
 * appeal is re-reviewed by someone other than the first evaluator.
 */
import { addDays } from '../calendar/dates.ts';
export const RESULT_STATUSES = ['pending', 'drafted', 'reviewed', 'calibrated', 'published', 'acknowledged', 'appealed', 'final'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export type ResultAction = 'draft' | 'review' | 'calibrate' | 'publish' | 'acknowledge' | 'appeal' | 'answerAppeal';

const NEXT: Record<ResultAction, { from: readonly ResultStatus[]; to: ResultStatus }> = {
  draft: { from: ['pending', 'drafted'], to: 'drafted' },
  review: { from: ['drafted'], to: 'reviewed' },
  calibrate: { from: ['reviewed', 'calibrated'], to: 'calibrated' },
  publish: { from: ['calibrated'], to: 'published' },
  acknowledge: { from: ['published'], to: 'acknowledged' },
  appeal: { from: ['published'], to: 'appealed' },
  answerAppeal: { from: ['appealed'], to: 'final' },
};

/** The status after an action, or null when the action is not allowed now. */
export function nextStatus(current: ResultStatus, action: ResultAction): ResultStatus | null {
  const n = NEXT[action];
  return n.from.includes(current) ? n.to : null;
}

/**
 * The last day to appeal: published on day P with N appeal days → P + N (届满 includes the
 * last day, so an appeal on P + N is in time, on P + N + 1 it is late).
 */
export function appealDeadline(publishedOn: string, appealDays: number): string {
  return addDays(publishedOn, appealDays);
}

export function canAppeal(today: string, deadline: string): boolean {
  return today <= deadline;
}

/** An appeal is re-reviewed by someone other than the first evaluator (and not the person). */
export function mayReReview(reviewerStaffId: number | null, drafterStaffId: number | null, subjectStaffId: number): boolean {
  if (reviewerStaffId !== null && reviewerStaffId === subjectStaffId) return false;
  return reviewerStaffId === null || reviewerStaffId !== drafterStaffId;
}
