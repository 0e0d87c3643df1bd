import type { Permission } from '../access/roles.ts';

/**
 * A settlement run moves draft → reviewed → approved → locked, one step at a time, each step
 * by a role holding the step's permission. A draft that is re-run becomes `superseded` (kept,
 * so the difference per person stays visible). Locking a run locks its period for good.
 */
export const RUN_STATUSES = ['draft', 'reviewed', 'approved', 'locked', 'superseded'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RUN_ACTIONS = ['review', 'approve', 'lock', 'return'] as const;
export type RunAction = (typeof RUN_ACTIONS)[number];

interface Step { from: readonly RunStatus[]; to: RunStatus; permission: Permission }

/** Each action: the statuses it may start from, where it leads, and who may take it. */
export const RUN_STEPS: Record<RunAction, Step> = {
  review: { from: ['draft'], to: 'reviewed', permission: 'pay.review' },
  approve: { from: ['reviewed'], to: 'approved', permission: 'pay.approve' },
  lock: { from: ['approved'], to: 'locked', permission: 'pay.lock' },
  // A reviewer or approver who finds a problem sends the run back to draft; a locked run never moves.
  return: { from: ['reviewed', 'approved'], to: 'draft', permission: 'pay.review' },
};

export type TransitionResult = { ok: true; to: RunStatus } | { ok: false; reason: 'wrong_status'; allowedFrom: readonly RunStatus[] };

/** Where `action` takes a run in status `from`, or why it cannot. The permission check is the caller's. */
export function nextRunStatus(from: RunStatus, action: RunAction): TransitionResult {
  const step = RUN_STEPS[action];
  return step.from.includes(from) ? { ok: true, to: step.to } : { ok: false, reason: 'wrong_status', allowedFrom: step.from };
}

/** Whether a new run may be started for a period whose runs have these statuses. */
export function canStartRun(statuses: readonly RunStatus[]): boolean {
  return !statuses.includes('locked') && !statuses.includes('approved');
}
