import { createHash, randomBytes } from 'node:crypto';
import { meanRating } from '@kehu/domain';
import type { PublicSurvey, PublicSurveyAnswer, RatingReport, Survey, SurveyCreate, SurveyLinkIssued } from '@kehu/contracts';
import type { Db } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, systemActor, type Actor } from '../../lib/actor.ts';
import { auditService } from '../audit/audit.service.ts';
import { customersService } from '../customers/customers.service.ts';
import { surveysRepository as repo } from './surveys.repository.ts';

type Question = { key: string; text: string };
type Row = NonNullable<Awaited<ReturnType<typeof repo.get>>>;

const toDto = ({ s, links, answered }: Row): Survey => ({
  id: s.id, title: s.title, intro: s.intro, questions: s.questions as Question[], validDays: s.validDays, active: s.active, links, answered,
  createdAt: new Date(s.createdAt).toISOString(),
});

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** One answer for the public page: the link is unknown, used up or expired — and nothing more is revealed. */
const gone = () => new AppError('not_found', { message: { 'zh-CN': '该问卷链接无效或已过期。', en: 'This survey link is invalid or has expired.' } });

export const surveysService = {
  async list(db: Db, actor: Actor): Promise<Survey[]> {
    try { authorize(actor, 'surveys.manage'); } catch { authorize(actor, 'surveys.issue'); }
    return (await repo.list(db, actor.tenantId)).map(toDto);
  },

  /** HR defines a questionnaire; every question is answered with 1–5. */
  async create(db: Db, actor: Actor, input: SurveyCreate): Promise<Survey> {
    authorize(actor, 'surveys.manage');
    if (new Set(input.questions.map((q) => q.key)).size !== input.questions.length) {
      throw new AppError('validation_failed', { fields: [{ path: 'questions', code: 'duplicate', message: { 'zh-CN': '题目编号不能重复', en: 'Question keys must be unique' } }] });
    }
    const id = await db.transaction(async (tx) => {
      const s = await repo.insert(tx, actor.tenantId, { title: input.title, intro: input.intro, questions: input.questions, validDays: input.validDays });
      await auditService.record(tx, actor, { action: 'create', entity: 'survey', entityId: s.id, after: s });
      return s.id;
    });
    return toDto((await repo.get(db, actor.tenantId, id))!);
  },

  /**
   * A personal link for one customer: the token is shown once (only its hash is kept); an
   * unanswered earlier link of the same customer and survey stops working.
   */
  async issueLink(db: Db, actor: Actor, surveyId: number, customerId: number): Promise<SurveyLinkIssued> {
    const scope = authorize(actor, 'surveys.issue');
    return db.transaction(async (tx) => {
      const survey = await repo.get(tx, actor.tenantId, surveyId);
      if (!survey || !survey.s.active) throw notFound();
      const c = await customersService.findInScope(tx, actor, customerId, scope);
      if (!c) throw new AppError('validation_failed', { fields: [{ path: 'customerId', code: 'not_found', message: { 'zh-CN': '客户不存在或不在您的管理范围内', en: 'No such customer in your scope' } }] });
      const [main] = await customersService.managersOf(tx, actor, customerId);
      const staffId = main?.staffId ?? actor.staffId;
      if (!staffId) throw new AppError('conflict', { message: { 'zh-CN': '该客户没有管户客户经理', en: 'Nobody manages this customer' } });
      const token = randomBytes(24).toString('base64url');
      await repo.expireOpenLinks(tx, actor.tenantId, surveyId, customerId);
      const link = await repo.insertLink(tx, actor.tenantId, { surveyId, customerId, staffId, tokenHash: hashToken(token), validDays: survey.s.validDays });
      await auditService.record(tx, actor, { action: 'issue_link', entity: 'survey', entityId: surveyId, after: { linkId: link.id, customerId, staffId, expiresAt: link.expiresAt } });
      return { id: link.id, surveyId, customerId, staffId, token, path: `/s/${token}`, expiresAt: new Date(link.expiresAt).toISOString() };
    });
  },

  /** The public page: the questionnaire of this link only; no customer, manager or tenant data. */
  async publicGet(db: Db, token: string): Promise<PublicSurvey> {
    const r = await repo.byToken(db, hashToken(token));
    if (!r || (r.expired && !r.link.answeredAt)) throw gone();
    return {
      title: r.survey.title, intro: r.survey.intro, questions: r.survey.questions as Question[],
      expiresAt: new Date(r.link.expiresAt).toISOString(), answered: r.link.answeredAt !== null,
    };
  },

  /** Accepts exactly one answer per question of this link's survey, once, before expiry. */
  async publicAnswer(db: Db, token: string, input: PublicSurveyAnswer): Promise<{ ok: true }> {
    const r = await repo.byToken(db, hashToken(token));
    if (!r || r.expired) throw gone();
    if (r.link.answeredAt) throw new AppError('conflict', { message: { 'zh-CN': '该问卷已提交，感谢您的评价。', en: 'This survey has already been answered. Thank you.' } });
    const keys = (r.survey.questions as Question[]).map((q) => q.key);
    const given = Object.keys(input.answers);
    const fields = [
      ...keys.filter((k) => !(k in input.answers)).map((k) => ({ path: `answers.${k}`, code: 'required', message: { 'zh-CN': '请为此项打分', en: 'Please rate this item' } })),
      ...given.filter((k) => !keys.includes(k)).map((k) => ({ path: `answers.${k}`, code: 'unrecognized_keys', message: { 'zh-CN': '问卷中没有此项', en: 'Not a question of this survey' } })),
    ];
    if (fields.length) throw new AppError('validation_failed', { fields });
    const answers = Object.fromEntries(keys.map((k) => [k, input.answers[k]!]));
    const score = meanRating(Object.values(answers))!;
    const actor = { ...systemActor(r.link.tenantId), displayName: '客户问卷 / customer survey' };
    await db.transaction(async (tx) => {
      if (!(await repo.answer(tx, r.link.tenantId, r.link.id, { answers, score, comment: input.comment }))) {
        throw new AppError('conflict', { message: { 'zh-CN': '该问卷已提交或已过期。', en: 'This survey has already been answered or has expired.' } });
      }
      await auditService.record(tx, actor, { action: 'answer', entity: 'survey_link', entityId: r.link.id, after: { score } });
    });
    return { ok: true };
  },

  /** Satisfaction rating per manager: the mean of the link scores answered in the period. */
  async ratings(db: Db, actor: Actor, q: { from?: string; to?: string }): Promise<RatingReport> {
    const scope = authorize(actor, 'ratings.read');
    const f = scope === 'own' ? { staffId: actor.staffId ?? -1 } : scope === 'subtree' ? { unitPath: actor.orgPath ?? '/none/' } : {};
    const rows = await repo.ratingRows(db, actor.tenantId, { ...f, ...q });
    const by = new Map<number, { name: string; issued: number; scores: number[] }>();
    for (const r of rows) {
      const m = by.get(r.staffId) ?? { name: r.name, issued: 0, scores: [] };
      m.issued++;
      if (r.answeredAt && r.score !== null) m.scores.push(Number(r.score));
      by.set(r.staffId, m);
    }
    return { items: [...by.entries()].map(([staffId, m]) => ({ staffId, name: m.name, issued: m.issued, answered: m.scores.length, rating: meanRating(m.scores) })) };
  },
};
