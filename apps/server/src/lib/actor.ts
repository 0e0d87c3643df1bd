import { can, ROLE_SCOPE, type DataScope, type Permission, type Role } from '@kehu/domain';
import { AppError } from '../errors/app-error.ts';

/** Who is acting: resolved from the session by the auth plugin and passed to every service call. */
export interface Actor {
  userId: number;
  tenantId: number;
  role: Role;
  displayName: string;
  login: string;
  /** The org unit the user belongs to, and its materialised path (for subtree scope). */
  orgUnitId: number | null;
  orgPath: string | null;
  staffId: number | null;
  ip: string | null;
}

/** The first line of every service method: refuses (403) unless the actor's role has the permission. */
export function authorize(actor: Actor, permission: Permission): DataScope {
  if (!can(actor.role, permission)) throw new AppError('forbidden');
  return ROLE_SCOPE[actor.role];
}

/** A system actor for seeding and the CLI. */
export function systemActor(tenantId: number): Actor {
  return { userId: 0, tenantId, role: 'sysadmin', displayName: '系统 / system', login: 'system', orgUnitId: null, orgPath: null, staffId: null, ip: null };
}
