import type { TerritoryCreate, TerritoryUpdate } from '@kehu/contracts';
import type { Db, Executor } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { businessDate } from '@kehu/domain/business-date';
import { withDbErrors } from '../../lib/db-errors.ts';
import { auditService } from '../audit/audit.service.ts';
import { orgUnitsService } from '../org-units/org-units.service.ts';
import { customersRepository } from './customers.repository.ts';
import { fieldError } from './customers.service.ts';
import { territoriesRepository as repo } from './territories.repository.ts';

type Listed = Awaited<ReturnType<typeof repo.list>>[number];
const toDto = ({ t, orgUnitName, customers }: Pick<Listed, 't' | 'orgUnitName'> & { customers: number }) =>
  ({ id: t.id, orgUnitId: t.orgUnitId, orgUnitName, code: t.code, name: t.name, customers });

/** A territory the actor's scope reaches (its unit in the actor's subtree); else not found. */
async function loadInScope(db: Executor, actor: Actor, scope: 'own' | 'subtree' | 'tenant', id: number) {
  const row = await repo.get(db, actor.tenantId, id);
  if (!row || (scope !== 'tenant' && !(actor.orgPath && row.orgPath.startsWith(actor.orgPath)))) throw notFound();
  return row;
}

/** Territories (管片): a unit's customers grouped by area; the customer list filters by them. */
export const territoriesService = {
  async list(db: Db, actor: Actor) {
    const scope = authorize(actor, 'customers.read');
    const rows = await repo.list(db, actor.tenantId, scope === 'tenant' ? null : (actor.orgPath ?? '/none/'));
    return rows.map(toDto);
  },

  async create(db: Db, actor: Actor, input: TerritoryCreate) {
    const scope = authorize(actor, 'territories.manage');
    return db.transaction(async (tx) => {
      const unit = await orgUnitsService.findInScope(tx, actor, input.orgUnitId, scope === 'own' ? 'subtree' : scope);
      if (!unit) throw fieldError('orgUnitId', '所属机构不存在或不在您的管理范围内', 'The unit does not exist or is outside your scope');
      const t = await withDbErrors(() => customersRepository.insertTerritory(tx, actor.tenantId, input));
      await auditService.record(tx, actor, { action: 'create', entity: 'territory', entityId: t.id, after: { orgUnitId: t.orgUnitId, code: t.code, name: t.name } });
      return toDto({ t, orgUnitName: unit.name, customers: 0 });
    });
  },

  async update(db: Db, actor: Actor, id: number, input: TerritoryUpdate) {
    const scope = authorize(actor, 'territories.manage');
    await db.transaction(async (tx) => {
      const before = await loadInScope(tx, actor, scope, id);
      const after = await withDbErrors(() => repo.update(tx, actor.tenantId, id, input));
      if (!after) throw notFound();
      await auditService.record(tx, actor, { action: 'update', entity: 'territory', entityId: id, before: { code: before.t.code, name: before.t.name }, after: { code: after.code, name: after.name } });
    });
    return this.one(db, actor, id, scope);
  },

  /** One territory as the list shows it, for the caller that just changed it (its own permission already checked). */
  async one(db: Db, actor: Actor, id: number, scope: 'own' | 'subtree' | 'tenant') {
    const t = (await repo.list(db, actor.tenantId, scope === 'tenant' ? null : (actor.orgPath ?? '/none/'))).find((x) => x.t.id === id);
    if (!t) throw notFound();
    return toDto(t);
  },

  /**
   * Puts customers into a territory, all or none: each must be one the actor reaches and
   * belong to the territory's unit or a unit below it.
   */
  async assign(db: Db, actor: Actor, id: number, customerIds: number[]) {
    const scope = authorize(actor, 'customers.assign');
    await db.transaction(async (tx) => {
      const terr = await loadInScope(tx, actor, scope, id);
      const ids = [...new Set(customerIds)];
      const found = new Map((await repo.customers(tx, actor.tenantId, ids)).map((c) => [c.id, c]));
      for (const [n, cid] of customerIds.entries()) {
        const c = found.get(cid);
        // customers.assign is a supervisor's (subtree) or tenant-wide permission: the unit decides the reach.
        if (!c || (scope !== 'tenant' && !(actor.orgPath && c.orgPath.startsWith(actor.orgPath)))) throw fieldError(`customerIds.${n}`, '客户不存在或不在您的管理范围内', 'No such customer in your scope');
        if (!c.orgPath.startsWith(terr.orgPath)) throw fieldError(`customerIds.${n}`, '客户不属于该管片所在机构', 'The customer does not belong to the territory’s unit');
      }
      await repo.setTerritory(tx, actor.tenantId, ids, id);
      await auditService.record(tx, actor, {
        action: 'assign_territory', entity: 'territory', entityId: id,
        after: { customers: ids.map((cid) => ({ customerId: cid, from: found.get(cid)!.territoryId, to: id })), on: businessDate() },
      });
    });
    return this.one(db, actor, id, scope);
  },

  /**
   * Takes customers out of a territory, all or none: each must be one the actor reaches and be in
   * this territory. They are left without a territory.
   */
  async unassign(db: Db, actor: Actor, id: number, customerIds: number[]) {
    const scope = authorize(actor, 'customers.assign');
    await db.transaction(async (tx) => {
      await loadInScope(tx, actor, scope, id);
      const ids = [...new Set(customerIds)];
      const found = new Map((await repo.customers(tx, actor.tenantId, ids)).map((c) => [c.id, c]));
      for (const [n, cid] of customerIds.entries()) {
        const c = found.get(cid);
        if (!c || (scope !== 'tenant' && !(actor.orgPath && c.orgPath.startsWith(actor.orgPath)))) throw fieldError(`customerIds.${n}`, '客户不存在或不在您的管理范围内', 'No such customer in your scope');
        if (c.territoryId !== id) throw fieldError(`customerIds.${n}`, '客户不在该管片中', 'The customer is not in this territory');
      }
      await repo.setTerritory(tx, actor.tenantId, ids, null);
      await auditService.record(tx, actor, {
        action: 'unassign_territory', entity: 'territory', entityId: id,
        after: { customers: ids.map((cid) => ({ customerId: cid, from: id, to: null })), on: businessDate() },
      });
    });
    return this.one(db, actor, id, scope);
  },

  /**
   * Deletes a territory; its customers become unassigned to a territory. Refused (409) when the
   * territory now holds a different number of active customers than the caller confirmed, so
   * customers put in meanwhile are not dropped unseen.
   */
  async remove(db: Db, actor: Actor, id: number, confirmedCustomers: number): Promise<void> {
    const scope = authorize(actor, 'territories.manage');
    await db.transaction(async (tx) => {
      const row = await loadInScope(tx, actor, scope, id);
      const active = await repo.activeCount(tx, actor.tenantId, id);
      if (active !== confirmedCustomers) {
        const message = {
          'zh-CN': `该管片现有 ${active} 户客户，与确认的 ${confirmedCustomers} 户不符，请刷新后再删除`,
          en: `The territory now holds ${active} customers, not the ${confirmedCustomers} confirmed; refresh and delete again`,
        };
        throw new AppError('conflict', { message, fields: [{ path: 'customers', code: 'territory.customers_changed', message }] });
      }
      const released = await repo.clearTerritory(tx, actor.tenantId, id);
      await repo.remove(tx, actor.tenantId, id);
      await auditService.record(tx, actor, {
        action: 'delete', entity: 'territory', entityId: id,
        before: { orgUnitId: row.t.orgUnitId, code: row.t.code, name: row.t.name, customerIds: released },
      });
    });
  },
};
