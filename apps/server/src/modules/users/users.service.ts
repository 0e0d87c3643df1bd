import type { Role } from '@kehu/domain';
import type { User, UserCreate, UserUpdate } from '@kehu/contracts';
import type { Db } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { withDbErrors } from '../../lib/db-errors.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { auditService } from '../audit/audit.service.ts';
import { orgUnitsService } from '../org-units/org-units.service.ts';
import { staffService } from '../staff/staff.service.ts';
import { usersRepository, type UserRow } from './users.repository.ts';

const toDto = (u: UserRow): User => ({
  id: u.id, login: u.login, displayName: u.displayName, role: u.role as Role, orgUnitId: u.orgUnitId, staffId: u.staffId, disabled: u.disabled,
  lastSignInAt: u.lastSignInAt ? new Date(u.lastSignInAt).toISOString() : null,
});
const auditView = (u: UserRow) => ({ login: u.login, displayName: u.displayName, role: u.role, orgUnitId: u.orgUnitId, staffId: u.staffId, disabled: u.disabled });

async function checkLinks(db: Db, actor: Actor, v: { orgUnitId?: number | null; staffId?: number | null }) {
  if (v.orgUnitId && !(await orgUnitsService.findInScope(db, actor, v.orgUnitId, 'tenant'))) {
    throw new AppError('validation_failed', { fields: [{ path: 'orgUnitId', code: 'not_found', message: { 'zh-CN': '机构不存在', en: 'No such unit' } }] });
  }
  if (v.staffId) await staffService.get(db, actor, v.staffId).catch(() => {
    throw new AppError('validation_failed', { fields: [{ path: 'staffId', code: 'not_found', message: { 'zh-CN': '员工不存在', en: 'No such staff member' } }] });
  });
}

export const usersService = {
  async list(db: Db, actor: Actor): Promise<User[]> {
    authorize(actor, 'users.manage');
    return (await usersRepository.list(db, actor.tenantId)).map(toDto);
  },

  async create(db: Db, actor: Actor, input: UserCreate): Promise<User> {
    authorize(actor, 'users.manage');
    await checkLinks(db, actor, input);
    const passwordHash = await hashPassword(input.password);
    return db.transaction(async (tx) => {
      const u = await withDbErrors(() => usersRepository.insert(tx, { tenantId: actor.tenantId, login: input.login, displayName: input.displayName, role: input.role, orgUnitId: input.orgUnitId, staffId: input.staffId, passwordHash }));
      await auditService.record(tx, actor, { action: 'create', entity: 'user', entityId: u.id, after: auditView(u) });
      return toDto(u);
    });
  },

  async update(db: Db, actor: Actor, id: number, input: UserUpdate): Promise<User> {
    authorize(actor, 'users.manage');
    await checkLinks(db, actor, input);
    const { password, ...rest } = input;
    const passwordHash = password ? await hashPassword(password) : undefined;
    return db.transaction(async (tx) => {
      const before = await usersRepository.get(tx, actor.tenantId, id);
      if (!before) throw notFound();
      if (id === actor.userId && (input.disabled || (input.role && input.role !== before.role))) {
        throw new AppError('conflict', { message: { 'zh-CN': '不能停用自己或修改自己的角色', en: 'You cannot disable yourself or change your own role' } });
      }
      const u = await usersRepository.update(tx, actor.tenantId, id, { ...rest, ...(passwordHash ? { passwordHash, failedSignIns: 0, lockedUntil: null } : {}) });
      await auditService.record(tx, actor, { action: password ? 'update_with_password' : 'update', entity: 'user', entityId: id, before: auditView(before), after: auditView(u) });
      return toDto(u);
    });
  },
};
