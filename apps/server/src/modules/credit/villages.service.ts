// Credit villages (信用村): rated by the policy thresholds from the loan ledger, re-checked yearly, removed with a reason.
import { DEFAULT_CREDIT_VILLAGE_RULES, isNonPerforming, parsePolicies, rateVillage, recheckDue, villageRatingPolicy, villageRatingPolicyOf, type EligibilityPolicy, type LoanClass } from '@kehu/domain';
import type { Db, Executor } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { businessDate } from '@kehu/domain/business-date';
import { auditService } from '../audit/audit.service.ts';
import { portfolioPolicyRow } from '../customers/customers.rules.ts';
import { creditRepository as repo } from './credit.repository.ts';

export interface VillageRateInput { orgUnitId: number; name: string; households: number; creditHouseholds: number }

// Parsed once per policy text (stored policy rows are never changed).
const parsedRating = new Map<string, EligibilityPolicy | null>();

/**
 * The village-rating document in force on `day`: the one in the tenant's policy text (the rule book
 * HR puts in force, which carries the rural-credit preset's documents), else the shipped preset's.
 */
async function villagePolicyOn(db: Executor, tenantId: number, day: string): Promise<EligibilityPolicy> {
  const row = await portfolioPolicyRow(db, tenantId, day);
  if (row) {
    if (!parsedRating.has(row.document)) parsedRating.set(row.document, villageRatingPolicyOf(parsePolicies(row.document)));
    const p = parsedRating.get(row.document);
    if (p) return p;
  }
  return villageRatingPolicy();
}

const unitPathOf = (actor: Actor, scope: string) => (scope === 'tenant' ? '/' : actor.orgPath ?? '/none/');

export const villagesService = {
  async list(db: Db, actor: Actor) {
    const scope = authorize(actor, 'credit.rate');
    const today = businessDate();
    const rows = await repo.villages(db, actor.tenantId, unitPathOf(actor, scope));
    return { items: rows.map((v) => ({ ...v, recheckDue: v.status !== 'removed' && recheckDue(v.ratedOn, today) })) };
  },

  /**
   * Rates (or re-rates) a village: household counts are entered, the loan figures come from the
   * ledger (loans whose village is this name in this unit): borrowers, borrowers without arrears,
   * NPL stock and new NPLs this year against new loans this year.
   */
  async rate(db: Db, actor: Actor, input: VillageRateInput) {
    const scope = authorize(actor, 'credit.rate');
    const today = businessDate();
    const year = today.slice(0, 4);
    return db.transaction(async (tx) => {
      if (!(await repo.unitInPath(tx, actor.tenantId, input.orgUnitId, unitPathOf(actor, scope)))) throw notFound();
      if (input.creditHouseholds > input.households) throw new AppError('conflict', { message: { 'zh-CN': '信用户数不能超过总户数', en: 'Credit households cannot exceed households' } });
      const ls = await repo.villageLoans(tx, actor.tenantId, input.orgUnitId, input.name);
      const inst = await repo.instalments(tx, actor.tenantId, ls.map((l) => l.id));
      const overdue = new Set(inst.filter((i) => i.dueDate < today && i.paidPrincipalFen < i.principalFen).map((i) => i.loanId));
      const hist = await repo.classHistory(tx, actor.tenantId, ls.map((l) => l.id));
      const newNplLoans = new Set(hist.filter((h) => h.changedOn.startsWith(year) && isNonPerforming(h.toClass as LoanClass) && !(h.fromClass && isNonPerforming(h.fromClass as LoanClass))).map((h) => h.loanId));
      const live = ls.filter((l) => l.balanceFen > 0);
      const borrowers = new Set(live.map((l) => l.customerId));
      const inArrears = new Set(live.filter((l) => overdue.has(l.id) || (l.maturityDate < today)).map((l) => l.customerId));
      const figures = {
        households: input.households, creditHouseholds: input.creditHouseholds,
        borrowingHouseholds: borrowers.size, borrowersWithoutArrears: [...borrowers].filter((c) => !inArrears.has(c)).length,
        loanBalanceFen: live.reduce((s, l) => s + l.balanceFen, 0), nplBalanceFen: live.filter((l) => isNonPerforming(l.loanClass as LoanClass)).reduce((s, l) => s + l.balanceFen, 0),
        newLoansFen: ls.filter((l) => l.startDate.startsWith(year)).reduce((s, l) => s + l.amountFen, 0),
        newNplFen: ls.filter((l) => newNplLoans.has(l.id)).reduce((s, l) => s + l.balanceFen, 0),
      };
      // The thresholds are the policy document's; the engine decides each check and words each failure.
      const r = rateVillage(figures, await villagePolicyOn(tx, actor.tenantId, today), DEFAULT_CREDIT_VILLAGE_RULES);
      const row = await repo.upsertVillage(tx, actor.tenantId, { orgUnitId: input.orgUnitId, name: input.name, households: input.households, status: r.qualifies ? 'rated' : 'failed', ratedOn: today, checks: { figures, checks: r.checks, policy: r.policy }, creditLineFen: r.creditLineFen });
      await auditService.record(tx, actor, { action: 'rate', entity: 'credit_village', entityId: row.id, after: { name: input.name, qualifies: r.qualifies, checks: r.checks, policy: r.policy } });
      return { id: row.id, name: row.name, status: row.status, ratedOn: row.ratedOn, qualifies: r.qualifies, checks: r.checks, figures, creditLineFen: r.creditLineFen, policy: r.policy };
    });
  },

  async remove(db: Db, actor: Actor, id: number, reason: string) {
    const scope = authorize(actor, 'credit.rate');
    return db.transaction(async (tx) => {
      const v = await repo.village(tx, actor.tenantId, id, unitPathOf(actor, scope));
      if (!v) throw notFound();
      if (v.status === 'removed') throw new AppError('conflict', { message: { 'zh-CN': '该信用村已取消', en: 'This credit village has already been removed' } });
      const row = await repo.removeVillage(tx, actor.tenantId, id, businessDate(), reason);
      await auditService.record(tx, actor, { action: 'remove', entity: 'credit_village', entityId: id, before: { status: v.status }, after: { status: 'removed', reason } });
      return { id: row.id, name: row.name, status: row.status, removedOn: row.removedOn, removalReason: row.removalReason };
    });
  },
};
