// High-risk ledger (高风险台账): violations (违规), related guarantees (关联担保), concentrated loans (贷款集中), with the actions taken until closed.
import type { DataScope } from '@kehu/domain';
import type { RiskActionCreate, RiskItem, RiskItemCreate } from '@kehu/contracts';
import type { Db, Executor } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { businessDate } from '@kehu/domain/business-date';
import { auditService } from '../audit/audit.service.ts';
import { creditRepository } from './credit.repository.ts';
import { riskLedgerRepository as repo, type RiskScope } from './risk-ledger.repository.ts';

const conflict = (zh: string, en: string) => new AppError('conflict', { message: { 'zh-CN': zh, en } });

function scopeOf(actor: Actor, scope: DataScope): RiskScope & { staffId?: number; unitPath?: string } {
  if (scope === 'own') return { staffId: actor.staffId ?? -1 };
  if (scope === 'subtree') return { unitPath: actor.orgPath ?? '/none/' };
  return {};
}

async function load(db: Executor, actor: Actor, scope: DataScope, f: { status: 'open' | 'closed' | 'all'; id?: number }): Promise<RiskItem[]> {
  const rows = await repo.items(db, actor.tenantId, scopeOf(actor, scope), f);
  const acts = await repo.actions(db, actor.tenantId, rows.map((r) => r.item.id));
  return rows.map((r) => ({
    id: r.item.id, loanId: r.item.loanId, loanNo: r.loanNo, customerName: r.customerName, orgUnitName: r.orgUnitName, managerName: r.managerName,
    kind: r.item.kind as RiskItem['kind'], description: r.item.description, openedOn: r.item.openedOn, closedOn: r.item.closedOn, closedNote: r.item.closedNote, balanceFen: r.balanceFen,
    actions: acts.filter((a) => a.a.riskItemId === r.item.id).map((a) => ({ id: a.a.id, actionDate: a.a.actionDate, action: a.a.action, staffName: a.staffName })),
  }));
}

async function one(db: Executor, actor: Actor, scope: DataScope, id: number): Promise<RiskItem> {
  const [item] = await load(db, actor, scope, { status: 'all', id });
  if (!item) throw notFound();
  return item;
}

export const riskLedgerService = {
  async list(db: Db, actor: Actor, q: { status: 'open' | 'closed' | 'all' }): Promise<{ items: RiskItem[] }> {
    const scope = authorize(actor, 'loans.read');
    return { items: await load(db, actor, scope, q) };
  },

  /** Enters a loan in the ledger: its borrower, unit and managing manager come from the loan (which must be in scope). */
  async create(db: Db, actor: Actor, input: RiskItemCreate): Promise<RiskItem> {
    const scope = authorize(actor, 'npl.manage');
    return db.transaction(async (tx) => {
      const [l] = await creditRepository.loans(tx, actor.tenantId, scope === 'own' ? { staffId: actor.staffId ?? -1 } : scope === 'subtree' ? { unitPath: actor.orgPath ?? '/none/' } : {}, { ids: [input.loanId] });
      if (!l) throw notFound();
      const openedOn = input.openedOn ?? businessDate();
      if (openedOn > businessDate()) throw conflict('登记日期不能晚于今天', 'The date cannot lie in the future');
      const row = await repo.insert(tx, actor.tenantId, {
        loanId: l.loan.id, customerId: l.loan.customerId, orgUnitId: l.loan.orgUnitId, managerStaffId: l.loan.managerStaffId, kind: input.kind, description: input.description, openedOn,
      });
      await auditService.record(tx, actor, { action: 'create', entity: 'risk_item', entityId: row.id, after: { loanNo: l.loan.loanNo, kind: row.kind, description: row.description } });
      return one(tx, actor, scope, row.id);
    });
  },

  /** Records an action taken (措施); a closed item takes no more. */
  async addAction(db: Db, actor: Actor, id: number, input: RiskActionCreate): Promise<RiskItem> {
    const scope = authorize(actor, 'npl.manage');
    return db.transaction(async (tx) => {
      const item = await one(tx, actor, scope, id);
      if (item.closedOn) throw conflict('该事项已销号，不能再登记措施', 'This item is closed; no more actions can be recorded');
      if (input.actionDate > businessDate() || input.actionDate < item.openedOn) throw conflict('措施日期应在登记日期与今天之间', 'The action date must lie between the opening date and today');
      const a = await repo.insertAction(tx, actor.tenantId, { riskItemId: id, actionDate: input.actionDate, action: input.action, staffId: actor.staffId });
      await auditService.record(tx, actor, { action: 'create', entity: 'risk_item_action', entityId: a.id, after: { riskItemId: id, ...input } });
      return one(tx, actor, scope, id);
    });
  },

  /** Closes (销号) an item with the outcome; only a supervisor closes, and only once an action is on record. */
  async close(db: Db, actor: Actor, id: number, note: string): Promise<RiskItem> {
    const scope = authorize(actor, 'loans.write');
    return db.transaction(async (tx) => {
      const item = await one(tx, actor, scope, id);
      if (item.closedOn) throw conflict('该事项已销号', 'This item is already closed');
      if (!item.actions.length) throw conflict('请先登记采取的措施再销号', 'Record the action taken before closing');
      const on = businessDate();
      await repo.close(tx, actor.tenantId, id, on, note);
      await auditService.record(tx, actor, { action: 'close', entity: 'risk_item', entityId: id, before: { closedOn: null }, after: { closedOn: on, note } });
      return one(tx, actor, scope, id);
    });
  },
};
