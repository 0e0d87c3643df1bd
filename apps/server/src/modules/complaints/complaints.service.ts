import { addDays, type DataScope } from '@kehu/domain';
import type { Complaint, ComplaintCreate, ComplaintUpdate } from '@kehu/contracts';
import type { Db, Executor } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { businessDate } from '@kehu/domain/business-date';
import { auditService } from '../audit/audit.service.ts';
import { customersService } from '../customers/customers.service.ts';
import { complaintsRepository as repo, type ComplaintJoined, type ComplaintScope } from './complaints.repository.ts';

/** Days a complaint may stay open when no deadline is given (banking complaint rules: 15 days). */
const DEFAULT_DAYS = 15;

const toScope = (actor: Actor, scope: DataScope): ComplaintScope =>
  scope === 'tenant' ? { kind: 'tenant' } : scope === 'subtree' ? { kind: 'subtree', path: actor.orgPath ?? '/none/' } : { kind: 'own', staffId: actor.staffId };

function toDto({ c, customerName, staffName, handlerName }: ComplaintJoined, today: string): Complaint {
  return {
    id: c.id, customerId: c.customerId, customerName, staffId: c.staffId, staffName, handlerStaffId: c.handlerStaffId, handlerName,
    source: c.source as Complaint['source'], category: c.category as Complaint['category'], description: c.description, receivedDate: c.receivedDate,
    deadline: c.deadline, status: c.status as Complaint['status'], outcome: c.outcome, resolvedDate: c.resolvedDate,
    overdue: c.status !== 'resolved' && c.deadline < today,
  };
}

const bad = (path: string, zh: string, en: string) => new AppError('validation_failed', { fields: [{ path, code: 'invalid', message: { 'zh-CN': zh, en } }] });

async function loadInScope(db: Executor, actor: Actor, scope: DataScope, id: number) {
  const row = await repo.get(db, actor.tenantId, id);
  if (!row) throw notFound();
  const ok = scope === 'tenant' || (scope === 'subtree' && !!actor.orgPath && row.orgPath.startsWith(actor.orgPath))
    || (scope === 'own' && actor.staffId !== null && (row.c.staffId === actor.staffId || row.c.handlerStaffId === actor.staffId));
  if (!ok) throw notFound();
  return row;
}

export const complaintsService = {
  async list(db: Db, actor: Actor, q: { status?: string; customerId?: number; from?: string; to?: string; page: number; pageSize: number }) {
    const scope = authorize(actor, 'complaints.read');
    const { items, total } = await repo.page(db, actor.tenantId, toScope(actor, scope), q);
    const today = businessDate();
    return { items: items.map((r) => toDto(r, today)), total, page: q.page, pageSize: q.pageSize };
  },

  async get(db: Db, actor: Actor, id: number): Promise<Complaint> {
    const scope = authorize(actor, 'complaints.read');
    return toDto(await loadInScope(db, actor, scope, id), businessDate());
  },

  /** For the today page: complaints about or handled by the actor that are not resolved yet. */
  async openFor(db: Db, actor: Actor): Promise<Complaint[]> {
    if (!actor.staffId) return [];
    const { items } = await repo.page(db, actor.tenantId, { kind: 'own', staffId: actor.staffId }, { statuses: ['new', 'in_progress'], page: 1, pageSize: 50 });
    const today = businessDate();
    return items.map((r) => toDto(r, today));
  },

  /** Records a complaint against the customer's main manager (or the recorder when nobody manages it). */
  async create(db: Db, actor: Actor, input: ComplaintCreate): Promise<Complaint> {
    const scope = authorize(actor, 'complaints.manage');
    const today = businessDate();
    if (input.receivedDate > today) throw bad('receivedDate', '日期不能晚于今天', 'Date cannot be in the future');
    const deadline = input.deadline ?? addDays(input.receivedDate, DEFAULT_DAYS);
    if (deadline < input.receivedDate) throw bad('deadline', '办结期限不能早于受理日期', 'The deadline cannot be before the day received');
    const id = await db.transaction(async (tx) => {
      const c = await customersService.findInScope(tx, actor, input.customerId, scope);
      if (!c) throw bad('customerId', '客户不存在或不在您的管理范围内', 'No such customer in your scope');
      const [main] = await customersService.managersOf(tx, actor, input.customerId);
      const staffId = main?.staffId ?? actor.staffId;
      if (!staffId) throw bad('customerId', '该客户没有管户客户经理', 'Nobody manages this customer');
      if (input.handlerStaffId) {
        const [h] = await customersService.staffIn(tx, actor, { ids: [input.handlerStaffId] });
        if (!h) throw bad('handlerStaffId', '处理人不存在', 'No such handler');
      }
      const r = await repo.insert(tx, actor.tenantId, { ...input, deadline, staffId, status: 'new' });
      await auditService.record(tx, actor, { action: 'create', entity: 'complaint', entityId: r.id, after: r });
      return r.id;
    });
    return this.get(db, actor, id);
  },

  /** Handling: assign a handler, move to in progress, resolve with an outcome. A resolved complaint stays resolved. */
  async update(db: Db, actor: Actor, id: number, input: ComplaintUpdate): Promise<Complaint> {
    const scope = authorize(actor, 'complaints.manage');
    const today = businessDate();
    await db.transaction(async (tx) => {
      const before = await loadInScope(tx, actor, scope, id);
      if (before.c.status === 'resolved') throw new AppError('conflict', { message: { 'zh-CN': '投诉已办结，不能再修改', en: 'This complaint is resolved and can no longer change' } });
      const next = { ...before.c, ...input };
      if (next.status === 'resolved') {
        if (!next.outcome) throw bad('outcome', '办结时请填写处理结果', 'Enter the outcome to resolve the complaint');
        next.resolvedDate = input.resolvedDate ?? today;
        if (next.resolvedDate < before.c.receivedDate || next.resolvedDate > today) throw bad('resolvedDate', '办结日期应在受理日期与今天之间', 'The resolution date must lie between receipt and today');
      }
      if (input.handlerStaffId) {
        const [h] = await customersService.staffIn(tx, actor, { ids: [input.handlerStaffId] });
        if (!h) throw bad('handlerStaffId', '处理人不存在', 'No such handler');
      }
      const after = await repo.update(tx, actor.tenantId, id, { status: next.status, outcome: next.outcome, resolvedDate: next.status === 'resolved' ? next.resolvedDate : null, handlerStaffId: next.handlerStaffId, deadline: next.deadline });
      await auditService.record(tx, actor, { action: 'update', entity: 'complaint', entityId: id, before: before.c, after });
    });
    return this.get(db, actor, id);
  },

  /** Complaint counts per manager for a period (fewer is better in the tobacco evaluation rules). */
  async stats(db: Db, actor: Actor, q: { from: string; to: string }) {
    const scope = authorize(actor, 'complaints.read');
    const items = await repo.stats(db, actor.tenantId, toScope(actor, scope), q.from, q.to, businessDate());
    return { from: q.from, to: q.to, items };
  },
};
