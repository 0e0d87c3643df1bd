import { isInSubtree, wouldCreateCycle, type OrgUnitKind } from '@kehu/domain';
import type { OrgUnit, OrgUnitCreate, OrgUnitUpdate } from '@kehu/contracts';
import type { Db, Executor } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { withDbErrors } from '../../lib/db-errors.ts';
import { auditService } from '../audit/audit.service.ts';
import { orgUnitsRepository } from './org-units.repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof orgUnitsRepository.get>>>;

const toDto = ({ unit: u, staffCount }: Row): OrgUnit => ({
  id: u.id, parentId: u.parentId, code: u.code, name: u.name, kind: u.kind as OrgUnitKind, path: u.path, staffCount, updatedAt: new Date(u.updatedAt).toISOString(),
});

/** The path prefix an actor may see: null for the whole tenant. Own-scope roles see their own unit only. */
function visiblePrefix(actor: Actor, scope: 'own' | 'subtree' | 'tenant'): string | null {
  if (scope === 'tenant') return null;
  return actor.orgPath ?? '/none/';
}

function visible(actor: Actor, scope: 'own' | 'subtree' | 'tenant', path: string): boolean {
  if (scope === 'tenant') return true;
  if (!actor.orgPath) return false;
  return scope === 'subtree' ? isInSubtree(path, actor.orgPath) : path === actor.orgPath;
}

const conflict = (zh: string, en: string) => new AppError('conflict', { message: { 'zh-CN': zh, en } });

export const orgUnitsService = {
  async list(db: Db, actor: Actor): Promise<OrgUnit[]> {
    const scope = authorize(actor, 'org.read');
    const rows = await orgUnitsRepository.list(db, actor.tenantId, visiblePrefix(actor, scope));
    return rows.filter((r) => visible(actor, scope, r.unit.path)).map(toDto);
  },

  async get(db: Executor, actor: Actor, id: number): Promise<OrgUnit> {
    const scope = authorize(actor, 'org.read');
    const row = await orgUnitsRepository.get(db, actor.tenantId, id);
    if (!row || !visible(actor, scope, row.unit.path)) throw notFound();
    return toDto(row);
  },

  /** For other modules: the unit if the actor's scope reaches it, else null. No permission needed beyond the caller's. */
  async findInScope(db: Executor, actor: Actor, id: number, scope: 'own' | 'subtree' | 'tenant'): Promise<{ id: number; name: string; path: string } | null> {
    const row = await orgUnitsRepository.get(db, actor.tenantId, id);
    if (!row) return null;
    if (scope === 'tenant' || (actor.orgPath && isInSubtree(row.unit.path, actor.orgPath))) return { id: row.unit.id, name: row.unit.name, path: row.unit.path };
    return null;
  },

  /** For other modules (imports): units the actor's scope reaches, by code. */
  async byCode(db: Executor, actor: Actor, scope: 'own' | 'subtree' | 'tenant'): Promise<Map<string, { id: number; name: string; path: string }>> {
    const rows = await orgUnitsRepository.list(db, actor.tenantId, scope === 'tenant' ? null : (actor.orgPath ?? '/none/'));
    return new Map(rows.map((r) => [r.unit.code, { id: r.unit.id, name: r.unit.name, path: r.unit.path }]));
  },

  async create(db: Db, actor: Actor, input: OrgUnitCreate): Promise<OrgUnit> {
    authorize(actor, 'org.write');
    return db.transaction(async (tx) => {
      const parent = await orgUnitsRepository.get(tx, actor.tenantId, input.parentId);
      if (!parent) throw new AppError('validation_failed', { fields: [{ path: 'parentId', code: 'not_found', message: { 'zh-CN': '上级机构不存在', en: 'The parent unit does not exist' } }] });
      const unit = await withDbErrors(() => orgUnitsRepository.insert(tx, actor.tenantId, { ...input, parentPath: parent.unit.path }));
      await auditService.record(tx, actor, { action: 'create', entity: 'org_unit', entityId: unit.id, after: unit });
      return toDto({ unit, staffCount: 0 });
    });
  },

  async update(db: Db, actor: Actor, id: number, input: OrgUnitUpdate): Promise<OrgUnit> {
    authorize(actor, 'org.write');
    return db.transaction(async (tx) => {
      const before = await orgUnitsRepository.get(tx, actor.tenantId, id);
      if (!before) throw notFound();
      if (input.parentId !== undefined && input.parentId !== before.unit.parentId) {
        if (before.unit.parentId === null) throw conflict('总部不能移动', 'The root unit cannot be moved');
        const parent = await orgUnitsRepository.get(tx, actor.tenantId, input.parentId);
        if (!parent) throw new AppError('validation_failed', { fields: [{ path: 'parentId', code: 'not_found', message: { 'zh-CN': '上级机构不存在', en: 'The parent unit does not exist' } }] });
        if (wouldCreateCycle(before.unit.path, parent.unit.path)) {
          throw new AppError('validation_failed', { fields: [{ path: 'parentId', code: 'cycle', message: { 'zh-CN': '不能移到自己或下级机构之下', en: 'A unit cannot move under itself or its descendants' } }] });
        }
        await orgUnitsRepository.movePaths(tx, actor.tenantId, before.unit.path, `${parent.unit.path}${id}/`);
      }
      const unit = await withDbErrors(() => orgUnitsRepository.update(tx, actor.tenantId, id, input));
      await auditService.record(tx, actor, { action: 'update', entity: 'org_unit', entityId: id, before: before.unit, after: unit });
      return toDto({ unit, staffCount: before.staffCount });
    });
  },

  async remove(db: Db, actor: Actor, id: number): Promise<void> {
    authorize(actor, 'org.write');
    await db.transaction(async (tx) => {
      const before = await orgUnitsRepository.get(tx, actor.tenantId, id);
      if (!before) throw notFound();
      if (before.unit.parentId === null) throw conflict('总部不能删除', 'The root unit cannot be deleted');
      if (await orgUnitsRepository.childCount(tx, actor.tenantId, id) > 0) throw conflict('该机构下还有下级机构，不能删除', 'This unit still has sub-units');
      if (before.staffCount > 0) throw conflict('该机构下还有员工，不能删除', 'This unit still has staff');
      await withDbErrors(() => orgUnitsRepository.delete(tx, actor.tenantId, id));
      await auditService.record(tx, actor, { action: 'delete', entity: 'org_unit', entityId: id, before: before.unit });
    });
  },
};
