import { retentionRate, selectBigCustomers } from '@kehu/domain';
import type { BigCustomerReport } from '@kehu/contracts';
import type { Db, Executor } from '@kehu/db';
import { authorize, type Actor } from '../../lib/actor.ts';
import { auditService } from '../audit/audit.service.ts';
import { customersMetricsRepository as repo } from './customers-metrics.repository.ts';
import { portfolioRules } from './customers.rules.ts';
import { fieldError } from './customers.service.ts';

async function ranking(db: Executor, actor: Actor, unitPath: string | null): Promise<BigCustomerReport> {
  const rows = await repo.consumption(db, actor.tenantId, unitPath);
  const rules = await portfolioRules(db, actor.tenantId);
  const { ids, tiedAtCut } = selectBigCustomers(rows, rules);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chosen = new Set(ids);
  return {
    topN: rules.bigCustomerTopN, tiedAtCut,
    items: ids.map((id, i) => { const r = byId.get(id)!; return { customerId: id, customerNo: r.customerNo, name: r.name, consumption: r.consumption, rank: i + 1, flagged: r.bigCustomer }; }),
    toFlag: ids.filter((id) => !byId.get(id)!.bigCustomer),
    toUnflag: rows.filter((r) => r.bigCustomer && !chosen.has(r.id)).map((r) => r.id),
  };
}

export const customersMetricsService = {
  /**
   * Retention per manager: customers held in both periods ÷ customers held in the first
   * (tobacco evaluation rules: 客户保有率). Periods are inclusive date ranges.
   */
  async retention(db: Db, actor: Actor, q: { firstFrom: string; firstTo: string; secondFrom: string; secondTo: string }) {
    const scope = authorize(actor, 'compliance.read');
    if (q.firstFrom > q.firstTo) throw fieldError('firstTo', '期间结束不能早于开始', 'A period cannot end before it starts');
    if (q.secondFrom > q.secondTo) throw fieldError('secondTo', '期间结束不能早于开始', 'A period cannot end before it starts');
    const f = scope === 'own' ? { staffId: actor.staffId ?? -1 } : scope === 'subtree' ? { unitPath: actor.orgPath ?? '/none/' } : {};
    const [first, second] = await Promise.all([
      repo.heldDuring(db, actor.tenantId, { ...f, from: q.firstFrom, to: q.firstTo }),
      repo.heldDuring(db, actor.tenantId, { ...f, from: q.secondFrom, to: q.secondTo }),
    ]);
    const names = new Map([...first, ...second].map((r) => [r.staffId, r.name]));
    const of = (rows: typeof first, id: number) => rows.filter((r) => r.staffId === id).map((r) => r.customerId);
    return { items: [...names.entries()].map(([staffId, name]) => ({ staffId, name, ...retentionRate(of(first, staffId), of(second, staffId)) })) };
  },

  /** The big-customer selection the policy makes over the actor's scope, against the current flags. */
  async bigCustomers(db: Db, actor: Actor): Promise<BigCustomerReport> {
    const scope = authorize(actor, 'customers.assign');
    return ranking(db, actor, scope === 'tenant' ? null : (actor.orgPath ?? '/none/'));
  },

  /** Marks exactly the selected customers as big customers (and unmarks the rest), with an audit row. */
  async applyBigCustomers(db: Db, actor: Actor): Promise<BigCustomerReport> {
    const scope = authorize(actor, 'customers.assign');
    return db.transaction(async (tx) => {
      const r = await ranking(tx, actor, scope === 'tenant' ? null : (actor.orgPath ?? '/none/'));
      await repo.setBigCustomer(tx, actor.tenantId, r.toFlag, true);
      await repo.setBigCustomer(tx, actor.tenantId, r.toUnflag, false);
      await auditService.record(tx, actor, { action: 'select_big_customers', entity: 'customer', entityId: null, after: { flagged: r.toFlag, unflagged: r.toUnflag, tiedAtCut: r.tiedAtCut } });
      return ranking(tx, actor, scope === 'tenant' ? null : (actor.orgPath ?? '/none/'));
    });
  },
};
