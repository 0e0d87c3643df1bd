import {
  addDays, maskIdCard, maskPhone, peakShare, staffingExcess, validateShares, visitSchedule, effectiveDateProblem,
  type AssignmentRole, type CreditRating, type CustomerKind, type CustomerStatus, type DataScope,
} from '@kehu/domain';
import type {
  Assignment, AssignmentSet, Customer, CustomerCreate, CustomerQuery, CustomerUpdate, HistoryEntry,
} from '@kehu/contracts';
import type { Db, Executor } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { businessDate } from '@kehu/domain/business-date';
import { withDbErrors } from '../../lib/db-errors.ts';
import { auditService } from '../audit/audit.service.ts';
import { orgUnitsService } from '../org-units/org-units.service.ts';
import { customersRepository as repo, type CustomerRow, type CustomerScope, type ManagerJson } from './customers.repository.ts';
import { portfolioRules } from './customers.rules.ts';
import { requiredMonthsSql } from './visit-rules.sql.ts';

export const fieldError = (path: string, zh: string, en: string) => new AppError('validation_failed', { fields: [{ path, code: 'invalid', message: { 'zh-CN': zh, en } }] });

export function toScope(actor: Actor, scope: DataScope, today: string): CustomerScope {
  switch (scope) {
    case 'tenant': return { kind: 'tenant' };
    case 'subtree': return { kind: 'subtree', path: actor.orgPath ?? '/none/' };
    case 'own': return { kind: 'own', staffId: actor.staffId, today };
  }
}

type Loaded = NonNullable<Awaited<ReturnType<typeof repo.get>>>;
type AssignmentJoined = Awaited<ReturnType<typeof repo.assignments>>[number];

export const toAssignment = ({ a, staffName }: AssignmentJoined): Assignment => ({
  id: a.id, customerId: a.customerId, staffId: a.staffId, staffName, role: a.role as AssignmentRole, share: String(Number(a.share)),
  validFrom: a.validFrom, validTo: a.validTo,
});

/** A customer in scope: for own scope, one the manager holds today. Out of scope answers like missing. */
async function loadInScope(db: Executor, actor: Actor, scope: DataScope, id: number, today: string): Promise<Loaded> {
  const row = await repo.get(db, actor.tenantId, id);
  if (!row) throw notFound();
  if (scope === 'tenant') return row;
  if (scope === 'subtree') {
    if (actor.orgPath && row.orgPath.startsWith(actor.orgPath)) return row;
    throw notFound();
  }
  if (actor.staffId && await repo.isAssigned(db, actor.tenantId, id, actor.staffId, today)) return row;
  throw notFound();
}

/** ID numbers and phones are whole only for the manager who holds the customer. */
async function toDtos(db: Executor, actor: Actor, rows: { customer: CustomerRow; orgUnitName: string; managers?: ManagerJson[]; lastVisit?: string | null }[], today: string): Promise<Customer[]> {
  // List rows come with their managers and last visit; single rows (create, update, get) load them here.
  const loaded = rows.every((r) => r.managers !== undefined && r.lastVisit !== undefined);
  const ids = loaded ? [] : rows.map((r) => r.customer.id);
  const [assigned, last] = await Promise.all([repo.assignments(db, actor.tenantId, ids, today), repo.lastVisits(db, actor.tenantId, ids)]);
  const rules = await portfolioRules(db, actor.tenantId, today);
  return rows.map(({ customer: c, orgUnitName, ...extra }) => {
    const managers = loaded
      ? extra.managers!.map((m) => ({ ...m, role: m.role as AssignmentRole, share: String(Number(m.share)) }))
      : assigned.filter((x) => x.a.customerId === c.id).map(toAssignment);
    const owner = actor.staffId !== null && managers.some((m) => m.staffId === actor.staffId) && authorizeSoft(actor);
    const since = managers.length ? managers.map((m) => m.validFrom).sort()[0]! : c.createdAt.slice(0, 10);
    const lastVisit = loaded ? (extra.lastVisit ?? null) : (last.get(c.id) ?? null);
    const sched = visitSchedule({ subject: c, lastVisit, since, today }, rules);
    return {
      id: c.id, orgUnitId: c.orgUnitId, orgUnitName, territoryId: c.territoryId, customerNo: c.customerNo, name: c.name,
      kind: c.kind as CustomerKind, segment: c.segment as Customer['segment'],
      idNo: owner ? c.idNo : maskIdCard(c.idNo), phone: owner || !c.phone ? c.phone : maskPhone(c.phone), address: c.address,
      loanBalanceFen: c.loanBalanceFen, depositBalanceFen: c.depositBalanceFen, problemLoan: c.problemLoan, bigCustomer: c.bigCustomer,
      permanent: c.permanent, consumption: c.consumption, visitMonthsOverride: c.visitMonthsOverride, creditRating: c.creditRating as CreditRating,
      classification: c.classification, archive: c.archive as Record<string, unknown>, status: c.status as CustomerStatus, managers,
      lastVisit, visitStatus: sched.status, visitDueDate: sched.dueDate, version: c.version, updatedAt: new Date(c.updatedAt).toISOString(),
    };
  });
}

function authorizeSoft(actor: Actor): boolean {
  try { authorize(actor, 'customers.readIdNo'); return true; } catch { return false; }
}

const auditView = (c: CustomerRow) => {
  const { tenantId: _t, createdAt: _c, updatedAt: _u, ...rest } = c;
  return rest;
};

async function unitInScope(db: Executor, actor: Actor, scope: DataScope, orgUnitId: number) {
  const unit = await orgUnitsService.findInScope(db, actor, orgUnitId, scope === 'own' ? 'subtree' : scope);
  if (!unit) throw fieldError('orgUnitId', '所属机构不存在或不在您的管理范围内', 'The unit does not exist or is outside your scope');
  return unit;
}

async function checkTerritory(db: Executor, actor: Actor, territoryId: number | null | undefined) {
  if (territoryId && !(await repo.territory(db, actor.tenantId, territoryId))) throw fieldError('territoryId', '管片不存在', 'No such territory');
}

/** Staff the actor may assign customers to: active people of the actor's unit subtree. */
async function staffInScope(db: Executor, actor: Actor, ids: number[]) {
  const rows = await repo.staffIn(db, actor.tenantId, { ids, unitPath: actor.orgPath ?? '/none/' });
  return new Map(rows.filter((r) => r.status !== 'left').map((r) => [r.id, r]));
}

const shareMessages = {
  format: ['比例应为0到100之间、最多两位小数的百分数', 'A share is a percentage up to 100 with at most two decimals'],
  not_positive: ['比例必须大于0', 'A share must be above 0'],
  over_100: ['比例不能超过100%', 'A share cannot exceed 100%'],
  sum_over_100: ['同一时期的管户比例合计不能超过100%', 'Shares in force at the same time cannot add up to more than 100%'],
} as const;

export function checkShares(shares: string[], path: (i: number) => string): void {
  const bad = validateShares(shares);
  if (!bad) return;
  const [zh, en] = shareMessages[bad.problem];
  throw fieldError(bad.index >= 0 ? path(bad.index) : 'items', zh, en);
}

/** Refuses an effective date the tenant's portfolio policy does not allow (back-dating, 倒签). */
export async function checkEffectiveDate(db: Executor, tenantId: number, effective: string, today: string): Promise<void> {
  const rules = await portfolioRules(db, tenantId, today);
  const p = effectiveDateProblem(effective, today, rules);
  if (p === 'backdating_not_allowed') throw fieldError('effectiveDate', '本制度不允许倒签', 'The policy does not allow back-dating');
  if (p === 'too_far_back') throw fieldError('effectiveDate', `生效日期最多可倒签 ${rules.maxBackdateDays} 天`, `The effective date may lie at most ${rules.maxBackdateDays} days back`);
}

export const customersService = {
  async list(db: Db, actor: Actor, q: CustomerQuery) {
    const scope = authorize(actor, 'customers.read');
    const today = businessDate();
    // A manager looking for customers to claim sees the unassigned customers of their own unit.
    const unassigned = q.unassigned === 'true';
    const s: CustomerScope = unassigned && scope === 'own' ? { kind: 'subtree', path: actor.orgPath ?? '/none/' } : toScope(actor, scope, today);
    let unitPath: string | undefined;
    if (q.orgUnitId) unitPath = (await orgUnitsService.findInScope(db, actor, q.orgUnitId, scope === 'own' ? 'subtree' : scope))?.path ?? '/none/';
    const plain = !q.q && !q.orgUnitId && !q.staffId && !q.kind && !q.territoryId && !unassigned;
    const { items, total } = plain && s.kind === 'own' && s.staffId !== null
      ? await repo.ownPage(db, actor.tenantId, s.staffId, today, q.page, q.pageSize)
      : await repo.page(db, actor.tenantId, s, { ...q, unitPath, unassigned, today });
    return { items: await toDtos(db, actor, items, today), total, page: q.page, pageSize: q.pageSize };
  },

  async get(db: Executor, actor: Actor, id: number): Promise<Customer> {
    const scope = authorize(actor, 'customers.read');
    const today = businessDate();
    const row = await loadInScope(db, actor, scope, id, today);
    return (await toDtos(db, actor, [row], today))[0]!;
  },

  /**
   * For other modules: the customer if the actor's scope reaches it (own scope: held today),
   * else null. The caller has already checked its own permission.
   */
  async findInScope(db: Executor, actor: Actor, id: number, scope: DataScope): Promise<{ id: number; name: string; orgUnitId: number; orgPath: string } | null> {
    try {
      const r = await loadInScope(db, actor, scope, id, businessDate());
      return { id: r.customer.id, name: r.customer.name, orgUnitId: r.customer.orgUnitId, orgPath: r.orgPath };
    } catch (e) {
      if (e instanceof AppError && e.code === 'not_found') return null;
      throw e;
    }
  },

  /** For other modules: who manages the customer today, main manager first (role "manage", then the largest share). */
  async managersOf(db: Executor, actor: Actor, customerId: number): Promise<Assignment[]> {
    const rows = (await repo.assignments(db, actor.tenantId, [customerId], businessDate())).map(toAssignment);
    return rows.sort((a, b) => Number(b.role === 'manage') - Number(a.role === 'manage') || Number(b.share) - Number(a.share) || a.id - b.id);
  },

  /** For other modules (visits, compliance): assignments in force with the facts the visit schedule needs. */
  scheduleRows(db: Executor, actor: Actor, f: { staffIds?: number[]; unitPath?: string; today: string }) {
    return repo.scheduleRows(db, actor.tenantId, f);
  },

  /**
   * For other modules (compliance): per manager (staffId set) and per unit (staffId null) on `day`,
   * distinct customers, assignments that need visits and those overdue, by the tenant's policy, in SQL.
   */
  async complianceCounts(db: Executor, actor: Actor, f: { staffIds?: number[]; unitPath?: string; day: string }) {
    const rules = await portfolioRules(db, actor.tenantId, f.day);
    return repo.complianceCounts(db, actor.tenantId, { ...f, requiredMonths: requiredMonthsSql(rules) });
  },

  /** For other modules: staff of a unit subtree, or the listed ones, with their units. */
  staffIn(db: Executor, actor: Actor, f: { unitPath?: string; ids?: number[] }) {
    return repo.staffIn(db, actor.tenantId, f);
  },

  async create(db: Db, actor: Actor, input: CustomerCreate): Promise<Customer> {
    const scope = authorize(actor, 'customers.create');
    return db.transaction(async (tx) => {
      const unit = await unitInScope(tx, actor, scope, input.orgUnitId);
      await checkTerritory(tx, actor, input.territoryId);
      const row = await withDbErrors(() => repo.insert(tx, actor.tenantId, input));
      await auditService.record(tx, actor, { action: 'create', entity: 'customer', entityId: row.id, after: auditView(row) });
      return (await toDtos(tx, actor, [{ customer: row, orgUnitName: unit.name }], businessDate()))[0]!;
    });
  },

  async update(db: Db, actor: Actor, id: number, input: CustomerUpdate): Promise<Customer> {
    const scope = authorize(actor, 'customers.write');
    const today = businessDate();
    return db.transaction(async (tx) => {
      const before = await loadInScope(tx, actor, scope, id, today);
      const { version, ...changes } = input;
      const unit = changes.orgUnitId !== undefined ? await unitInScope(tx, actor, scope === 'own' ? 'subtree' : scope, changes.orgUnitId) : { name: before.orgUnitName };
      await checkTerritory(tx, actor, changes.territoryId);
      const row = await withDbErrors(() => repo.update(tx, actor.tenantId, id, version, changes));
      if (!row) throw new AppError('stale_version', { details: { currentVersion: before.customer.version } });
      await auditService.record(tx, actor, { action: 'update', entity: 'customer', entityId: id, before: auditView(before.customer), after: auditView(row) });
      return (await toDtos(tx, actor, [{ customer: row, orgUnitName: unit.name }], today))[0]!;
    });
  },

  async history(db: Db, actor: Actor, id: number): Promise<HistoryEntry[]> {
    await this.get(db, actor, id);
    return auditService.history(db, actor, 'customer', id);
  },

  /** Every assignment the customer ever had, newest first: the history of who managed it. */
  async assignments(db: Db, actor: Actor, id: number): Promise<Assignment[]> {
    const scope = authorize(actor, 'customers.read');
    await loadInScope(db, actor, scope, id, businessDate());
    return (await repo.assignments(db, actor.tenantId, [id], null)).map(toAssignment);
  },

  /**
   * A supervisor sets who manages a customer from `effectiveDate`: what is in force from then
   * on ends the day before, the new set starts. Shares must add up to at most 100%.
   */
  async setAssignments(db: Db, actor: Actor, id: number, input: AssignmentSet): Promise<Assignment[]> {
    const scope = authorize(actor, 'customers.assign');
    const today = businessDate();
    return db.transaction(async (tx) => {
      await loadInScope(tx, actor, scope, id, today);
      checkShares(input.items.map((i) => i.share), (i) => `items.${i}.share`);
      await checkEffectiveDate(tx, actor.tenantId, input.effectiveDate, today);
      const people = await staffInScope(tx, actor, input.items.map((i) => i.staffId));
      input.items.forEach((i, n) => { if (!people.has(i.staffId)) throw fieldError(`items.${n}.staffId`, '该员工不存在或不在您的管理范围内', 'No such staff member in your scope'); });
      if (new Set(input.items.map((i) => `${i.staffId}/${i.role}`)).size !== input.items.length) throw fieldError('items', '同一人同一角色只能出现一次', 'Each person and role may appear once');
      const current = await repo.assignmentsFrom(tx, actor.tenantId, id, input.effectiveDate);
      await repo.endAssignments(tx, actor.tenantId, current.map((a) => a.id), addDays(input.effectiveDate, -1));
      const created = await repo.insertAssignments(tx, actor.tenantId, input.items.map((i) => ({ customerId: id, staffId: i.staffId, role: i.role, share: i.share, validFrom: input.effectiveDate })));
      await auditService.record(tx, actor, {
        action: 'assign', entity: 'customer', entityId: id,
        before: { assignments: current.map((a) => ({ staffId: a.staffId, role: a.role, share: a.share, validFrom: a.validFrom, validTo: a.validTo })) },
        after: { assignments: created.map((a) => ({ staffId: a.staffId, role: a.role, share: a.share, validFrom: a.validFrom })) },
      });
      return (await repo.assignments(tx, actor.tenantId, [id], null)).map(toAssignment);
    });
  },

  /** Staffing ratios (≤1000 retail, ≤50 corporate per manager) for the managers in scope. */
  async staffing(db: Db, actor: Actor, orgUnitId?: number) {
    const scope = authorize(actor, 'staffing.read');
    const today = businessDate();
    const rules = await portfolioRules(db, actor.tenantId, today);
    let unitPath = scope === 'tenant' ? undefined : (actor.orgPath ?? '/none/');
    if (orgUnitId) unitPath = (await orgUnitsService.findInScope(db, actor, orgUnitId, scope))?.path ?? '/none/';
    const [people, counts] = await Promise.all([repo.staffIn(db, actor.tenantId, { unitPath }), repo.staffingCounts(db, actor.tenantId, { unitPath, day: today })]);
    const loads = new Map(counts.map((c) => [c.staffId, c]));
    const holders = people.filter((p) => loads.has(p.id) || ['customer_manager', 'big_customer_manager'].includes(p.position));
    const excess = staffingExcess(holders.map((p) => ({ staffId: p.id, retail: loads.get(p.id)?.retail ?? 0, corporate: loads.get(p.id)?.corporate ?? 0 })), rules);
    const byId = new Map(holders.map((p) => [p.id, p]));
    return {
      date: today, maxRetail: rules.maxRetailPerManager, maxCorporate: rules.maxCorporatePerManager,
      items: excess.map((e) => ({ ...e, name: byId.get(e.staffId)!.name, orgUnitName: byId.get(e.staffId)!.orgUnitName })),
    };
  },

  /** For the request service: the largest total share in force on any day from `from` on, with one more share added. */
  async peakShareWith(db: Executor, actor: Actor, customerId: number, from: string, extra: { share: string; excludeStaffId?: number } ): Promise<string> {
    const current = (await repo.assignmentsFrom(db, actor.tenantId, customerId, from)).filter((a) => a.staffId !== extra.excludeStaffId);
    return peakShare([...current.map((a) => ({ share: String(a.share), from: a.validFrom < from ? from : a.validFrom, to: a.validTo })), { share: extra.share, from, to: null }]);
  },
};
