import { halfYearOf, reportOverdue, type ReportStatus } from '@kehu/domain';
import type { ResearchOverview, ResearchReport, ResearchReportCreate, ResearchReview } from '@kehu/contracts';
import type { Db } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { businessDate } from '@kehu/domain/business-date';
import { auditService } from '../audit/audit.service.ts';
import { customersService } from '../customers/customers.service.ts';
import { researchRepository as repo, type ReportRow } from './research.repository.ts';

const toDto = (r: ReportRow, staffName: string): ResearchReport => ({
  id: r.id, staffId: r.staffId, staffName, period: r.period, title: r.title, content: r.content, status: r.status as ResearchReport['status'],
  submittedAt: new Date(r.submittedAt).toISOString(), reviewerName: r.reviewerName, reviewNote: r.reviewNote, reviewedAt: r.reviewedAt ? new Date(r.reviewedAt).toISOString() : null,
});

const conflict = (zh: string, en: string) => new AppError('conflict', { message: { 'zh-CN': zh, en } });
const OWES = ['customer_manager', 'big_customer_manager'];

export const researchService = {
  /** Who owes a report for the half-year, who submitted, what was reviewed — in the actor's scope. */
  async overview(db: Db, actor: Actor, period?: string): Promise<ResearchOverview> {
    const scope = authorize(actor, 'compliance.read');
    const today = businessDate();
    const p = period ?? halfYearOf(today);
    const people = scope === 'own'
      ? await customersService.staffIn(db, actor, { ids: actor.staffId ? [actor.staffId] : [] })
      : (await customersService.staffIn(db, actor, scope === 'subtree' ? { unitPath: actor.orgPath ?? '/none/' } : {})).filter((s) => s.status !== 'left' && OWES.includes(s.position));
    const reports = new Map((await repo.forStaff(db, actor.tenantId, people.map((s) => s.id), p)).map((x) => [x.r.staffId, x]));
    return {
      period: p,
      items: people.map((s) => {
        const r = reports.get(s.id);
        const status: ReportStatus = (r?.r.status as ReportStatus | undefined) ?? 'missing';
        return { staffId: s.id, name: s.name, orgUnitName: s.orgUnitName, status, overdue: reportOverdue(p, status, today), report: r ? toDto(r.r, r.staffName) : null };
      }),
    };
  },

  /** A manager submits the half-year's report; a returned one may be submitted again. */
  async submit(db: Db, actor: Actor, input: ResearchReportCreate): Promise<ResearchReport> {
    authorize(actor, 'visits.write');
    if (!actor.staffId) throw new AppError('forbidden');
    const staffId = actor.staffId;
    return db.transaction(async (tx) => {
      const cur = await repo.byStaffPeriod(tx, actor.tenantId, staffId, input.period);
      if (cur && cur.status !== 'returned') throw conflict('本半年度的调研报告已提交', 'The report for this half-year has already been submitted');
      const row = cur
        ? await repo.update(tx, actor.tenantId, cur.id, { title: input.title, content: input.content, status: 'submitted', submittedAt: new Date().toISOString(), reviewerName: null, reviewNote: null, reviewedAt: null })
        : await repo.insert(tx, actor.tenantId, { staffId, ...input });
      await auditService.record(tx, actor, { action: cur ? 'resubmit' : 'submit', entity: 'research_report', entityId: row.id, after: { period: row.period, title: row.title } });
      return toDto(row, actor.displayName);
    });
  },

  async get(db: Db, actor: Actor, id: number): Promise<ResearchReport> {
    const scope = authorize(actor, 'compliance.read');
    const r = await repo.get(db, actor.tenantId, id);
    if (!r) throw notFound();
    if (scope === 'own' && r.r.staffId !== actor.staffId) throw notFound();
    if (scope === 'subtree' && (await customersService.staffIn(db, actor, { ids: [r.r.staffId], unitPath: actor.orgPath ?? '/none/' })).length === 0) throw notFound();
    return toDto(r.r, r.staffName);
  },

  /** The supervisor accepts a report or returns it for rework. */
  async review(db: Db, actor: Actor, id: number, input: ResearchReview): Promise<ResearchReport> {
    authorize(actor, 'customers.approve');
    return db.transaction(async (tx) => {
      const r = await repo.get(tx, actor.tenantId, id);
      if (!r || (await customersService.staffIn(tx, actor, { ids: [r.r.staffId], unitPath: actor.orgPath ?? '/none/' })).length === 0) throw notFound();
      if (r.r.status !== 'submitted') throw conflict('该报告不在待审状态', 'This report is not waiting for review');
      const row = await repo.update(tx, actor.tenantId, id, { status: input.decision === 'accept' ? 'accepted' : 'returned', reviewerName: actor.displayName, reviewNote: input.note, reviewedAt: new Date().toISOString() });
      await auditService.record(tx, actor, { action: input.decision, entity: 'research_report', entityId: id, before: { status: r.r.status }, after: { status: row.status, note: input.note } });
      return toDto(row, r.staffName);
    });
  },
};
