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
  { path: '/compliance', label: 'nav.compliance', permission: 'compliance.read' },
  { path: '/complaints', label: 'nav.complaints', permission: 'complaints.read' },
  { path: '/surveys', label: 'nav.surveys', permission: 'ratings.read' },
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
