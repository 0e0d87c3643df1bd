import { bandPosition, benefitsGrade, gradeInfo, gradesOf, ladderById, proposeShift, shiftGrade, type DataScope, type ScorecardPolicy } from '@kehu/domain';
import type { GradeView, QualificationCreate } from '@kehu/contracts';
import type { Db, Executor } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { businessDate } from '@kehu/domain/business-date';
import { auditService } from '../audit/audit.service.ts';
import { gradesRepository as repo } from './grades.repository.ts';

/**
 * Bands that meet a level's performance standard (bank 2005 clause 4): every band of the result's
 * scorecard policy but the bottom one (tobacco A–C; bank 2005 up and keep). Kehu's decision.
 */
const standardBands = (scorecard: unknown): string[] => ((scorecard as ScorecardPolicy | null)?.bands ?? []).slice(0, -1).map((b) => b.grade);
const invalid = (path: string, zh: string, en: string) => new AppError('validation_failed', { fields: [{ path, code: 'invalid', message: { 'zh-CN': zh, en } }] });

function reaches(actor: Actor, scope: DataScope, p: { id: number; path: string }): boolean {
  if (scope === 'tenant') return true;
  if (scope === 'subtree') return !!actor.orgPath && p.path.startsWith(actor.orgPath);
  return p.id === actor.staffId;
}

export const gradesService = {
  /** A person's grade held, the grade whose benefits apply and why they differ, with history and qualifications. */
  async view(db: Executor, actor: Actor, staffId: number): Promise<GradeView> {
    const scope = authorize(actor, 'grades.read');
    const p = await repo.person(db, actor.tenantId, staffId);
    if (!p || !reaches(actor, scope, p)) throw notFound();
    const [history, quals, bands] = await Promise.all([repo.history(db, actor.tenantId, staffId), repo.qualifications(db, actor.tenantId, staffId), repo.latestBands(db, actor.tenantId, staffId)]);
    const cur = history[0]?.h ?? null;
    const ladder = cur ? ladderById(cur.ladderId) : null;
    const qualifiedLevels = quals.filter((q) => q.kind === 'qualification' && q.passed && q.level).map((q) => q.level!);
    const latestBand = bands[0] ? (bands[0].calibratedBand ?? bands[0].band) : null;
    const b = cur && ladder ? benefitsGrade(ladder, { held: cur.toGrade, qualifiedLevels, latestBand, standardBands: bands[0] ? standardBands(bands[0].scorecard) : [] }) : null;
    const label = (code: string | null) => (code && ladder ? gradeInfo(ladder, code)?.label ?? null : null);
    return {
      staffId, name: p.name, ladderId: cur?.ladderId ?? null, held: cur?.toGrade ?? null, heldLabel: label(cur?.toGrade ?? null),
      applies: b?.applies ?? null, appliesLabel: label(b?.applies ?? null), reasons: b?.reasons ?? [], latestBand, qualifiedLevels,
      history: history.map(({ h, approver }) => ({ id: h.id, ladderId: h.ladderId, fromGrade: h.fromGrade, fromLabel: label(h.fromGrade), toGrade: h.toGrade, toLabel: label(h.toGrade), effectiveOn: h.effectiveOn, reason: h.reason, approvedBy: approver })),
      qualifications: quals.map((q) => ({ id: q.id, kind: q.kind, name: q.name, level: q.level, score: q.score, passed: q.passed, takenOn: q.takenOn })),
    };
  },

  async mine(db: Db, actor: Actor): Promise<GradeView> {
    authorize(actor, 'grades.read');
    if (!actor.staffId) throw notFound();
    return this.view(db, actor, actor.staffId);
  },

  /** HR sets a grade directly (appointment, correction) with a reason; history keeps from → to. */
  async set(db: Db, actor: Actor, staffId: number, input: { ladderId: string; grade: string; effectiveOn: string; reason: string }): Promise<GradeView> {
    authorize(actor, 'grades.approve');
    await db.transaction(async (tx) => this.change(tx, actor, staffId, input, null));
    return this.view(db, actor, staffId);
  },

  async change(tx: Executor, actor: Actor, staffId: number, input: { ladderId: string; grade: string; effectiveOn: string; reason: string }, proposalId: number | null) {
    const ladder = ladderById(input.ladderId);
    if (!ladder) throw invalid('ladderId', '等级序列不存在', 'Unknown ladder');
    if (!gradeInfo(ladder, input.grade)) throw invalid('grade', '该序列没有这个等级', 'No such grade on this ladder');
    const p = await repo.person(tx, actor.tenantId, staffId);
    if (!p) throw notFound();
    const cur = (await repo.current(tx, actor.tenantId, [staffId])).get(staffId) ?? null;
    const row = await repo.insertHistory(tx, actor.tenantId, { staffId, ladderId: input.ladderId, fromGrade: cur?.toGrade ?? null, toGrade: input.grade, effectiveOn: input.effectiveOn, reason: input.reason, approvedBy: actor.userId, proposalId });
    await auditService.record(tx, actor, { action: 'grade_change', entity: 'staff', entityId: staffId, before: { grade: cur?.toGrade ?? null }, after: { grade: input.grade, reason: input.reason, proposalId } });
    return row;
  },

  /**
   * Grades float (能上能下): after publication each band proposes a step up or down on the
   * person's current ladder; HR approves or changes each proposal with a reason.
   */
  /** Proposes grade steps from published bands; `position` is the band's place in the cycle policy's bands. */
  async proposeFromCycle(tx: Executor, actor: Actor, cycleId: number, results: { staffId: number; band: string; position: 'top' | 'middle' | 'bottom' }[], reopen = false): Promise<void> {
    const current = await repo.current(tx, actor.tenantId, results.map((r) => r.staffId));
    for (const r of results) {
      const cur = current.get(r.staffId);
      const ladder = cur ? ladderById(cur.ladderId) : null;
      if (!cur || !ladder) continue;
      const prev = (await repo.latestBands(tx, actor.tenantId, r.staffId))[1];
      const prevBand = prev ? (prev.calibratedBand ?? prev.band) : null;
      const delta = proposeShift(r.position, prev && prevBand ? bandPosition((prev.scorecard as ScorecardPolicy).bands ?? [], prevBand) : null);
      if (delta === 0 && !reopen) continue;
      const proposed = shiftGrade(ladder, cur.toGrade, delta);
      await repo.upsertProposal(tx, actor.tenantId, { cycleId, staffId: r.staffId, ladderId: cur.ladderId, fromGrade: cur.toGrade, proposedGrade: proposed, basis: `考核等次 ${r.band} → ${delta > 0 ? '+' : ''}${delta} 档` });
    }
    await auditService.record(tx, actor, { action: 'propose_grades', entity: 'eval_cycle', entityId: cycleId, after: { people: results.length } });
  },

  async proposals(db: Db, actor: Actor) {
    const scope = authorize(actor, 'grades.propose');
    const rows = await repo.proposals(db, actor.tenantId, scope === 'tenant' ? null : (actor.orgPath ?? '/none/'));
    const grades = (ladderId: string) => { const l = ladderById(ladderId); return l ? gradesOf(l).map((g) => ({ code: g.code, label: g.label })) : []; };
    return { items: rows.map(({ p, name, cycleName }) => ({ id: p.id, cycleId: p.cycleId, cycleName, staffId: p.staffId, name, ladderId: p.ladderId, fromGrade: p.fromGrade, proposedGrade: p.proposedGrade, basis: p.basis, status: p.status, decidedGrade: p.decidedGrade, decisionReason: p.decisionReason, grades: grades(p.ladderId) })) };
  },

  async decide(db: Db, actor: Actor, id: number, input: { grade: string; reason: string }) {
    authorize(actor, 'grades.approve');
    await db.transaction(async (tx) => {
      const p = await repo.proposal(tx, actor.tenantId, id);
      if (!p) throw notFound();
      if (p.status !== 'open') throw new AppError('conflict', { message: { 'zh-CN': '该建议已处理', en: 'This proposal has been decided' } });
      const effectiveOn = businessDate();
      if (input.grade !== p.fromGrade) await this.change(tx, actor, p.staffId, { ladderId: p.ladderId, grade: input.grade, effectiveOn, reason: input.reason }, id);
      await repo.updateProposal(tx, actor.tenantId, id, { status: input.grade === p.proposedGrade ? 'approved' : 'changed', decidedGrade: input.grade, decisionReason: input.reason, decidedBy: actor.userId, decidedAt: new Date().toISOString() });
      await auditService.record(tx, actor, { action: 'decide', entity: 'grade_proposal', entityId: id, before: { proposed: p.proposedGrade }, after: { grade: input.grade, reason: input.reason } });
    });
    return (await this.proposals(db, actor)).items.find((x) => x.id === id)!;
  },

  async addQualification(db: Db, actor: Actor, input: QualificationCreate) {
    authorize(actor, 'competitions.manage');
    await db.transaction(async (tx) => {
      const p = await repo.person(tx, actor.tenantId, input.staffId);
      if (!p) throw notFound();
      const q = await repo.insertQualification(tx, actor.tenantId, { ...input, score: input.score === null ? null : input.score.toFixed(2) });
      await auditService.record(tx, actor, { action: 'create', entity: 'qualification', entityId: q.id, after: q });
    });
    return this.view(db, actor, input.staffId);
  },

  /** For competitions: the person's record (for eligibility) if it exists in the tenant. */
  async person(db: Executor, actor: Actor, staffId: number) {
    return repo.person(db, actor.tenantId, staffId);
  },
};
