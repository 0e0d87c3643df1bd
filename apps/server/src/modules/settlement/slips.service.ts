import { can, ROLE_SCOPE, type DataScope } from '@kehu/domain';
import type { PayDispute, PaySlip, PaySlipSummary } from '@kehu/contracts';
import type { Db, Executor } from '@kehu/db';
import { AppError, forbidden, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { auditService } from '../audit/audit.service.ts';
import { compilePlan, withPlanTexts, type PersonFacts, type StoredLineExplain } from './plan-evaluator.ts';
import { correctionPeriod, runComponents } from './settlement.service.ts';
import { settlementRepository as repo } from './settlement.repository.ts';
import { factVoidsRepository as voids } from './fact-voids.repository.ts';

/** How far an actor reaches into slips: pay.readAll by role scope, else pay.readOwn (own slips only). */
function slipScope(actor: Actor): DataScope {
  if (can(actor.role, 'pay.readAll')) return ROLE_SCOPE[actor.role];
  if (can(actor.role, 'pay.readOwn')) return 'own';
  throw forbidden();
}

function visible(actor: Actor, scope: DataScope, row: { staffId: number; orgPath: string }): boolean {
  if (scope === 'tenant') return true;
  if (scope === 'subtree') return !!actor.orgPath && row.orgPath.startsWith(actor.orgPath);
  return actor.staffId !== null && actor.staffId === row.staffId;
}

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

function toDispute(d: Awaited<ReturnType<typeof repo.disputes>>[number]): PayDispute {
  const { orgPath: _p, adjId, adjPeriod, adjAmount, ...rest } = d;
  return { ...rest, adjustment: adjId ? { id: adjId, period: adjPeriod ?? '', amountFen: adjAmount ?? 0 } : null };
}

export const slipsService = {
  /** A run's slips, one page; a supervisor sees their unit subtree's only. */
  async forRun(db: Db, actor: Actor, runId: number, page: number, pageSize: number) {
    const scope = authorize(actor, 'pay.readAll');
    if (!(await repo.run(db, actor.tenantId, runId))) throw notFound();
    const [p, components] = await Promise.all([
      repo.slipPage(db, actor.tenantId, { runId, path: scope === 'subtree' ? actor.orgPath ?? '/none/' : undefined }, page, pageSize),
      runComponents(db, actor.tenantId, runId),
    ]);
    return { ...p, page, pageSize, components };
  },

  /** The actor's own slips, newest first (superseded drafts left out). */
  async mine(db: Db, actor: Actor): Promise<PaySlipSummary[]> {
    authorize(actor, 'pay.readOwn');
    if (actor.staffId === null) return [];
    return (await repo.slipPage(db, actor.tenantId, { staffId: actor.staffId }, 1, 200)).items;
  },

  /** One slip with its lines and their explanations; out of scope answers 404 like missing. */
  async get(db: Executor, actor: Actor, id: number): Promise<PaySlip> {
    const scope = slipScope(actor);
    const s = await repo.slip(db, actor.tenantId, id);
    if (!s || !visible(actor, scope, s)) throw notFound();
    const [lines, disputes] = await Promise.all([repo.lines(db, actor.tenantId, id), repo.disputes(db, actor.tenantId, { staffId: s.staffId })]);
    const input = s.input as Partial<Pick<PersonFacts, 'credits' | 'evaluation'>>;
    const components: Record<string, number> = {};
    for (const l of lines) components[l.component] = (components[l.component] ?? 0) + l.amountFen;
    return {
      id: s.id, runId: s.runId, period: s.period, runStatus: s.runStatus, staffId: s.staffId, staffName: s.staffName, orgUnitName: s.orgUnitName, totalFen: s.totalFen, payday: s.payday,
      planTitle: s.planTitle, components, lines: lines.map((l) => ({ ...l, explain: withPlanTexts(l.explain as StoredLineExplain, s.planDocument) })), disputes: disputes.filter((d) => d.slipId === id).map(toDispute),
      // Frozen with the slip (its engine input): shared customers' split and the evaluation it read.
      credits: (input.credits ?? []).map((c) => ({ ...c, keptFor: c.keptFor ?? null })), evaluation: input.evaluation ?? null,
    };
  },

  /** The facts behind a slip, each marked counted or not, with why (the plan's qualifying rules). */
  async facts(db: Db, actor: Actor, slipId: number, q: { kind?: string; page: number; pageSize: number }) {
    const scope = slipScope(actor);
    const s = await repo.slip(db, actor.tenantId, slipId);
    if (!s || !visible(actor, scope, s)) throw notFound();
    const run = (await repo.run(db, actor.tenantId, s.runId))!;
    const plan = (await repo.plans(db, actor.tenantId)).find((p) => p.id === s.planId)!;
    const ev = compilePlan(plan);
    const page = await repo.personFacts(db, actor.tenantId, s.periodId, s.staffId, await voids.cut(db, actor.tenantId, s.periodId, run), q.kind, q.page, q.pageSize, { faceMinFen: ev.bookingFaceMinFen, spentMinFen: ev.bookingSpentMinFen });
    return {
      total: page.total,
      items: page.items.map((f) => {
        let reason = null;
        if (f.kind === 'booking') {
          const face = f.faceValueFen >= ev.bookingFaceMinFen;
          const spent = f.spentFen >= ev.bookingSpentMinFen;
          if (!face) reason = t(`客人卡面额 ${f.faceValueFen / 100} 元，不足 ${ev.bookingFaceMinFen / 100} 元`, `guest's card ${f.faceValueFen / 100} yuan, below ${ev.bookingFaceMinFen / 100}`);
          else if (!spent) reason = t(`当次消费 ${f.spentFen / 100} 元，不足 ${ev.bookingSpentMinFen / 100} 元`, `spent ${f.spentFen / 100} yuan, below ${ev.bookingSpentMinFen / 100}`);
        }
        if (f.kind === 'card' && f.amountFen < 50000) reason = t('卡面额不足 500 元，不计提成', 'card below 500 yuan earns no commission');
        return { ...f, counted: reason === null, reason };
      }),
    };
  },

  async disputes(db: Db, actor: Actor): Promise<PayDispute[]> {
    if (can(actor.role, 'pay.answerDispute')) return (await repo.disputes(db, actor.tenantId, {})).map(toDispute);
    const scope = slipScope(actor);
    if (scope === 'own') return actor.staffId === null ? [] : (await repo.disputes(db, actor.tenantId, { staffId: actor.staffId })).map(toDispute);
    return (await repo.disputes(db, actor.tenantId, scope === 'subtree' ? { path: actor.orgPath ?? '/none/' } : {})).map(toDispute);
  },

  /** A manager disputes one line of their own slip, with a comment. */
  async raise(db: Db, actor: Actor, lineId: number, comment: string): Promise<PayDispute> {
    authorize(actor, 'pay.dispute');
    return db.transaction(async (tx) => {
      const line = await repo.line(tx, actor.tenantId, lineId);
      const slip = line && await repo.slip(tx, actor.tenantId, line.slipId);
      if (!line || !slip || actor.staffId === null || slip.staffId !== actor.staffId) throw notFound();
      if (slip.runStatus === 'superseded') throw new AppError('conflict', { message: t('该工资单已被新的结算取代', 'This slip was replaced by a newer run') });
      const open = await repo.disputes(tx, actor.tenantId, { staffId: actor.staffId });
      if (open.some((d) => d.lineId === lineId && d.status === 'open')) throw new AppError('conflict', { message: t('该项已有待处理的申诉', 'This line already has an open dispute') });
      const id = await repo.insertDispute(tx, actor.tenantId, { lineId, slipId: slip.id, staffId: slip.staffId, comment, raisedBy: actor.userId || null });
      await auditService.record(tx, actor, { action: 'create', entity: 'pay_dispute', entityId: id, after: { lineId, period: slip.period, comment } });
      return toDispute((await repo.disputes(tx, actor.tenantId, { id }))[0]!);
    });
  },

  /**
   * HR answers a dispute. Accepting pays the correction as an adjustment in the earliest open period
   * (never editing a locked slip); rejecting needs a reason. Both are audited and shown to the manager.
   */
  async answer(db: Db, actor: Actor, id: number, input: { accept: boolean; answer: string; amountFen: number | null }): Promise<PayDispute> {
    authorize(actor, 'pay.answerDispute');
    return db.transaction(async (tx) => {
      const [d] = await repo.disputes(tx, actor.tenantId, { id });
      if (!d) throw notFound();
      if (d.status !== 'open') throw new AppError('conflict', { message: t('该申诉已处理', 'This dispute has been answered') });
      if (input.accept && !input.amountFen) throw new AppError('validation_failed', { fields: [{ path: 'amountFen', code: 'required', message: t('接受申诉需填写更正金额', 'Accepting needs the correction amount') }] });
      const line = (await repo.line(tx, actor.tenantId, d.lineId))!;
      let adjustmentId: number | null = null;
      if (input.accept) {
        const target = await correctionPeriod(tx, actor, d.period);
        const [adj] = await repo.insertAdjustments(tx, actor.tenantId, [{
          periodId: target.id, staffId: d.staffId, component: line.component, amountFen: input.amountFen!, correctsLineId: line.id, correctsPeriod: d.period,
          source: 'dispute', disputeId: id, reason: input.answer, createdBy: actor.userId || null,
        }]);
        adjustmentId = adj!.id;
      }
      if (!(await repo.answerDispute(tx, actor.tenantId, id, input.accept ? 'accepted' : 'rejected', input.answer, actor.userId || null))) throw new AppError('conflict');
      await auditService.record(tx, actor, { action: input.accept ? 'accept' : 'reject', entity: 'pay_dispute', entityId: id, before: { status: 'open' }, after: { status: input.accept ? 'accepted' : 'rejected', answer: input.answer, adjustmentId, amountFen: input.amountFen } });
      return toDispute((await repo.disputes(tx, actor.tenantId, { id }))[0]!);
    });
  },
};
