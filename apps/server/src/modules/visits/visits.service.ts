import { complianceFigures, visitCompliance, visitSchedule, type DataScope, type VisitStatus } from '@kehu/domain';
import type { ComplianceReport, DueItem, TodayView, Visit, VisitCreate } from '@kehu/contracts';
import type { Db } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { businessDate } from '@kehu/domain/business-date';
import { auditService } from '../audit/audit.service.ts';
import { complaintsService } from '../complaints/complaints.service.ts';
import { customersService } from '../customers/customers.service.ts';
import { portfolioRules } from '../customers/customers.rules.ts';
import { orgUnitsService } from '../org-units/org-units.service.ts';
import { visitsRepository as repo, type VisitScope } from './visits.repository.ts';

type Joined = NonNullable<Awaited<ReturnType<typeof repo.get>>>;
const toDto = ({ v, customerName, staffName }: Joined): Visit => ({
  id: v.id, customerId: v.customerId, customerName, staffId: v.staffId, staffName, visitDate: v.visitDate, purpose: v.purpose, findings: v.findings,
  customerRequests: v.customerRequests, followUp: v.followUp, hasPhoto: !!v.photo, createdAt: new Date(v.createdAt).toISOString(),
});

const toScope = (actor: Actor, scope: DataScope): VisitScope =>
  scope === 'tenant' ? { kind: 'tenant' } : scope === 'subtree' ? { kind: 'subtree', path: actor.orgPath ?? '/none/' } : { kind: 'own', staffId: actor.staffId };

type ScheduleRow = Awaited<ReturnType<typeof customersService.scheduleRows>>[number];

async function schedule(db: Db, actor: Actor, rows: ScheduleRow[], today: string) {
  const rules = await portfolioRules(db, actor.tenantId, today);
  return rows.map((r) => ({ row: r, s: visitSchedule({ subject: r, lastVisit: r.lastVisit, since: r.since, today }, rules) }));
}

const rank: Record<VisitStatus, number> = { overdue: 0, due: 1, ok: 2, not_required: 3 };

export const visitsService = {
  /** Records a visit form (走访调查表) for a customer the actor reaches; the visitor is the actor. */
  async create(db: Db, actor: Actor, input: VisitCreate): Promise<Visit> {
    const scope = authorize(actor, 'visits.write');
    if (!actor.staffId) throw new AppError('forbidden');
    const staffId = actor.staffId;
    const today = businessDate();
    if (input.visitDate > today) throw new AppError('validation_failed', { fields: [{ path: 'visitDate', code: 'date.future', message: { 'zh-CN': '日期不能晚于今天', en: 'Date cannot be in the future' } }] });
    const id = await db.transaction(async (tx) => {
      const c = await customersService.findInScope(tx, actor, input.customerId, scope);
      if (!c) throw new AppError('validation_failed', { fields: [{ path: 'customerId', code: 'not_found', message: { 'zh-CN': '客户不存在或不在您的管理范围内', en: 'No such customer in your scope' } }] });
      const v = await repo.insert(tx, actor.tenantId, { ...input, staffId });
      const { photo: _p, ...after } = v;
      await auditService.record(tx, actor, { action: 'create', entity: 'visit', entityId: v.id, after: { ...after, hasPhoto: !!v.photo } });
      return v.id;
    });
    return toDto((await repo.get(db, actor.tenantId, id))!);
  },

  async list(db: Db, actor: Actor, q: { customerId?: number; from?: string; to?: string; page: number; pageSize: number }) {
    const scope = authorize(actor, 'visits.read');
    if (q.customerId && !(await customersService.findInScope(db, actor, q.customerId, scope))) throw notFound();
    // A manager sees every visit of a customer they hold, and their own visits otherwise.
    const s: VisitScope = q.customerId && scope === 'own' ? { kind: 'tenant' } : toScope(actor, scope);
    const { items, total } = await repo.page(db, actor.tenantId, s, q);
    return { items: items.map(toDto), total, page: q.page, pageSize: q.pageSize };
  },

  /** The photo of a visit, for those who may read the visit. */
  async photo(db: Db, actor: Actor, id: number): Promise<{ mime: string; data: Buffer }> {
    const scope = authorize(actor, 'visits.read');
    const row = await repo.get(db, actor.tenantId, id);
    if (!row || !row.v.photo) throw notFound();
    if (!(scope === 'own' && row.v.staffId === actor.staffId) && !(await customersService.findInScope(db, actor, row.v.customerId, scope))) throw notFound();
    const m = /^data:(image\/[a-z]+);base64,(.*)$/.exec(row.v.photo);
    if (!m) throw notFound();
    return { mime: m[1]!, data: Buffer.from(m[2]!, 'base64') };
  },

  /** A manager's day: overdue and due visits, new complaints, and where their compliance stands. */
  async today(db: Db, actor: Actor): Promise<TodayView> {
    authorize(actor, 'visits.read');
    const today = businessDate();
    const rows = actor.staffId ? await customersService.scheduleRows(db, actor, { staffIds: [actor.staffId], today }) : [];
    const sched = await schedule(db, actor, rows, today);
    const items: DueItem[] = sched.filter((x) => x.s.status === 'overdue' || x.s.status === 'due')
      .map(({ row: r, s }) => ({
        customerId: r.customerId, customerName: r.customerName, customerNo: r.customerNo, loanBalanceFen: r.loanBalanceFen, bigCustomer: r.bigCustomer,
        lastVisit: r.lastVisit, dueDate: s.dueDate!, months: s.months!, status: s.status, daysOverdue: s.daysOverdue,
      }))
      .sort((a, b) => rank[a.status] - rank[b.status] || a.dueDate.localeCompare(b.dueDate) || a.customerId - b.customerId);
    return {
      date: today, staffId: actor.staffId, customers: new Set(rows.map((r) => r.customerId)).size,
      overdue: items.filter((i) => i.status === 'overdue'), due: items.filter((i) => i.status === 'due'),
      newComplaints: await complaintsService.openFor(db, actor),
      compliance: visitCompliance(sched.map((x) => x.s.status)),
    };
  },

  /**
   * Visit compliance per manager and per unit on a date: customers that need visits and are
   * not overdue ÷ customers that need visits. Evaluation reads `rate`. Counted in SQL
   * (customersService.complianceCounts); `today` above schedules the same rows one by one.
   */
  async compliance(db: Db, actor: Actor, q: { date?: string; orgUnitId?: number }): Promise<ComplianceReport> {
    const scope = authorize(actor, 'compliance.read');
    const date = q.date ?? businessDate();
    let unitPath: string | undefined = scope === 'subtree' ? (actor.orgPath ?? '/none/') : undefined;
    if (q.orgUnitId) unitPath = (await orgUnitsService.findInScope(db, actor, q.orgUnitId, scope === 'own' ? 'subtree' : scope))?.path ?? '/none/';
    const own = scope === 'own';
    const staffIds = own ? (actor.staffId ? [actor.staffId] : []) : undefined;
    const [counts, people] = await Promise.all([
      customersService.complianceCounts(db, actor, { staffIds, unitPath, day: date }),
      customersService.staffIn(db, actor, own ? { ids: staffIds ?? [] } : { unitPath }),
    ]);
    const byStaff = new Map(counts.filter((c) => c.staffId !== null).map((c) => [c.staffId!, c]));
    const byUnit = new Map(counts.filter((c) => c.staffId === null).map((c) => [c.unitId, c]));
    const figures = (c: { customers: number; required: number; overdue: number } | undefined) => ({ customers: c?.customers ?? 0, ...complianceFigures(c?.required ?? 0, c?.overdue ?? 0) });
    const holders = people.filter((p) => byStaff.has(p.id) || (p.status !== 'left' && ['customer_manager', 'big_customer_manager'].includes(p.position)));
    const managers = holders.map((p) => ({ staffId: p.id, name: p.name, orgUnitId: p.orgUnitId, orgUnitName: p.orgUnitName, ...figures(byStaff.get(p.id)) }));
    const units = [...new Map(holders.map((p) => [p.orgUnitId, p.orgUnitName])).entries()]
      .map(([orgUnitId, orgUnitName]) => ({ orgUnitId, orgUnitName, ...figures(byUnit.get(orgUnitId)) }));
    return { date, managers, units };
  },
};
