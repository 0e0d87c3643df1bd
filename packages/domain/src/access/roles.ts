/**
 * Roles and what each may do. This table is the single source of the permission model:
 * the server checks it at the start of every service method, the web builds its menu from it.
 */
export const ROLES = ['sysadmin', 'hr', 'supervisor', 'manager', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  sysadmin: { zh: '系统管理员', en: 'System admin' },
  hr: { zh: '人力/绩效管理员', en: 'HR / performance admin' },
  supervisor: { zh: '主管', en: 'Supervisor' },
  manager: { zh: '客户经理', en: 'Customer manager' },
  agent: { zh: '业务代办员', en: 'Agent' },
};

export const PERMISSIONS = [
  'org.read',
  'org.write',
  'staff.read',
  'staff.write',
  'staff.export',
  'staff.import',
  'staff.readIdCard',
  'users.manage',
  'audit.read',
  // Customer portfolios and field work (issue 6). Scope follows ROLE_SCOPE: a manager reaches
  // the customers assigned to them, a supervisor those of the unit subtree.
  'customers.read',
  'customers.write',
  'customers.create',
  'customers.assign',
  'customers.request',
  'customers.approve',
  'customers.readIdNo',
  'territories.manage',
  // Correct or delete anyone's big-customer contact entry (authors may always correct their own).
  'customers.correctContacts',
  'visits.read',
  'visits.write',
  'compliance.read',
  'complaints.read',
  'complaints.manage',
  'surveys.manage',
  'surveys.issue',
  'ratings.read',
  'staffing.read',
  // Monthly pay settlement (issue 4). readAll follows ROLE_SCOPE (supervisor: the unit subtree);
  // readOwn is one's own slips only.
  'pay.facts.write',
  'pay.run',
  'pay.review',
  'pay.approve',
  'pay.lock',
  'pay.readAll',
  'pay.readOwn',
  'pay.dispute',
  'pay.answerDispute',
  'policy.assign',
  // Evaluation, grades and qualification (issue 5). Supervisors evaluate the level below in their
  // unit subtree; managers and agents read their own results, acknowledge and appeal; everyone
  // with a staff record may be asked to rate (self, peer, subordinate) through eval.rate.
  'eval.setup',
  'eval.evaluate',
  'eval.review',
  'eval.calibrate',
  'eval.publish',
  'eval.readAll',
  'eval.readOwn',
  'eval.rate',
  'eval.appeal',
  'eval.answerAppeal',
  'grades.read',
  'grades.propose',
  'grades.approve',
  'competitions.manage',
  'conduct.read',
  'conduct.write',
  // Credit ledger (issue 7). A manager reaches the loans they manage or recommended; a supervisor
  // those of the unit subtree; HR sees only the figures evaluation reads (credit.figures).
  'loans.read',
  'loans.write',
  'loans.import',
  'claims.manage',
  'npl.manage',
  'credit.rate',
  'credit.figures',
  'credit.setup',
  // The alert run (deadline alerts and risk warnings into each recipient's notifications), on demand.
  'alerts.generate',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** How far a role reaches: its own record, its org unit's subtree, or the whole tenant. */
export type DataScope = 'own' | 'subtree' | 'tenant';

export const ROLE_SCOPE: Record<Role, DataScope> = {
  sysadmin: 'tenant',
  hr: 'tenant',
  supervisor: 'subtree',
  manager: 'own',
  agent: 'own',
};

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  sysadmin: ['org.read', 'org.write', 'staff.read', 'users.manage', 'audit.read', 'territories.manage',
    'credit.setup', 'alerts.generate'],
  // HR sees people data and the figures evaluation reads (compliance, ratings, staffing), not customer details.
  hr: ['org.read', 'staff.read', 'staff.write', 'staff.export', 'staff.import', 'staff.readIdCard', 'audit.read',
    'compliance.read', 'surveys.manage', 'ratings.read', 'staffing.read',
    'pay.facts.write', 'pay.run', 'pay.review', 'pay.approve', 'pay.lock', 'pay.readAll', 'pay.answerDispute', 'policy.assign',
    'eval.setup', 'eval.review', 'eval.calibrate', 'eval.publish', 'eval.readAll', 'eval.answerAppeal', 'eval.rate',
    'grades.read', 'grades.propose', 'grades.approve', 'competitions.manage', 'conduct.read', 'conduct.write',
    'credit.figures', 'alerts.generate', 'customers.correctContacts'],
  supervisor: ['org.read', 'staff.read', 'staff.export',
    'customers.read', 'customers.write', 'customers.create', 'customers.assign', 'customers.approve', 'territories.manage',
    'visits.read', 'visits.write', 'compliance.read', 'complaints.read', 'complaints.manage', 'surveys.issue', 'ratings.read', 'staffing.read',
    'pay.readAll', 'pay.review',
    'eval.evaluate', 'eval.review', 'eval.readAll', 'eval.rate', 'eval.answerAppeal', 'grades.read', 'conduct.read', 'conduct.write',
    'loans.read', 'loans.write', 'loans.import', 'claims.manage', 'npl.manage', 'credit.rate', 'credit.figures'],
  // The owner of a customer sees its ID number and phone whole (customers.readIdNo applies to own customers only).
  manager: ['org.read', 'staff.read',
    'customers.read', 'customers.write', 'customers.request', 'customers.readIdNo',
    'visits.read', 'visits.write', 'compliance.read', 'complaints.read', 'complaints.manage', 'surveys.issue', 'ratings.read',
    'pay.readOwn', 'pay.dispute',
    'eval.readOwn', 'eval.rate', 'eval.appeal', 'grades.read', 'conduct.read',
    'loans.read', 'claims.manage', 'npl.manage', 'credit.figures'],
  agent: ['staff.read', 'pay.readOwn', 'pay.dispute', 'eval.readOwn', 'eval.appeal', 'grades.read', 'conduct.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
