import {
  RUN_STEPS, assignmentProblem, periodToOpen, canStartRun, changesLockedDays, payPeriodBounds, correctionsFor, diffResults, nextPayPeriod, nextRunStatus, targetPeriod, yuanOfFen,
  type DataScope, type RunAction, type RunStatus,
} from '@kehu/domain';
import type { PayAssignment, PayDiff, PayPeriod, PayPlan, PayRun } from '@kehu/contracts';
import type { Db, Executor } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { withDbErrors } from '../../lib/db-errors.ts';
import { auditService } from '../audit/audit.service.ts';
import { orgUnitsService } from '../org-units/org-units.service.ts';
import { availablePresets, compilePlan, inPlanOrder, presetDocument } from './plan-evaluator.ts';
import { asPersonResults, computePeriod } from './settle-compute.ts';
import { factVoidsRepository as voids } from './fact-voids.repository.ts';
import { settlementRepository as repo, type AssignmentRow, type PeriodRow, type RunRow } from './settlement.repository.ts';
import { writePeriodWorkbook } from './pay-export.ts';
import { slipSink } from './slips-write.ts';

const msg = (zh: string, en: string) => ({ message: { 'zh-CN': zh, en } });
const toRun = (r: RunRow): PayRun => ({ ...r, status: r.status as PayRun['status'] });

async function periodOr404(db: Executor, actor: Actor, id: number, forUpdate = false): Promise<PeriodRow> {
  const p = await repo.period(db, actor.tenantId, id, forUpdate);
  if (!p) throw notFound();
  return p;
}

/** The open period a correction of `from` is paid in: the earliest open one not before it, opened if none. */
export async function correctionPeriod(tx: Executor, actor: Actor, from: string): Promise<PeriodRow> {
  const periods = await repo.periods(tx, actor.tenantId);
  const target = targetPeriod(from, periods);
  if (target) return periods.find((p) => p.period === target)!;
  const created = await repo.insertPeriod(tx, actor.tenantId, periodToOpen(from, periods));
  await auditService.record(tx, actor, { action: 'create', entity: 'pay_period', entityId: created.id, after: created });
  return created;
}

type AssignmentInput = { planId: number; position: string | null; orgUnitId: number | null; hireType: string | null; validFrom: string; validTo: string | null };
const publicAssignment = ({ orgUnitPath: _p, ...a }: AssignmentRow): PayAssignment => a;
const strip = ({ planTitle: _t, orgUnitName: _n, orgUnitPath: _p, ...a }: AssignmentRow) => a;

async function assignmentOr404(db: Executor, actor: Actor, id: number): Promise<AssignmentRow> {
  const a = (await repo.assignments(db, actor.tenantId)).find((x) => x.id === id);
  if (!a) throw notFound();
  return a;
}

async function lockedLastDay(db: Executor, actor: Actor): Promise<string | null> {
  const p = await repo.lockedThrough(db, actor.tenantId);
  return p ? payPeriodBounds(p).to : null;
}

/** A plan assignment is valid: the plan and unit exist (unit in scope), it ends on or after it starts, no overlap within its group. */
async function checkAssignment(tx: Executor, actor: Actor, scope: DataScope, a: AssignmentInput & { id: number }): Promise<void> {
  if (!(await repo.plans(tx, actor.tenantId)).some((p) => p.id === a.planId)) throw new AppError('validation_failed', { fields: [{ path: 'planId', code: 'not_found', message: { 'zh-CN': '方案不存在', en: 'No such plan' } }] });
  if (a.orgUnitId !== null && !(await orgUnitsService.findInScope(tx, actor, a.orgUnitId, scope))) throw new AppError('validation_failed', { fields: [{ path: 'orgUnitId', code: 'not_found', message: { 'zh-CN': '机构不存在', en: 'No such unit' } }] });
  const others = await repo.assignments(tx, actor.tenantId);
  const problem = assignmentProblem(a, others);
  if (problem?.code === 'before_start') throw new AppError('validation_failed', { ...msg('结束日期早于开始日期', 'The assignment ends before it starts'), fields: [{ path: 'validTo', code: 'before_start', message: { 'zh-CN': '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' } }] });
  if (problem?.code === 'overlap') {
    const o = others.find((x) => x.id === problem.with.id)!;
    const span = `${o.validFrom} ~ ${o.validTo ?? '…'}`;
    throw new AppError('validation_failed', {
      ...msg(`与方案“${o.planTitle}”的分配（${span}）适用范围相同且日期重叠：同一天一个人会有两个方案`, `Overlaps the assignment of plan "${o.planTitle}" (${span}) for the same group: a person would have two plans on one day`),
      fields: [{ path: 'validFrom', code: 'overlap', message: { 'zh-CN': `与“${o.planTitle}”（${span}）重叠，请先结束那条分配`, en: `Overlaps "${o.planTitle}" (${span}); end that assignment first` } }],
    });
  }
}

/** A supervisor sees a run's headcount and total over their unit subtree only, never the whole tenant's pay. */
async function scoped(db: Executor, actor: Actor, scope: DataScope, runs: PayRun[]): Promise<PayRun[]> {
  if (scope === 'tenant') return runs;
  const totals = await repo.runTotalsInSubtree(db, actor.tenantId, runs.map((r) => r.id), actor.orgPath ?? '/none/');
  return runs.map((r) => ({ ...r, ...(totals.get(r.id) ?? { headcount: 0, totalFen: 0 }) }));
}

/** Periods, plans, runs: the HR side of monthly settlement. Money in fen throughout. */
export const settlementService = {
  async periods(db: Db, actor: Actor): Promise<PayPeriod[]> {
    authorize(actor, 'pay.readAll');
    return repo.periods(db, actor.tenantId);
  },

  async createPeriod(db: Db, actor: Actor, period: string): Promise<PayPeriod> {
    authorize(actor, 'pay.run');
    return db.transaction(async (tx) => {
      if (await repo.periodByCode(tx, actor.tenantId, period)) throw new AppError('conflict', { ...msg(`结算期 ${period} 已存在`, `Period ${period} already exists`), fields: [{ path: 'period', code: 'duplicate', message: { 'zh-CN': '结算期已存在', en: 'This period already exists' } }] });
      const row = await repo.insertPeriod(tx, actor.tenantId, period);
      await auditService.record(tx, actor, { action: 'create', entity: 'pay_period', entityId: row.id, after: row });
      return { ...row, factCount: 0, runCount: 0, latestRunStatus: null, pendingAdjustments: 0 };
    });
  },

  async plansView(db: Db, actor: Actor): Promise<{ plans: (PayPlan & { document: string })[]; assignments: PayAssignment[]; presets: { id: string; title: string }[] }> {
    authorize(actor, 'policy.assign');
    const [plans, assignments] = await Promise.all([repo.plans(db, actor.tenantId), repo.assignments(db, actor.tenantId)]);
    return {
      plans,
      assignments: assignments.map(({ orgUnitPath: _p, ...a }) => a),
      presets: availablePresets(),
    };
  },

  async createPlan(db: Db, actor: Actor, input: { code: string; title: string; version: string; presetId: string | null; document: string | null }): Promise<PayPlan> {
    authorize(actor, 'policy.assign');
    const document = input.document ?? (input.presetId ? presetDocument(input.presetId) : null);
    if (document === null) throw new AppError('validation_failed', { fields: [{ path: 'document', code: 'required', message: { 'zh-CN': '请选择预置方案或填写方案文档', en: 'Choose a preset or give the policy document' } }] });
    try {
      compilePlan({ presetId: input.presetId, document });
    } catch (e) {
      throw new AppError('validation_failed', { fields: [{ path: 'document', code: 'invalid', message: { 'zh-CN': `方案文档无效：${(e as Error).message}`, en: `Invalid policy document: ${(e as Error).message}` } }] });
    }
    return db.transaction(async (tx) => {
      const row = await withDbErrors(() => repo.insertPlan(tx, actor.tenantId, { code: input.code, title: input.title, version: input.version, presetId: input.presetId, document }));
      await auditService.record(tx, actor, { action: 'create', entity: 'pay_plan', entityId: row.id, after: { code: row.code, title: row.title, version: row.version, presetId: row.presetId } });
      const { document: _d, ...plan } = row;
      return plan;
    });
  },

  async createAssignment(db: Db, actor: Actor, input: AssignmentInput): Promise<{ id: number }> {
    const scope = authorize(actor, 'policy.assign');
    return db.transaction(async (tx) => {
      await checkAssignment(tx, actor, scope, { id: 0, ...input });
      const id = await repo.insertAssignment(tx, actor.tenantId, input);
      await auditService.record(tx, actor, { action: 'create', entity: 'pay_plan_assignment', entityId: id, after: input });
      return { id };
    });
  },

  /** Edits an assignment (plan, group, dates) with the same checks; days of locked periods keep their plans. */
  async updateAssignment(db: Db, actor: Actor, id: number, input: AssignmentInput): Promise<PayAssignment> {
    const scope = authorize(actor, 'policy.assign');
    return db.transaction(async (tx) => {
      const before = await assignmentOr404(tx, actor, id);
      const after = { id, ...input };
      await checkAssignment(tx, actor, scope, after);
      const lockedThrough = await lockedLastDay(tx, actor);
      if (changesLockedDays(before, after, lockedThrough)) {
        throw new AppError('validation_failed', { ...msg(`${lockedThrough!.slice(0, 7)} 及以前的结算期已锁定：这些日期的方案分配不能更改`, `Pay periods up to ${lockedThrough!.slice(0, 7)} are locked: the assignment cannot change on their days`),
          fields: [{ path: 'validFrom', code: 'locked_period', message: { 'zh-CN': `不能更改 ${lockedThrough} 及以前的日期`, en: `Days up to ${lockedThrough} cannot change` } }] });
      }
      await repo.updateAssignment(tx, actor.tenantId, id, input);
      await auditService.record(tx, actor, { action: 'update', entity: 'pay_plan_assignment', entityId: id, before: strip(before), after: input });
      return publicAssignment(await assignmentOr404(tx, actor, id));
    });
  },

  /** Ends an assignment on `validTo` (its last day). */
  async endAssignment(db: Db, actor: Actor, id: number, validTo: string): Promise<PayAssignment> {
    authorize(actor, 'policy.assign');
    const before = await assignmentOr404(db, actor, id);
    const { id: _i, planTitle: _t, orgUnitName: _n, orgUnitPath: _p, ...rest } = before;
    return this.updateAssignment(db, actor, id, { ...rest, validTo });
  },

  async runs(db: Db, actor: Actor, periodId: number): Promise<PayRun[]> {
    const scope = authorize(actor, 'pay.readAll');
    await periodOr404(db, actor, periodId);
    return scoped(db, actor, scope, (await repo.runs(db, actor.tenantId, periodId)).map(toRun));
  },

  async run(db: Executor, actor: Actor, runId: number): Promise<PayRun> {
    const scope = authorize(actor, 'pay.readAll');
    const r = await repo.run(db, actor.tenantId, runId);
    if (!r) throw notFound();
    return (await scoped(db, actor, scope, [toRun(r)]))[0]!;
  },

  /**
   * Computes a new draft run of an open period from its facts so far. Earlier drafts are kept as
   * superseded, so the difference per person stays visible.
   */
  async startRun(db: Db, actor: Actor, periodId: number, timings?: (t: Record<string, number>) => void): Promise<PayRun> {
    authorize(actor, 'pay.run');
    const started = performance.now();
    return db.transaction(async (tx) => {
      const period = await periodOr404(tx, actor, periodId, true);
      if (period.status === 'locked') throw new AppError('conflict', msg(`${period.period} 已锁定，不能重算；更正请用“更正锁定期”生成调整`, `${period.period} is locked and cannot be re-run; corrections become adjustments`));
      const runs = await repo.runs(tx, actor.tenantId, periodId);
      if (!canStartRun(runs.map((r) => r.status as RunStatus))) throw new AppError('conflict', msg('本期已有已批准的结算，请先退回再重算', 'This period has an approved run; send it back before re-running'));
      const cut = await voids.cut(tx, actor.tenantId, periodId);
      const count = await repo.factCount(tx, actor.tenantId, periodId);
      const previous = runs.find((r) => r.status !== 'superseded') ?? runs[0];
      const runId = await repo.insertRun(tx, actor.tenantId, { periodId, previousRunId: previous?.id ?? null, factWatermark: cut.watermark, voidWatermark: cut.voidWatermark, factCount: count, createdBy: actor.userId || null });
      const t1 = performance.now();
      const marks: Record<string, number> = {};
      // Lines are stored while the next people are computed; the slips once every line is in.
      const sink = await slipSink(tx, actor.tenantId, runId);
      let people: Awaited<ReturnType<typeof computePeriod>>;
      try {
        people = await computePeriod(tx, actor.tenantId, period, cut, {
          timings: (step) => { marks[step] = performance.now() - t1; },
          beforeEvaluate: (headcount) => sink.start(headcount),
          onPerson: (p) => sink.add(
            { staffId: p.staff.id, planId: p.planId, totalFen: p.totalFen, payday: p.evaluation.payday, input: p.facts, trace: p.evaluation.trace },
            p.lines.map((l, i) => ({ staffId: p.staff.id, seq: i + 1, component: l.component, labelZh: l.labelZh, labelEn: l.labelEn, clause: l.clause, amountFen: l.amountFen, explain: l.explain, adjustmentId: l.adjustmentId }))),
        });
      } catch (e) {
        await sink.abort(e);
        throw e;
      }
      const t2 = performance.now();
      await sink.finish();
      const total = people.reduce((a, p) => a + p.totalFen, 0);
      const t3 = performance.now();
      await repo.finishRun(tx, actor.tenantId, runId, people.length, total, Math.round(t3 - started));
      timings?.({ ...marks, writeMs: t3 - t2 });
      await repo.supersede(tx, actor.tenantId, periodId, runId);
      await auditService.record(tx, actor, { action: 'run', entity: 'pay_run', entityId: runId, after: { period: period.period, headcount: people.length, total: yuanOfFen(total), facts: count } });
      return toRun((await repo.run(tx, actor.tenantId, runId))!);
    });
  },

  /** One step of draft → reviewed → approved → locked (or back to draft), by a role allowed to take it. */
  async transition(db: Db, actor: Actor, runId: number, action: RunAction): Promise<PayRun> {
    authorize(actor, RUN_STEPS[action].permission);
    return db.transaction(async (tx) => {
      const run = await repo.run(tx, actor.tenantId, runId, true);
      if (!run) throw notFound();
      const next = nextRunStatus(run.status as RunStatus, action);
      if (!next.ok) throw new AppError('conflict', { ...msg(`当前状态（${run.status}）不能执行此操作`, `A ${run.status} run cannot be sent to ${action}`), details: { status: run.status, allowedFrom: next.allowedFrom } });
      await repo.setRunStatus(tx, actor.tenantId, runId, next.to, actor.userId || null);
      if (next.to === 'locked') await repo.lockPeriod(tx, actor.tenantId, run.periodId, runId);
      await auditService.record(tx, actor, { action, entity: 'pay_run', entityId: runId, before: { status: run.status }, after: { status: next.to, period: run.period } });
      return toRun((await repo.run(tx, actor.tenantId, runId))!);
    });
  },

  /** Per-person difference of a run against the run it replaced (or against nothing, for the first). */
  async diff(db: Db, actor: Actor, runId: number): Promise<PayDiff> {
    const scope = authorize(actor, 'pay.readAll');
    const run = await this.run(db, actor, runId);
    const staff = await repo.staffForPay(db, actor.tenantId);
    const names = new Map(staff.map((s) => [s.id, s.name]));
    // A supervisor compares only the people of their unit subtree.
    const visible = scope === 'tenant' ? null : new Set(staff.filter((s) => actor.orgPath && s.orgPath.startsWith(actor.orgPath)).map((s) => s.id));
    const load = async (id: number | null) => {
      if (id === null) return [];
      const by = new Map<number, { staffId: number; totalFen: number; components: Record<string, number> }>();
      for (const l of await repo.runComponents(db, actor.tenantId, id)) {
        if (visible && !visible.has(l.staffId)) continue;
        const p = by.get(l.staffId) ?? { staffId: l.staffId, totalFen: l.slipTotal, components: {} };
        if (l.component !== null) p.components[l.component] = (p.components[l.component] ?? 0) + l.amountFen;
        by.set(l.staffId, p);
      }
      return [...by.values()];
    };
    const d = diffResults(await load(run.previousRunId), await load(run.id));
    const prev = run.previousRunId ? await repo.run(db, actor.tenantId, run.previousRunId) : undefined;
    return { ...d, beforeLabel: prev ? `#${prev.seq}` : '—', afterLabel: `#${run.seq}`, people: d.people.map((p) => ({ ...p, staffName: names.get(p.staffId) ?? String(p.staffId) })) };
  },

  /**
   * Re-computes a locked period with the facts as they stand (late facts added, wrong ones voided) and pays each
   * difference as an adjustment in the next open period, pointing at the line it corrects.
   * The locked run itself never changes; running this twice adds nothing the second time.
   */
  async correctLocked(db: Db, actor: Actor, periodId: number): Promise<{ adjustments: number; targetPeriod: string | null; deltaTotalFen: number }> {
    authorize(actor, 'pay.run');
    return db.transaction(async (tx) => {
      const period = await periodOr404(tx, actor, periodId, true);
      if (period.status !== 'locked' || !period.lockedRunId) throw new AppError('conflict', msg('只有已锁定的结算期才需要更正；未锁定的请直接重算', 'Only a locked period is corrected; re-run an open one'));
      const people = await computePeriod(tx, actor.tenantId, period, await voids.cut(tx, actor.tenantId, periodId));
      const paid = (await repo.runComponents(tx, actor.tenantId, period.lockedRunId)).flatMap((l) =>
        l.component === null || l.lineId === null || l.component === 'adjustment' ? [] : [{ lineId: l.lineId, staffId: l.staffId, component: l.component, amountFen: l.amountFen }]);
      const earlier = (await repo.adjustmentsCorrecting(tx, actor.tenantId, period.period)).map((a) => ({ lineId: a.correctsLineId ?? 0, staffId: a.staffId, component: a.component, amountFen: a.amountFen }));
      const drafts = correctionsFor([...paid, ...earlier], asPersonResults(people, false));
      if (!drafts.length) return { adjustments: 0, targetPeriod: null, deltaTotalFen: 0 };
      const target = await correctionPeriod(tx, actor, nextPayPeriod(period.period));
      const ids = await repo.insertAdjustments(tx, actor.tenantId, drafts.map((d) => ({
        periodId: target.id, staffId: d.staffId, component: d.component, amountFen: d.amountFen, correctsLineId: d.correctsLineId || null, correctsPeriod: period.period,
        source: 'late_fact', disputeId: null, reason: `${period.period} 锁定后补录或作废事实重算 / recomputed with facts added or voided after ${period.period} was locked`, createdBy: actor.userId || null,
      })));
      const delta = drafts.reduce((a, d) => a + d.amountFen, 0);
      await auditService.record(tx, actor, { action: 'correct', entity: 'pay_period', entityId: periodId, after: { period: period.period, target: target.period, adjustments: ids.map((i) => i.id), total: yuanOfFen(delta) } });
      return { adjustments: ids.length, targetPeriod: target.period, deltaTotalFen: delta };
    });
  },

  /** A draft policy version against a past period, saving nothing: per-person and total difference against what was paid. */
  async whatIf(db: Db, actor: Actor, periodId: number, document: string): Promise<PayDiff> {
    authorize(actor, 'pay.run');
    const period = await periodOr404(db, actor, periodId);
    const runs = await repo.runs(db, actor.tenantId, periodId);
    const paid = runs.find((r) => r.id === period.lockedRunId) ?? runs.find((r) => r.status !== 'superseded');
    if (!paid) throw new AppError('conflict', msg('该期还没有结算结果可比较', 'This period has no run to compare with'));
    let evaluator;
    try {
      evaluator = compilePlan({ presetId: null, document });
    } catch (e) {
      throw new AppError('validation_failed', { fields: [{ path: 'document', code: 'invalid', message: { 'zh-CN': `方案文档无效：${(e as Error).message}`, en: `Invalid policy document: ${(e as Error).message}` } }] });
    }
    // In a transaction of its own (which writes nothing) so the aggregate's planner settings stay local to it.
    const people = await db.transaction(async (tx) => computePeriod(tx, actor.tenantId, period, await voids.cut(tx, actor.tenantId, periodId, paid), { override: { planId: 0, evaluator } }));
    // What was actually paid: every line of the paid run, the adjustments booked to the period included
    // (a slip with nothing to pay counts as paid 0.00, not as someone new).
    type Person = { staffId: number; totalFen: number; components: Record<string, number> };
    const before = new Map<number, Person>();
    const adjustments = new Map<number, number>();
    for (const l of await repo.runComponents(db, actor.tenantId, paid.id)) {
      const p = before.get(l.staffId) ?? { staffId: l.staffId, totalFen: 0, components: {} };
      before.set(l.staffId, p);
      if (l.component === null) continue;
      p.components[l.component] = (p.components[l.component] ?? 0) + l.amountFen;
      p.totalFen += l.amountFen;
      if (l.component === 'adjustment') adjustments.set(l.staffId, (adjustments.get(l.staffId) ?? 0) + l.amountFen);
    }
    // The draft policy recomputes the plan's lines; the adjustments were paid whatever the policy, so they stay on both sides.
    const after = new Map<number, Person>(asPersonResults(people, false).map((p) => [p.staffId, p]));
    for (const [staffId, amountFen] of adjustments) {
      const p = after.get(staffId) ?? { staffId, totalFen: 0, components: {} };
      p.components.adjustment = amountFen;
      p.totalFen += amountFen;
      after.set(staffId, p);
    }
    const d = diffResults([...before.values()], [...after.values()]);
    const names = new Map((await repo.staffForPay(db, actor.tenantId)).map((s) => [s.id, s.name]));
    return { ...d, beforeLabel: `${period.period} #${paid.seq}`, afterLabel: 'what-if', people: d.people.map((p) => ({ ...p, staffName: names.get(p.staffId) ?? String(p.staffId) })) };
  },

  /** The period's pay as Excel: one row per person, one column per component, totals. */
  async exportRun(db: Db, actor: Actor, runId: number): Promise<{ file: Buffer; name: string }> {
    const scope = authorize(actor, 'pay.readAll');
    const run = await this.run(db, actor, runId);
    const labels = await runComponents(db, actor.tenantId, runId);
    const items = [];
    for (let page = 1; ; page++) {
      const p = await repo.slipPage(db, actor.tenantId, { runId, path: scope === 'subtree' ? actor.orgPath ?? '/none/' : undefined }, page, 1000);
      items.push(...p.items);
      if (page * 1000 >= p.total) break;
    }
    return { file: await writePeriodWorkbook(run, labels, items), name: `pay-${run.period}-run${run.seq}.xlsx` };
  },
};

/** A run's components with their labels, in the order of the plans its slips were paid by (page columns, export). */
export async function runComponents(db: Executor, tenantId: number, runId: number) {
  const [labels, documents] = await Promise.all([repo.componentLabels(db, tenantId, runId), repo.runPlanDocuments(db, tenantId, runId)]);
  return inPlanOrder(labels, documents);
}
