import type { Permission } from '@kehu/domain';
import type { MessageKey } from '../lib/i18n/messages-zh.ts';

export interface MenuEntry {
  path: string;
  label: MessageKey;
  /** Shown only to roles that hold this permission (see ROLE_PERMISSIONS in @kehu/domain). */
  permission: Permission | null;
}

/** The side menu; one place decides which role sees what. */
export const MENU: readonly MenuEntry[] = [
  { path: '/', label: 'nav.home', permission: null },
  { path: '/today', label: 'nav.today', permission: 'visits.read' },
  { path: '/customers', label: 'nav.customers', permission: 'customers.read' },
  { path: '/requests', label: 'nav.requests', permission: 'customers.read' },
  { path: '/territories', label: 'nav.territories', permission: 'customers.read' },
  { path: '/compliance', label: 'nav.compliance', permission: 'compliance.read' },
  { path: '/complaints', label: 'nav.complaints', permission: 'complaints.read' },
  { path: '/surveys', label: 'nav.surveys', permission: 'ratings.read' },
  { path: '/research', label: 'nav.research', permission: 'compliance.read' },
  { path: '/loans', label: 'nav.loans', permission: 'loans.read' },
  { path: '/risk-board', label: 'nav.riskBoard', permission: 'loans.read' },
  { path: '/pay/my-slips', label: 'nav.mySlips', permission: 'pay.readOwn' },
  // Managers follow their disputes, HR answers them: one page, one entry per side (no role holds both).
  { path: '/pay/disputes', label: 'nav.payDisputes', permission: 'pay.dispute' },
  { path: '/pay/plans', label: 'nav.payPlans', permission: 'policy.assign' },
  { path: '/pay/what-if', label: 'nav.whatIf', permission: 'pay.run' },
  { path: '/pay/disputes', label: 'nav.payDisputes', permission: 'pay.answerDispute' },
  // After its sub-pages, so that they, not this, are highlighted.
  { path: '/pay', label: 'nav.pay', permission: 'pay.readAll' },
  // Evaluation (issue 5): the person's page (ratings to give, own results, own grade), then HR/supervisor pages.
  { path: '/eval/mine', label: 'nav.myEval', permission: 'eval.readOwn' },
  { path: '/eval/mine', label: 'nav.evalTasks', permission: 'eval.evaluate' },
  { path: '/eval/appeals', label: 'nav.evalAppeals', permission: 'eval.answerAppeal' },
  { path: '/grades/proposals', label: 'nav.gradeProposals', permission: 'grades.propose' },
  { path: '/competitions', label: 'nav.competitions', permission: 'competitions.manage' },
  { path: '/eval', label: 'nav.evalCycles', permission: 'eval.readAll' },
  { path: '/org-units', label: 'nav.orgUnits', permission: 'org.read' },
  { path: '/staff', label: 'nav.staff', permission: 'staff.read' },
  { path: '/audit', label: 'nav.audit', permission: 'audit.read' },
  { path: '/users', label: 'nav.users', permission: 'users.manage' },
];

export function menuFor(permissions: readonly Permission[]): MenuEntry[] {
  return MENU.filter((m) => m.permission === null || permissions.includes(m.permission));
}

/** The menu entry a path belongs to, for highlighting. */
export function selectedMenuKey(pathname: string): string {
  const hit = MENU.filter((m) => m.path !== '/' && pathname.startsWith(m.path));
  return hit[0]?.path ?? '/';
}
