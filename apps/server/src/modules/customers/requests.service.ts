import Decimal from 'decimal.js';
import { addDays, canDecide, handoverTarget, type AssignmentRole, type RequestKind, type RequestStatus } from '@kehu/domain';
import type { AssignmentRequest, AssignmentRequestCreate, HandoverCreate, RequestDecision } from '@kehu/contracts';
import type { Db } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { businessDate } from '@kehu/domain/business-date';
import { auditService } from '../audit/audit.service.ts';
import { customersRepository as repo, type RequestRow } from './customers.repository.ts';
import { checkEffectiveDate, checkShares, customersService, fieldError } from './customers.service.ts';

type Joined = Awaited<ReturnType<typeof repo.requestPage>>['items'][number];

const toDto = ({ r, customerName, fromName, toName }: Joined): AssignmentRequest => ({
  id: r.id, kind: r.kind as RequestKind, customerId: r.customerId, customerName, fromStaffId: r.fromStaffId, fromStaffName: fromName,
  toStaffId: r.toStaffId, toStaffName: toName, role: r.role as AssignmentRole, share: String(Number(r.share)), effectiveDate: r.effectiveDate,
  reason: r.reason, status: r.status as RequestStatus, requestedByName: r.requestedByName, decidedByName: r.decidedByName,
  decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null, decisionNote: r.decisionNote, createdAt: new Date(r.createdAt).toISOString(),
});

const conflict = (zh: string, en: string) => new AppError('conflict', { message: { 'zh-CN': zh, en } });

/** The branch a manager works in: the parent of their own unit, where colleagues for a transfer are found. */
const branchPath = (orgPath: string | null) => (orgPath ? orgPath.replace(/[^/]+\/$/, '') : '/none/');

const auditView = (r: RequestRow) => ({ kind: r.kind, customerId: r.customerId, fromStaffId: r.fromStaffId, toStaffId: r.toStaffId, role: r.role, share: r.share, effectiveDate: r.effectiveDate, status: r.status });

export const requestsService = {
  /**
   * A manager claims an unassigned customer of their unit, or asks to transfer one of their own
   * customers to a colleague. The supervisor decides.
   */
  async create(db: Db, actor: Actor, input: AssignmentRequestCreate): Promise<AssignmentRequest> {
    authorize(actor, 'customers.request');
    if (!actor.staffId) throw new AppError('forbidden');
    const today = businessDate();
    checkShares([input.share], () => 'share');
    await checkEffectiveDate(db, actor.tenantId, input.effectiveDate, today);
    const staffId = actor.staffId;
    const id = await db.transaction(async (tx) => {
      let fromStaffId: number | null = null;
      let toStaffId = staffId;
      if (input.kind === 'claim') {
        const c = await customersService.findInScope(tx, actor, input.customerId, 'subtree');
        if (!c) throw notFound();
        if ((await repo.assignmentsFrom(tx, actor.tenantId, input.customerId, today)).length > 0) throw conflict('该客户已有客户经理管户，请申请移交', 'This customer already has a manager; ask for a transfer');
      } else {
        const c = await customersService.findInScope(tx, actor, input.customerId, 'own');
        if (!c) throw notFound();
        if (!input.toStaffId || input.toStaffId === staffId) throw fieldError('toStaffId', '请选择接收的客户经理', 'Choose the colleague who takes the customer over');
        const [target] = await repo.staffIn(tx, actor.tenantId, { ids: [input.toStaffId], unitPath: branchPath(actor.orgPath) });
        if (!target || target.status === 'left') throw fieldError('toStaffId', '接收人不存在或不在本行', 'No such colleague in your branch');
        fromStaffId = staffId;
        toStaffId = input.toStaffId;
      }
      if (await repo.pendingFor(tx, actor.tenantId, input.customerId)) throw conflict('该客户已有待审批的申请', 'This customer already has a request waiting for approval');
      const r = await repo.insertRequest(tx, actor.tenantId, {
        kind: input.kind, customerId: input.customerId, fromStaffId, toStaffId, role: input.role, share: input.share, effectiveDate: input.effectiveDate,
        reason: input.reason, status: 'pending', requestedByUserId: actor.userId, requestedByName: actor.displayName,
      });
      await auditService.record(tx, actor, { action: 'request', entity: 'assignment_request', entityId: r.id, after: auditView(r) });
      return r.id;
    });
    return this.get(db, actor, id);
  },

  async get(db: Db, actor: Actor, id: number): Promise<AssignmentRequest> {
    const scope = authorize(actor, 'customers.read');
    const row = await repo.request(db, actor.tenantId, id);
    if (!row) throw notFound();
    const mine = actor.staffId !== null && (row.r.toStaffId === actor.staffId || row.r.fromStaffId === actor.staffId);
    const reach = scope === 'tenant' || (scope === 'subtree' && !!actor.orgPath && row.orgPath.startsWith(actor.orgPath)) || (scope === 'own' && mine);
    if (!reach) throw notFound();
    const { items } = await repo.requestPage(db, actor.tenantId, { id, page: 1, pageSize: 1 });
    return toDto(items[0]!);
  },

  /** Supervisors see the requests of their subtree; managers their own. */
  async list(db: Db, actor: Actor, q: { status?: RequestStatus; page: number; pageSize: number }) {
    const scope = authorize(actor, 'customers.read');
    const f = scope === 'tenant' ? {} : scope === 'subtree' ? { unitPath: actor.orgPath ?? '/none/' } : { staffId: actor.staffId ?? -1 };
    const { items, total } = await repo.requestPage(db, actor.tenantId, { ...f, ...q });
    return { items: items.map(toDto), total, page: q.page, pageSize: q.pageSize };
  },

  /**
   * Approve or reject. Approval applies the change from the effective date (back-dated within
   * the policy's limit): a claim adds the assignment; a transfer ends the sender's assignment
   * the day before and starts the receiver's with the same role and share.
   */
  async decide(db: Db, actor: Actor, id: number, input: RequestDecision): Promise<AssignmentRequest> {
    authorize(actor, 'customers.approve');
    const today = businessDate();
    await db.transaction(async (tx) => {
      const row = await repo.request(tx, actor.tenantId, id);
      if (!row || !actor.orgPath || !row.orgPath.startsWith(actor.orgPath)) throw notFound();
      const r = row.r;
      if (!canDecide(r.status as RequestStatus)) throw conflict('该申请已处理', 'This request has already been decided');
      if (input.decision === 'approve') {
        await checkEffectiveDate(tx, actor.tenantId, r.effectiveDate, today);
        const share = String(r.share);
        if (r.kind === 'transfer' && r.fromStaffId) {
          const current = (await repo.assignmentsFrom(tx, actor.tenantId, r.customerId, r.effectiveDate)).filter((a) => a.staffId === r.fromStaffId);
          if (current.length === 0) throw conflict('移交人已不再管理该客户', 'The sender no longer manages this customer');
          await repo.endAssignments(tx, actor.tenantId, current.map((a) => a.id), addDays(r.effectiveDate, -1));
          await repo.insertAssignments(tx, actor.tenantId, current.map((a) => ({ customerId: r.customerId, staffId: r.toStaffId, role: a.role, share: a.share, validFrom: r.effectiveDate, requestId: r.id })));
        } else {
          const peak = await customersService.peakShareWith(tx, actor, r.customerId, r.effectiveDate, { share });
          if (new Decimal(peak).gt(100)) throw conflict('批准后管户比例合计将超过100%', 'Approving would take the shares above 100%');
          await repo.insertAssignments(tx, actor.tenantId, [{ customerId: r.customerId, staffId: r.toStaffId, role: r.role, share, validFrom: r.effectiveDate, requestId: r.id }]);
        }
      }
      const decided = await repo.decideRequest(tx, actor.tenantId, id, { status: input.decision === 'approve' ? 'approved' : 'rejected', decidedByName: actor.displayName, decisionNote: input.note });
      if (!decided) throw conflict('该申请已处理', 'This request has already been decided');
      await auditService.record(tx, actor, { action: input.decision, entity: 'assignment_request', entityId: id, before: auditView(r), after: auditView(decided) });
    });
    return this.get(db, actor, id);
  },

  /**
   * Hand-over when a manager leaves or is away long: every customer they hold from the
   * effective date moves to the successor, problem loans to the supervisor doing the hand-over.
   */
  async handover(db: Db, actor: Actor, input: HandoverCreate): Promise<{ moved: number; toSupervisor: number }> {
    authorize(actor, 'customers.assign');
    if (!actor.staffId) throw new AppError('forbidden');
    const supervisorId = actor.staffId;
    const today = businessDate();
    await checkEffectiveDate(db, actor.tenantId, input.effectiveDate, today);
    return db.transaction(async (tx) => {
      const people = await repo.staffIn(tx, actor.tenantId, { ids: [input.fromStaffId, input.toStaffId], unitPath: actor.orgPath ?? '/none/' });
      if (!people.some((p) => p.id === input.fromStaffId)) throw fieldError('fromStaffId', '该员工不在您的管理范围内', 'No such staff member in your scope');
      if (!people.some((p) => p.id === input.toStaffId && p.status !== 'left') || input.toStaffId === input.fromStaffId) throw fieldError('toStaffId', '接收人无效', 'Choose a valid successor');
      const rows = await repo.scheduleRows(tx, actor.tenantId, { staffIds: [input.fromStaffId], today: input.effectiveDate });
      let toSupervisor = 0;
      const byCustomer = new Map<number, boolean>();
      for (const c of rows) byCustomer.set(c.customerId, false);
      const problem = new Set((await Promise.all([...byCustomer.keys()].map((id) => repo.get(tx, actor.tenantId, id)))).filter((c) => c?.customer.problemLoan).map((c) => c!.customer.id));
      for (const customerId of byCustomer.keys()) {
        const current = (await repo.assignmentsFrom(tx, actor.tenantId, customerId, input.effectiveDate)).filter((a) => a.staffId === input.fromStaffId);
        const target = handoverTarget({ problemLoan: problem.has(customerId) }, input.toStaffId, supervisorId);
        if (target === supervisorId) toSupervisor++;
        await repo.endAssignments(tx, actor.tenantId, current.map((a) => a.id), addDays(input.effectiveDate, -1));
        await repo.insertAssignments(tx, actor.tenantId, current.map((a) => ({ customerId, staffId: target, role: a.role, share: a.share, validFrom: input.effectiveDate })));
      }
      await auditService.record(tx, actor, { action: 'handover', entity: 'staff', entityId: input.fromStaffId, after: { ...input, moved: byCustomer.size, toSupervisor } });
      return { moved: byCustomer.size, toSupervisor };
    });
  },

  /** Colleagues a manager may transfer a customer to: active managers of the same branch. */
  async colleagues(db: Db, actor: Actor) {
    authorize(actor, 'customers.request');
    const rows = await repo.staffIn(db, actor.tenantId, { unitPath: branchPath(actor.orgPath) });
    return rows.filter((r) => r.id !== actor.staffId && r.status !== 'left' && ['customer_manager', 'big_customer_manager'].includes(r.position))
      .map((r) => ({ staffId: r.id, name: r.name, orgUnitName: r.orgUnitName }));
  },
};
