// Credit households (信用户): rated from the ledger (no arrears, no NPL) and a score, graded by the credit-line table, re-checked yearly, removed with a reason.
import { DEFAULT_CREDIT_VILLAGE_RULES, householdGradesOf, householdLineByPolicy, inCreditVillageLine, householdLinesPolicy, isNonPerforming, rateHousehold, recheckDue, type CreditVillageRules, type LoanClass } from '@kehu/domain';
import type { Household, HouseholdList, HouseholdRate } from '@kehu/contracts';
import type { Db } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { businessDate } from '@kehu/domain/business-date';
import { auditService } from '../audit/audit.service.ts';
import { customerReads } from '../customers/customer-reads.service.ts';
import { creditRepository } from './credit.repository.ts';
import { householdsRepository as repo } from './households.repository.ts';

const unitPathOf = (actor: Actor, scope: string) => (scope === 'tenant' ? '/' : actor.orgPath ?? '/none/');
/** The rules with the grades of the rural-credit preset's credit-line table (the policy engine's document). */
const rulesOfPolicy = (): CreditVillageRules => ({ ...DEFAULT_CREDIT_VILLAGE_RULES, householdGrades: householdGradesOf(householdLinesPolicy()) });
type Row = Awaited<ReturnType<typeof repo.list>>[number];
const dto = (r: Row, today: string): Household => ({
  id: r.h.id, customerNo: r.customerNo, customerName: r.customerName, orgUnitName: r.orgUnitName, villageName: r.villageName, status: r.h.status, grade: r.h.grade || null, score: r.h.score,
  creditLineFen: r.h.creditLineFen, ratedOn: r.h.ratedOn, checks: r.h.checks as Household['checks'], removedOn: r.h.removedOn, removalReason: r.h.removalReason,
  recheckDue: r.h.status !== 'removed' && recheckDue(r.h.ratedOn, today),
});

export const householdsService = {
  async list(db: Db, actor: Actor): Promise<HouseholdList> {
    const scope = authorize(actor, 'credit.rate');
    const today = businessDate();
    return { items: (await repo.list(db, actor.tenantId, unitPathOf(actor, scope))).map((r) => dto(r, today)), grades: [...rulesOfPolicy().householdGrades] };
  },

  /**
   * Rates (or re-rates, the yearly re-check) a household: arrears and NPLs come from its loans on the
   * ledger, the score from the rating form; the grade and credit line from the table, raised inside
   * a rated credit village. A failed rating is kept as such (status failed, no line).
   */
  async rate(db: Db, actor: Actor, input: HouseholdRate): Promise<Household> {
    const scope = authorize(actor, 'credit.rate');
    const today = businessDate();
    const path = unitPathOf(actor, scope);
    return db.transaction(async (tx) => {
      const [c] = await customerReads.byNumberOrIdNo(tx, actor.tenantId, [input.customerNo], [], path);
      if (!c) throw notFound();
      let inVillage = false;
      if (input.villageId) {
        const v = await creditRepository.village(tx, actor.tenantId, input.villageId, path);
        if (!v) throw notFound();
        inVillage = v.status === 'rated';
      }
      const ls = (await repo.loansOf(tx, actor.tenantId, c.id)).filter((l) => l.balanceFen > 0);
      const inst = await creditRepository.instalments(tx, actor.tenantId, ls.map((l) => l.id));
      const hasArrears = ls.some((l) => l.maturityDate < today) || inst.some((i) => i.dueDate < today && i.paidPrincipalFen < i.principalFen);
      const hasNpl = ls.some((l) => isNonPerforming(l.loanClass as LoanClass));
      const figures = { hasArrears, hasNpl, ratingScore: input.score };
      const rules = rulesOfPolicy();
      const r = rateHousehold(figures, rules, inVillage);
      // The line itself comes from the policy engine evaluating the credit-line table; a rated credit village raises it.
      const engine = householdLineByPolicy(householdLinesPolicy(), figures);
      const creditLineFen = inVillage ? inCreditVillageLine(engine.creditLineFen, rules) : engine.creditLineFen;
      const row = await repo.upsert(tx, actor.tenantId, {
        customerId: c.id, villageId: input.villageId ?? null, status: r.qualifies ? 'rated' : 'failed', ratedOn: today, creditLineFen, grade: r.grade ?? '', score: input.score, checks: r.checks,
      });
      await auditService.record(tx, actor, { action: 'rate', entity: 'credit_household', entityId: row.id, after: { customerNo: c.customerNo, score: input.score, grade: r.grade, creditLineFen, reasons: r.reasons, policy: { id: 'rural-credit-household-lines', note: engine.note } } });
      const [out] = (await repo.list(tx, actor.tenantId, path)).filter((x) => x.h.id === row.id);
      return dto(out!, today);
    });
  },

  async remove(db: Db, actor: Actor, id: number, reason: string): Promise<Household> {
    const scope = authorize(actor, 'credit.rate');
    const today = businessDate();
    const path = unitPathOf(actor, scope);
    return db.transaction(async (tx) => {
      const h = await repo.byId(tx, actor.tenantId, id, path);
      if (!h) throw notFound();
      if (h.status === 'removed') throw new AppError('conflict', { message: { 'zh-CN': '该信用户已取消', en: 'This credit household has already been removed' } });
      await repo.remove(tx, actor.tenantId, id, today, reason);
      await auditService.record(tx, actor, { action: 'remove', entity: 'credit_household', entityId: id, before: { status: h.status, creditLineFen: h.creditLineFen }, after: { status: 'removed', reason } });
      const [out] = (await repo.list(tx, actor.tenantId, path)).filter((x) => x.h.id === id);
      return dto(out!, today);
    });
  },
};
