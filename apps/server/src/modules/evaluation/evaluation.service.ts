import {
  appealDeadline, bandPosition, can, canAppeal, distribution, mayReReview, nextStatus, threeSixtyItems,
  type DataScope, type Entry, type ResultAction, type ResultStatus, type ScorecardPolicy,
} from '@kehu/domain';
import type { EvalAppealAnswer, EvalCalibrate, EvalCycle, EvalCycleCreate, EvalCycleDetail, EvalDraft, EvalResult, EvalTasks } from '@kehu/contracts';
import type { Db, Executor } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { businessDate } from '@kehu/domain/business-date';
import { auditService } from '../audit/audit.service.ts';
import { orgUnitsService } from '../org-units/org-units.service.ts';
import { gradesService } from '../grades/grades.service.ts';
import { evaluationRepository as repo, type CycleRow } from './evaluation.repository.ts';
import { autoInputs, inputsOf, policyOf, scoreResult, storedScore, type AutoInputs } from './result-scoring.ts';
import { scorecardPolicies } from './scorecard-policies.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.result>>>;
const NO_AUTO: AutoInputs = { figures: {}, unavailable: {}, voice: null };

const conflict = (zh: string, en: string, details?: Record<string, unknown>) => new AppError('conflict', { message: { 'zh-CN': zh, en }, ...(details ? { details } : {}) });
const refused = (zh: string, en: string) => new AppError('forbidden', { message: { 'zh-CN': zh, en } });
const invalid = (path: string, zh: string, en: string) => new AppError('validation_failed', { fields: [{ path, code: 'invalid', message: { 'zh-CN': zh, en } }] });

function inScope(actor: Actor, scope: DataScope, row: { orgPath: string; r: { staffId: number } }): boolean {
  if (scope === 'tenant') return true;
  if (scope === 'subtree') return !!actor.orgPath && row.orgPath.startsWith(actor.orgPath);
  return actor.staffId !== null && row.r.staffId === actor.staffId;
}

/** Who may draft: the assigned drafter (a supervisor, or HR when nobody above has a login); HR also when nobody is assigned. */
function mayDraft(actor: Actor, row: { r: { drafterStaffId: number | null } }): boolean {
  if (can(actor.role, 'eval.evaluate')) return row.r.drafterStaffId !== null && row.r.drafterStaffId === actor.staffId;
  if (can(actor.role, 'eval.setup')) return row.r.drafterStaffId === null || row.r.drafterStaffId === actor.staffId;
  return false;
}

function step(status: string, action: ResultAction): ResultStatus {
  const next = nextStatus(status as ResultStatus, action);
  if (!next) throw conflict(`当前状态（${status}）不能执行此操作`, `Not allowed while the result is ${status}`);
  return next;
}

const bandsDto = (p: ScorecardPolicy) => p.bands.map((b) => ({ grade: b.grade, label: b.label, min: b.min?.value ?? null, quotaPercent: b.quotaPercent ?? null, coefficient: b.coefficient }));
const coefficientOf = (p: ScorecardPolicy, grade: string) => p.bands.find((b) => b.grade === grade)!.coefficient.toFixed(2);

export const evaluationService = {
  scorecards() {
    return { items: scorecardPolicies.all().map((d) => ({ id: d.id, title: d.title, cycle: d.cycle, items: d.items.length, engine: true })) };
  },

  listScorecards(actor: Actor) {
    authorize(actor, 'eval.setup');
    return this.scorecards();
  },

  /**
   * Sets up a cycle on a scorecard policy: the people, who drafts each result (the nearest
   * supervisor login up the org tree, 一级考核一级; with none above, HR), and who rates whom
   * (superior, self, peers in the same unit, subordinates; customers answer through the survey).
   */
  async createCycle(db: Db, actor: Actor, input: EvalCycleCreate): Promise<EvalCycle> {
    authorize(actor, 'eval.setup');
    const def = scorecardPolicies.find(input.scorecardId);
    if (!def) throw invalid('scorecardId', '考核方案不存在', 'Unknown scorecard');
    if (input.endsOn < input.startsOn) throw invalid('endsOn', '结束日期不能早于开始日期', 'The cycle cannot end before it starts');
    let path: string | null = null;
    if (input.orgUnitId) {
      const unit = await orgUnitsService.findInScope(db, actor, input.orgUnitId, 'tenant');
      if (!unit) throw invalid('orgUnitId', '机构不存在', 'Unknown org unit');
      path = unit.path;
    }
    const id = await db.transaction(async (tx) => {
      const subjects = await repo.subjects(tx, actor.tenantId, input.positions, path);
      if (!subjects.length) throw invalid('positions', '范围内没有可考核的人员', 'Nobody to evaluate in this scope');
      const sups = (await repo.supervisors(tx, actor.tenantId)).sort((a, b) => b.path.length - a.path.length);
      const hr = (await repo.hrEvaluators(tx, actor.tenantId))[0]?.staffId ?? null;
      const cycle = await repo.insertCycle(tx, actor.tenantId, { name: input.name, periodKind: input.periodKind, startsOn: input.startsOn, endsOn: input.endsOn, scorecardId: def.id, scorecard: def });
      // The nearest supervisor login whose unit holds the person (a unit head without a login is skipped); else HR.
      const drafterOf = (s: (typeof subjects)[number]) => sups.find((x) => s.path.startsWith(x.path) && x.staffId !== s.id)?.staffId ?? (hr !== s.id ? hr : null);
      const results = await repo.insertResults(tx, actor.tenantId, subjects.map((s) => ({ cycleId: cycle.id, staffId: s.id, drafterStaffId: drafterOf(s) })));
      const roles = new Set(def.raters.map((r) => r.role));
      const ratings: { resultId: number; raterStaffId: number; raterRole: string }[] = [];
      for (const res of results) {
        const s = subjects.find((x) => x.id === res.staffId)!;
        if (roles.has('superior') && res.drafterStaffId) ratings.push({ resultId: res.id, raterStaffId: res.drafterStaffId, raterRole: 'superior' });
        if (roles.has('self')) ratings.push({ resultId: res.id, raterStaffId: s.id, raterRole: 'self' });
        if (roles.has('peer')) for (const p of subjects) if (p.id !== s.id && p.orgUnitId === s.orgUnitId) ratings.push({ resultId: res.id, raterStaffId: p.id, raterRole: 'peer' });
        if (roles.has('subordinate')) for (const r of results) if (r.drafterStaffId === s.id) ratings.push({ resultId: res.id, raterStaffId: r.staffId, raterRole: 'subordinate' });
      }
      await repo.insertRatings(tx, actor.tenantId, ratings);
      await auditService.record(tx, actor, { action: 'create', entity: 'eval_cycle', entityId: cycle.id, after: { ...cycle, scorecard: def.id, people: results.length, ratings: ratings.length } });
      return cycle.id;
    });
    return (await this.listCycles(db, actor, true)).items.find((c) => c.id === id)!;
  },

  async listCycles(db: Db, actor: Actor, skipAuth = false): Promise<{ items: EvalCycle[] }> {
    if (!skipAuth) authorize(actor, 'eval.readAll');
    const [cycles, counts] = await Promise.all([repo.cycles(db, actor.tenantId), repo.statusCounts(db, actor.tenantId)]);
    return {
      items: cycles.map((c) => {
        const mine = counts.filter((x) => x.cycleId === c.id);
        return { id: c.id, name: c.name, periodKind: c.periodKind, startsOn: c.startsOn, endsOn: c.endsOn, scorecardId: c.scorecardId, status: c.status, people: mine.reduce((a, x) => a + x.n, 0), counts: Object.fromEntries(mine.map((x) => [x.status, x.n])) };
      }),
    };
  },

  /** The progress board (who has not evaluated whom) and the band distribution, over the actor's scope. */
  async getCycle(db: Db, actor: Actor, id: number): Promise<EvalCycleDetail> {
    const scope = authorize(actor, 'eval.readAll');
    const cycle = await repo.cycle(db, actor.tenantId, id);
    if (!cycle) throw notFound();
    const def = policyOf(cycle);
    const rows = (await repo.results(db, actor.tenantId, { cycleId: id })).filter((r) => inScope(actor, scope, r));
    if (scope !== 'tenant' && !rows.length) throw notFound();
    const ratings = await repo.ratingsFor(db, actor.tenantId, rows.map((r) => r.r.id));
    const names = await repo.staffNames(db, actor.tenantId, rows.map((r) => r.r.drafterStaffId).filter((x): x is number => x !== null));
    const all = (await repo.results(db, actor.tenantId, { cycleId: id }));
    const finalBands = all.map((r) => r.r.calibratedBand ?? r.r.band).filter((b): b is string => !!b);
    const summary = (await this.listCycles(db, actor, true)).items.find((c) => c.id === id)!;
    return {
      ...summary, bands: bandsDto(def), distribution: distribution(def.bands, finalBands),
      items: def.items.map((i) => ({ id: i.id, label: i.label, source: i.source, weight: i.weight, group: i.group ?? '' })),
      rows: rows.map((r) => {
        const mine = ratings.filter((x) => x.r.resultId === r.r.id);
        return {
          resultId: r.r.id, staffId: r.r.staffId, name: r.name, orgUnitName: r.orgUnitName, status: r.r.status,
          drafter: r.r.drafterStaffId ? names.get(r.r.drafterStaffId) ?? null : null, total: r.r.total, band: r.r.band, calibratedBand: r.r.calibratedBand,
          raters: { submitted: mine.filter((x) => x.r.submittedAt).length, total: mine.length },
          pendingRaters: mine.filter((x) => !x.r.submittedAt).map((x) => x.raterName),
        };
      }),
    };
  },

  async tasks(db: Db, actor: Actor): Promise<EvalTasks> {
    authorize(actor, 'eval.rate');
    if (!actor.staffId) return { ratings: [], drafts: [] };
    const rows = await repo.ratingTasks(db, actor.tenantId, actor.staffId);
    const drafts = can(actor.role, 'eval.evaluate') ? await repo.draftsFor(db, actor.tenantId, actor.staffId) : [];
    return {
      ratings: rows.filter((r) => r.r.raterRole !== 'superior' && ['pending', 'drafted'].includes(r.resultStatus)).map((r) => ({
        id: r.r.id, resultId: r.r.resultId, cycleName: r.cycleName, subject: r.subject, raterRole: r.r.raterRole, submitted: !!r.r.submittedAt,
        items: (r.scorecard as ScorecardPolicy).items.filter((i) => i.source === '360').map((i) => ({ id: i.id, label: i.label })),
      })),
      drafts,
    };
  },

  /** A 360 answer. Only the assigned rater submits it; it is stored with the rater but never shown with the name. */
  async submitRating(db: Db, actor: Actor, id: number, body: { scores: Record<string, number>; comment: string }): Promise<{ ok: true }> {
    authorize(actor, 'eval.rate');
    await db.transaction(async (tx) => {
      const rating = await repo.rating(tx, actor.tenantId, id);
      if (!rating || rating.raterStaffId !== actor.staffId) throw notFound();
      const row = (await repo.result(tx, actor.tenantId, rating.resultId))!;
      if (!['pending', 'drafted'].includes(row.r.status)) throw conflict('该考核已进入审核，不能再评分', 'The result is past drafting; ratings are closed');
      const cycle = (await repo.cycle(tx, actor.tenantId, row.r.cycleId))!;
      const ids = new Set(threeSixtyItems(policyOf(cycle)));
      for (const k of Object.keys(body.scores)) if (!ids.has(k)) throw invalid(`scores.${k}`, '不是360评价项目', 'Not a 360-degree item');
      await repo.upsertRating(tx, actor.tenantId, { resultId: rating.resultId, raterStaffId: rating.raterStaffId, raterRole: rating.raterRole, scores: body.scores, comment: body.comment });
      // The audit names the rating, not its scores: HR can prove who answered without the person learning what.
      await auditService.record(tx, actor, { action: 'rate', entity: 'eval_rating', entityId: id, after: { resultId: rating.resultId, role: rating.raterRole } });
    });
    return { ok: true };
  },

  async loadVisible(db: Executor, actor: Actor, id: number): Promise<{ row: Row; own: boolean; scope: DataScope }> {
    const all = can(actor.role, 'eval.readAll');
    const scope = authorize(actor, all ? 'eval.readAll' : 'eval.readOwn');
    const row = await repo.result(db, actor.tenantId, id);
    if (!row) throw notFound();
    const own = actor.staffId !== null && row.r.staffId === actor.staffId;
    if (!own && !(all && inScope(actor, scope, row))) throw notFound();
    return { row, own, scope };
  },

  async getResult(db: Db, actor: Actor, id: number): Promise<EvalResult> {
    const { row, own } = await this.loadVisible(db, actor, id);
    const cycle = (await repo.cycle(db, actor.tenantId, row.r.cycleId))!;
    // 考核结果与考核对象见面: the person sees the result once published, not the drafts before.
    const hide = own && !['published', 'acknowledged', 'appealed', 'final'].includes(row.r.status);
    // The drafter (and HR) see what Kehu fills in before scoring; the figures are read with their own rights.
    const auto = !own && ['pending', 'drafted'].includes(row.r.status) && mayDraft(actor, row) ? await autoInputs(db, actor, cycle, row.r.staffId) : NO_AUTO;
    return this.toDto(db, actor, row, cycle, hide, auto);
  },

  async toDto(db: Executor, actor: Actor, row: Row, cycle: CycleRow, hide: boolean, auto: AutoInputs): Promise<EvalResult> {
    const def = policyOf(cycle);
    const s = hide ? null : storedScore(row.r.score);
    const [appeal] = hide ? [] : await repo.appealsFor(db, actor.tenantId, [row.r.id]);
    const names = await repo.staffNames(db, actor.tenantId, row.r.drafterStaffId ? [row.r.drafterStaffId] : []);
    const band = hide ? null : (row.r.calibratedBand ?? row.r.band);
    return {
      id: row.r.id, cycleId: cycle.id, cycleName: cycle.name, staffId: row.r.staffId, name: row.name, status: row.r.status,
      drafter: row.r.drafterStaffId ? names.get(row.r.drafterStaffId) ?? null : null,
      total: hide ? null : row.r.total, band, bandLabel: band ? def.bands.find((b) => b.grade === band)?.label ?? null : null,
      coefficient: hide ? null : row.r.coefficient, calibratedBand: hide ? null : row.r.calibratedBand, calibrationReason: hide ? null : row.r.calibrationReason,
      reviewComment: hide ? null : row.r.reviewComment, publishedOn: row.r.publishedOn, appealDeadline: row.r.appealDeadline, acknowledgedAt: row.r.acknowledgedAt,
      lines: s?.lines ?? [], conductPoints: s?.conductPoints ?? null, vetoed: s?.vetoed ?? false, raters: s?.raters ?? [], policy: { id: def.id, version: def.version },
      // The stored trace ends at the scored band; HR's calibration (or an accepted appeal) is the last step.
      trace: [...(s?.trace ?? []), ...(!hide && row.r.calibratedBand && row.r.calibratedBand !== row.r.band ? [`calibrated ${row.r.band} → ${row.r.calibratedBand}: ${row.r.calibrationReason ?? ''}`] : [])],
      figures: auto.figures, unavailable: auto.unavailable, inputs: inputsOf(def), entered: hide ? {} : (row.r.entered as EvalResult['entered']),
      appeal: appeal ? { id: appeal.id, reason: appeal.reason, status: appeal.status, answer: appeal.answer, bandBefore: appeal.bandBefore, bandAfter: appeal.bandAfter } : null,
      items: def.items.map((i) => ({ id: i.id, label: i.label, source: i.source, weight: i.weight, clause: i.clause })),
    };
  },

  /**
   * The drafter scores: enters what Kehu has no figure for (with evidence and comment) and the
   * superior's 360 scores; figures Kehu has fill themselves; the policy engine scores.
   */
  async draft(db: Db, actor: Actor, id: number, body: EvalDraft): Promise<EvalResult> {
    const scope = authorize(actor, can(actor.role, 'eval.evaluate') ? 'eval.evaluate' : 'eval.setup');
    const row = await repo.result(db, actor.tenantId, id);
    if (!row || !inScope(actor, scope, row) || row.r.staffId === actor.staffId) throw notFound();
    if (!mayDraft(actor, row)) throw refused('只有直接上级可以起草该考核（一级考核一级）', 'Only the supervisor one level up drafts this result');
    const cycle = (await repo.cycle(db, actor.tenantId, row.r.cycleId))!;
    if (cycle.status !== 'open') throw conflict('考核周期已结束', 'The cycle is closed');
    const status = step(row.r.status, 'draft');
    const def = policyOf(cycle);
    const inputs = inputsOf(def);
    for (const k of Object.keys(body.entered)) {
      const input = inputs.find((i) => i.key === k);
      if (!input || !['entered', 'figure', 'survey'].includes(input.fill)) throw invalid(`entered.${k}`, '该项目不由考核人录入', 'This item is not entered by the evaluator');
    }
    const items360 = threeSixtyItems(def);
    for (const k of Object.keys(body.superiorScores ?? {})) if (!items360.includes(k)) throw invalid(`superiorScores.${k}`, '不是360评价项目', 'Not a 360-degree item');
    const auto = await autoInputs(db, actor, cycle, row.r.staffId);
    return db.transaction(async (tx) => {
      if (body.superiorScores && actor.staffId !== null && def.raters.some((r) => r.role === 'superior')) {
        await repo.upsertRating(tx, actor.tenantId, { resultId: id, raterStaffId: actor.staffId, raterRole: 'superior', scores: body.superiorScores, comment: '' });
      }
      const entered = { ...(row.r.entered as Record<string, Entry>), ...body.entered };
      const { stored, run } = await scoreResult(tx, actor, row.r.id, row.r.staffId, cycle, entered, auto);
      const after = await repo.updateResult(tx, actor.tenantId, row.r.id, {
        status, draftedBy: actor.userId, entered, score: stored, total: run.total, band: run.band.grade, coefficient: run.band.coefficient.toFixed(2),
      });
      await auditService.record(tx, actor, { action: 'draft', entity: 'eval_result', entityId: id, before: { status: row.r.status, total: row.r.total, band: row.r.band }, after: { status: after.status, total: after.total, band: after.band, entered, policy: run.policy } });
      return this.toDto(tx, actor, { ...row, r: after }, cycle, false, auto);
    });
  },

  /** The level above reviews the draft; never the one who drafted it. */
  async review(db: Db, actor: Actor, id: number, body: { comment: string }): Promise<EvalResult> {
    const scope = authorize(actor, 'eval.review');
    const row = await repo.result(db, actor.tenantId, id);
    if (!row || !inScope(actor, scope, row) || row.r.staffId === actor.staffId) throw notFound();
    if ((actor.staffId !== null && actor.staffId === row.r.drafterStaffId) || row.r.draftedBy === actor.userId) throw refused('起草人不能审核自己的考核，须由上一级审核', 'The drafter cannot review their own draft; the level above does');
    const status = step(row.r.status, 'review');
    const cycle = (await repo.cycle(db, actor.tenantId, row.r.cycleId))!;
    return db.transaction(async (tx) => {
      const after = await repo.updateResult(tx, actor.tenantId, id, { status, reviewedBy: actor.userId, reviewComment: body.comment || null });
      await auditService.record(tx, actor, { action: 'review', entity: 'eval_result', entityId: id, before: { status: row.r.status }, after: { status, comment: body.comment } });
      return this.toDto(tx, actor, { ...row, r: after }, cycle, false, NO_AUTO);
    });
  },

  /** HR calibration: band changes need a reason; the distribution must keep each band's quota. */
  async calibrate(db: Db, actor: Actor, cycleId: number, body: EvalCalibrate): Promise<EvalCycleDetail> {
    authorize(actor, 'eval.calibrate');
    await db.transaction(async (tx) => {
      const cycle = await repo.cycle(tx, actor.tenantId, cycleId);
      if (!cycle) throw notFound();
      const def = policyOf(cycle);
      const rows = await repo.results(tx, actor.tenantId, { cycleId });
      const waiting = rows.filter((r) => !['reviewed', 'calibrated'].includes(r.r.status));
      if (waiting.length) throw conflict(`还有 ${waiting.length} 人未完成起草和审核`, `${waiting.length} result(s) are not yet drafted and reviewed`, { waiting: waiting.map((w) => w.name) });
      const changes = new Map(body.changes.map((c) => [c.resultId, c]));
      for (const c of body.changes) {
        if (!rows.some((r) => r.r.id === c.resultId)) throw invalid('changes', '结果不属于该周期', 'A result is not in this cycle');
        if (!def.bands.some((b) => b.grade === c.band)) throw invalid('changes', `等次 ${c.band} 不存在`, `Unknown band ${c.band}`);
      }
      const finalBands = rows.map((r) => changes.get(r.r.id)?.band ?? r.r.calibratedBand ?? r.r.band!);
      const dist = distribution(def.bands, finalBands);
      if (dist.some((d) => d.over)) throw conflict('超出等次名额比例', 'A band is over its headcount quota', { distribution: dist });
      for (const r of rows) {
        const c = changes.get(r.r.id);
        const band = c?.band ?? r.r.calibratedBand ?? r.r.band!;
        const coefficient = coefficientOf(def, band);
        await repo.updateResult(tx, actor.tenantId, r.r.id, { status: 'calibrated', ...(c ? { calibratedBand: c.band, calibrationReason: c.reason } : {}), coefficient });
        if (c) await auditService.record(tx, actor, { action: 'calibrate', entity: 'eval_result', entityId: r.r.id, before: { band: r.r.calibratedBand ?? r.r.band }, after: { band: c.band, reason: c.reason } });
      }
      await auditService.record(tx, actor, { action: 'calibrate', entity: 'eval_cycle', entityId: cycleId, after: { distribution: dist } });
    });
    return this.getCycle(db, actor, cycleId);
  },

  /** Publishes to the people (考核结果与考核对象见面) with the appeal deadline; proposes grade changes. */
  async publish(db: Db, actor: Actor, cycleId: number): Promise<EvalCycleDetail> {
    authorize(actor, 'eval.publish');
    const today = businessDate();
    await db.transaction(async (tx) => {
      const cycle = await repo.cycle(tx, actor.tenantId, cycleId);
      if (!cycle) throw notFound();
      if (cycle.status !== 'open') throw conflict('该周期已发布', 'The cycle is already published');
      const rows = await repo.results(tx, actor.tenantId, { cycleId });
      if (rows.some((r) => r.r.status !== 'calibrated')) throw conflict('请先完成校准', 'Calibrate every result first');
      const def = policyOf(cycle);
      const deadline = appealDeadline(today, def.appealDays);
      for (const r of rows) await repo.updateResult(tx, actor.tenantId, r.r.id, { status: 'published', publishedOn: today, appealDeadline: deadline });
      await repo.updateCycle(tx, actor.tenantId, cycleId, { status: 'published' });
      await auditService.record(tx, actor, { action: 'publish', entity: 'eval_cycle', entityId: cycleId, after: { publishedOn: today, appealDeadline: deadline, people: rows.length } });
      await gradesService.proposeFromCycle(tx, actor, cycleId, rows.map((r) => {
        const band = r.r.calibratedBand ?? r.r.band!;
        return { staffId: r.r.staffId, band, position: bandPosition(def.bands, band) };
      }));
    });
    return this.getCycle(db, actor, cycleId);
  },

  async mine(db: Db, actor: Actor): Promise<{ items: EvalResult[] }> {
    authorize(actor, 'eval.readOwn');
    if (!actor.staffId) return { items: [] };
    const rows = await repo.results(db, actor.tenantId, { staffId: actor.staffId });
    const items: EvalResult[] = [];
    for (const row of rows) {
      const cycle = (await repo.cycle(db, actor.tenantId, row.r.cycleId))!;
      items.push(await this.toDto(db, actor, row, cycle, !['published', 'acknowledged', 'appealed', 'final'].includes(row.r.status), NO_AUTO));
    }
    return { items: items.reverse() };
  },

  async loadOwn(db: Executor, actor: Actor, id: number): Promise<Row> {
    const row = await repo.result(db, actor.tenantId, id);
    if (!row || actor.staffId === null || row.r.staffId !== actor.staffId) throw notFound();
    return row;
  },

  async acknowledge(db: Db, actor: Actor, id: number): Promise<EvalResult> {
    authorize(actor, 'eval.appeal');
    const row = await this.loadOwn(db, actor, id);
    const status = step(row.r.status, 'acknowledge');
    return db.transaction(async (tx) => {
      const after = await repo.updateResult(tx, actor.tenantId, id, { status, acknowledgedAt: new Date().toISOString() });
      await auditService.record(tx, actor, { action: 'acknowledge', entity: 'eval_result', entityId: id, before: { status: row.r.status }, after: { status } });
      return this.toDto(tx, actor, { ...row, r: after }, (await repo.cycle(tx, actor.tenantId, row.r.cycleId))!, false, NO_AUTO);
    });
  },

  /** The person appeals within the policy's deadline (the last day included). */
  async appeal(db: Db, actor: Actor, id: number, reason: string): Promise<EvalResult> {
    authorize(actor, 'eval.appeal');
    const row = await this.loadOwn(db, actor, id);
    const status = step(row.r.status, 'appeal');
    if (!row.r.appealDeadline || !canAppeal(businessDate(), row.r.appealDeadline)) throw conflict(`申诉期已于 ${row.r.appealDeadline} 届满`, `The appeal period ended on ${row.r.appealDeadline}`);
    return db.transaction(async (tx) => {
      const appeal = await repo.insertAppeal(tx, actor.tenantId, { resultId: id, reason, bandBefore: row.r.calibratedBand ?? row.r.band });
      const after = await repo.updateResult(tx, actor.tenantId, id, { status });
      await auditService.record(tx, actor, { action: 'appeal', entity: 'eval_result', entityId: id, before: { status: row.r.status }, after: { status, appealId: appeal.id, reason } });
      return this.toDto(tx, actor, { ...row, r: after }, (await repo.cycle(tx, actor.tenantId, row.r.cycleId))!, false, NO_AUTO);
    });
  },

  async appeals(db: Db, actor: Actor) {
    const scope = authorize(actor, 'eval.answerAppeal');
    const rows = await repo.appeals(db, actor.tenantId, scope === 'tenant' ? null : (actor.orgPath ?? '/none/'));
    return {
      items: rows.filter((x) => x.r.staffId !== actor.staffId).map((x) => ({
        id: x.a.id, resultId: x.a.resultId, staffId: x.r.staffId, name: x.name, cycleName: x.cycleName, reason: x.a.reason, status: x.a.status,
        band: x.r.calibratedBand ?? x.r.band, answer: x.a.answer, createdAt: x.a.createdAt,
        mayAnswer: x.a.status === 'open' && mayReReview(actor.staffId, x.r.drafterStaffId, x.r.staffId),
      })),
    };
  },

  /** Re-review by someone other than the first evaluator: accepted (band changed, audited) or rejected with a reason. */
  async answerAppeal(db: Db, actor: Actor, appealId: number, body: EvalAppealAnswer): Promise<EvalResult> {
    const scope = authorize(actor, 'eval.answerAppeal');
    return db.transaction(async (tx) => {
      const appeal = await repo.appeal(tx, actor.tenantId, appealId);
      if (!appeal) throw notFound();
      const row = await repo.result(tx, actor.tenantId, appeal.resultId);
      if (!row || !inScope(actor, scope, row) || row.r.staffId === actor.staffId) throw notFound();
      if (!mayReReview(actor.staffId, row.r.drafterStaffId, row.r.staffId)) throw refused('申诉须由首次考核人以外的人复核', 'An appeal is re-reviewed by someone other than the first evaluator');
      const status = step(row.r.status, 'answerAppeal');
      const cycle = (await repo.cycle(tx, actor.tenantId, row.r.cycleId))!;
      const def = policyOf(cycle);
      const before = row.r.calibratedBand ?? row.r.band;
      let band = before;
      if (body.accept) {
        if (!body.band || !def.bands.some((b) => b.grade === body.band)) throw invalid('band', '请选择复核后的等次', 'Choose the band after re-review');
        band = body.band;
      }
      const coefficient = coefficientOf(def, band!);
      const after = await repo.updateResult(tx, actor.tenantId, row.r.id, { status, ...(body.accept ? { calibratedBand: band, calibrationReason: `申诉复核：${body.answer}`, coefficient } : {}) });
      await repo.updateAppeal(tx, actor.tenantId, appealId, { status: body.accept ? 'accepted' : 'rejected', answer: body.answer, answeredBy: actor.userId, answeredAt: new Date().toISOString(), bandAfter: band });
      await auditService.record(tx, actor, { action: body.accept ? 'appeal_accept' : 'appeal_reject', entity: 'eval_result', entityId: row.r.id, before: { status: row.r.status, band: before }, after: { status, band, answer: body.answer } });
      if (body.accept && band !== before) await gradesService.proposeFromCycle(tx, actor, cycle.id, [{ staffId: row.r.staffId, band: band!, position: bandPosition(def.bands, band!) }], true);
      return this.toDto(tx, actor, { ...row, r: after }, cycle, false, NO_AUTO);
    });
  },

  /** For pay: the coefficient of a person's latest published result (a compensation plan reads it), or null. */
  async coefficientFor(db: Executor, actor: Actor, staffId: number): Promise<{ coefficient: string; band: string; cycleId: number } | null> {
    const rows = (await repo.results(db, actor.tenantId, { staffId })).filter((r) => ['published', 'acknowledged', 'appealed', 'final'].includes(r.r.status));
    const last = rows.sort((a, b) => b.r.cycleId - a.r.cycleId)[0];
    return last ? { coefficient: last.r.coefficient!, band: last.r.calibratedBand ?? last.r.band!, cycleId: last.r.cycleId } : null;
  },

  /** For grades: a person's latest published band. */
  async latestBand(db: Executor, actor: Actor, staffId: number): Promise<string | null> {
    return (await this.coefficientFor(db, actor, staffId))?.band ?? null;
  },
};
