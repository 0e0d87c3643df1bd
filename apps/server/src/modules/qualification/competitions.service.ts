import { addMonths, gradeInfo, ladderById, type EducationLevel, type EligibilityRules } from '@kehu/domain';
import type { ApplicantCreate, Competition, CompetitionCreate } from '@kehu/contracts';
import type { Db } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { withDbErrors } from '../../lib/db-errors.ts';
import { auditService } from '../audit/audit.service.ts';
import { gradesService } from '../grades/grades.service.ts';
import { competitionsRepository as repo } from './competitions.repository.ts';
import { eligibilityChecker } from './eligibility-checker.ts';

const gradeLabel = (ladderId: string, code: string) => { const l = ladderById(ladderId); return (l && gradeInfo(l, code)?.label) ?? null; };
const invalid = (path: string, zh: string, en: string) => new AppError('validation_failed', { fields: [{ path, code: 'invalid', message: { 'zh-CN': zh, en } }] });
const conflict = (zh: string, en: string) => new AppError('conflict', { message: { 'zh-CN': zh, en } });

/** Public competitions (公开竞聘): eligibility with reasons, double exam, appointment, probation (见习) and its end. */
export const competitionsService = {
  async list(db: Db, actor: Actor): Promise<{ items: Competition[] }> {
    authorize(actor, 'competitions.manage');
    const rows = await repo.list(db, actor.tenantId);
    const items: Competition[] = [];
    for (const c of rows) items.push(await this.dto(db, actor, c.id));
    return { items };
  },

  async get(db: Db, actor: Actor, id: number): Promise<Competition> {
    authorize(actor, 'competitions.manage');
    return this.dto(db, actor, id);
  },

  async dto(db: Db, actor: Actor, id: number): Promise<Competition> {
    const c = await repo.get(db, actor.tenantId, id);
    if (!c) throw notFound();
    const apps = await repo.applicants(db, actor.tenantId, id);
    return {
      id: c.id, title: c.title, ladderId: c.ladderId, grade: c.grade, gradeLabel: gradeLabel(c.ladderId, c.grade), heldOn: c.heldOn, status: c.status, probationMonths: c.probationMonths, rules: c.rules as Competition['rules'],
      applicants: apps.map(({ a, name }) => ({ id: a.id, staffId: a.staffId, name, examScore: a.examScore, characterReview: a.characterReview, eligible: a.eligible, route: a.route, reasons: a.reasons as { zh: string; en: string }[], status: a.status, probationEndsOn: a.probationEndsOn })),
    };
  },

  async create(db: Db, actor: Actor, input: CompetitionCreate): Promise<Competition> {
    authorize(actor, 'competitions.manage');
    const ladder = ladderById(input.ladderId);
    if (!ladder) throw invalid('ladderId', '等级序列不存在', 'Unknown ladder');
    if (!gradeInfo(ladder, input.grade)) throw invalid('grade', '该序列没有这个等级', 'No such grade on this ladder');
    const id = await db.transaction(async (tx) => {
      const c = await repo.insert(tx, actor.tenantId, input);
      await auditService.record(tx, actor, { action: 'create', entity: 'competition', entityId: c.id, after: c });
      return c.id;
    });
    return this.dto(db, actor, id);
  },

  /** Registers an applicant and checks eligibility on the competition date; double exam: knowledge score + character review. */
  async apply(db: Db, actor: Actor, id: number, input: ApplicantCreate): Promise<Competition> {
    authorize(actor, 'competitions.manage');
    await db.transaction(async (tx) => {
      const c = await repo.get(tx, actor.tenantId, id);
      if (!c) throw notFound();
      const p = await gradesService.person(tx, actor, input.staffId);
      if (!p) throw invalid('staffId', '人员不存在', 'Unknown person');
      const rules = c.rules as EligibilityRules;
      const outcome = eligibilityChecker.check(rules, { gender: p.gender as 'male' | 'female', birthDate: p.birthDate, education: p.education as EducationLevel, examScore: input.examScore, avgDailyDepositsYuan: input.avgDailyDepositsYuan }, c.heldOn, c.title);
      const reasons = [...outcome.reasons];
      if (input.characterReview === 'fail') reasons.push({ zh: '品行与业绩考察未通过（双考上岗）', en: 'Character and performance review failed (double exam)' });
      const eligible = outcome.eligible && input.characterReview !== 'fail';
      const a = await withDbErrors(() => repo.insertApplicant(tx, actor.tenantId, {
        competitionId: id, staffId: input.staffId, examScore: input.examScore === null ? null : input.examScore.toFixed(2), characterReview: input.characterReview,
        avgDailyDepositsYuan: input.avgDailyDepositsYuan === null ? null : input.avgDailyDepositsYuan.toFixed(2), eligible, route: outcome.route, reasons, status: eligible ? 'eligible' : 'refused',
      }));
      await auditService.record(tx, actor, { action: 'apply', entity: 'competition', entityId: id, after: a });
    });
    return this.dto(db, actor, id);
  },

  /** appoint → grade set, probation starts; confirm → probation ends; refuse → out with a reason. */
  async act(db: Db, actor: Actor, applicantId: number, body: { action: 'appoint' | 'confirm' | 'refuse'; reason: string }): Promise<Competition> {
    authorize(actor, 'competitions.manage');
    const competitionId = await db.transaction(async (tx) => {
      const a = await repo.applicant(tx, actor.tenantId, applicantId);
      if (!a) throw notFound();
      const c = (await repo.get(tx, actor.tenantId, a.competitionId))!;
      if (body.action === 'appoint') {
        if (a.status !== 'eligible') throw conflict('只有符合条件的报名人可以聘任', 'Only an eligible applicant can be appointed');
        const ends = addMonths(c.heldOn, c.probationMonths);
        await repo.updateApplicant(tx, actor.tenantId, a.id, { status: c.probationMonths > 0 ? 'probation' : 'appointed', probationEndsOn: c.probationMonths > 0 ? ends : null });
        await gradesService.change(tx, actor, a.staffId, { ladderId: c.ladderId, grade: c.grade, effectiveOn: c.heldOn, reason: `公开竞聘「${c.title}」聘任${c.probationMonths > 0 ? `，见习期至 ${ends}` : ''}` }, null);
      } else if (body.action === 'confirm') {
        if (a.status !== 'probation') throw conflict('不在见习期', 'Not on probation');
        await repo.updateApplicant(tx, actor.tenantId, a.id, { status: 'appointed' });
      } else {
        if (!body.reason) throw invalid('reason', '请填写原因', 'Give a reason');
        await repo.updateApplicant(tx, actor.tenantId, a.id, { status: 'refused', reasons: [...(a.reasons as unknown[]), { zh: body.reason, en: body.reason }] });
      }
      await auditService.record(tx, actor, { action: body.action, entity: 'competition_applicant', entityId: a.id, before: { status: a.status }, after: { action: body.action, reason: body.reason } });
      return c.id;
    });
    return this.dto(db, actor, competitionId);
  },
};
