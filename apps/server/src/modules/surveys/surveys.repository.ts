import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { orgUnits, staff, surveyLinks, surveys, type Executor } from '@kehu/db';

export type SurveyRow = typeof surveys.$inferSelect;
export type LinkRow = typeof surveyLinks.$inferSelect;

const counts = {
  links: sql<number>`(select count(*)::int from survey_links l where l.tenant_id = "surveys"."tenant_id" and l.survey_id = "surveys"."id")`,
  answered: sql<number>`(select count(*)::int from survey_links l where l.tenant_id = "surveys"."tenant_id" and l.survey_id = "surveys"."id" and l.answered_at is not null)`,
};

export const surveysRepository = {
  list(db: Executor, tenantId: number) {
    return db.select({ s: surveys, ...counts }).from(surveys).where(eq(surveys.tenantId, tenantId)).orderBy(desc(surveys.id));
  },

  async get(db: Executor, tenantId: number, id: number) {
    const [r] = await db.select({ s: surveys, ...counts }).from(surveys).where(and(eq(surveys.tenantId, tenantId), eq(surveys.id, id)));
    return r ?? null;
  },

  async insert(db: Executor, tenantId: number, v: Omit<typeof surveys.$inferInsert, 'tenantId'>): Promise<SurveyRow> {
    const [r] = await db.insert(surveys).values({ ...v, tenantId }).returning();
    return r!;
  },

  /** Unanswered links of the customer for the survey expire now: a new link replaces them. */
  async expireOpenLinks(db: Executor, tenantId: number, surveyId: number, customerId: number): Promise<void> {
    await db.update(surveyLinks).set({ expiresAt: sql`least(${surveyLinks.expiresAt}, now())` })
      .where(and(eq(surveyLinks.tenantId, tenantId), eq(surveyLinks.surveyId, surveyId), eq(surveyLinks.customerId, customerId), isNull(surveyLinks.answeredAt)));
  },

  async insertLink(db: Executor, tenantId: number, v: { surveyId: number; customerId: number; staffId: number; tokenHash: string; validDays: number }): Promise<LinkRow> {
    const [r] = await db.insert(surveyLinks).values({
      tenantId, surveyId: v.surveyId, customerId: v.customerId, staffId: v.staffId, tokenHash: v.tokenHash,
      expiresAt: sql`now() + make_interval(days => ${v.validDays}::int)`,
    }).returning();
    return r!;
  },

  /** The link and its questionnaire by token hash, whichever tenant it belongs to; `expired` as the database sees it. */
  async byToken(db: Executor, tokenHash: string) {
    const [r] = await db.select({ link: surveyLinks, survey: surveys, expired: sql<boolean>`${surveyLinks.expiresAt} <= now()` }).from(surveyLinks)
      .innerJoin(surveys, and(eq(surveys.tenantId, surveyLinks.tenantId), eq(surveys.id, surveyLinks.surveyId)))
      .where(eq(surveyLinks.tokenHash, tokenHash));
    return r ?? null;
  },

  /** Stores the answers once: only while unanswered and unexpired. Returns false when the link was already used or expired. */
  async answer(db: Executor, linkTenantId: number, linkId: number, v: { answers: Record<string, number>; score: string; comment: string }): Promise<boolean> {
    const rows = await db.update(surveyLinks).set({ answers: v.answers, score: v.score, comment: v.comment, answeredAt: sql`now()` })
      .where(and(eq(surveyLinks.tenantId, linkTenantId), eq(surveyLinks.id, linkId), isNull(surveyLinks.answeredAt), sql`${surveyLinks.expiresAt} > now()`))
      .returning({ id: surveyLinks.id });
    return rows.length === 1;
  },

  /** Links per manager in scope, with their scores, answered in [from, to] when given. */
  async ratingRows(db: Executor, tenantId: number, f: { unitPath?: string; staffId?: number; from?: string; to?: string }) {
    return db.select({ staffId: surveyLinks.staffId, name: staff.name, score: surveyLinks.score, answeredAt: surveyLinks.answeredAt }).from(surveyLinks)
      .innerJoin(staff, and(eq(staff.tenantId, surveyLinks.tenantId), eq(staff.id, surveyLinks.staffId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId)))
      .where(and(eq(surveyLinks.tenantId, tenantId),
        f.staffId ? eq(surveyLinks.staffId, f.staffId) : undefined,
        f.unitPath ? sql`${orgUnits.path} like ${f.unitPath + '%'}` : undefined,
        f.from ? sql`(${surveyLinks.answeredAt} is null or (${surveyLinks.answeredAt} at time zone 'Asia/Shanghai')::date >= ${f.from})` : undefined,
        f.to ? sql`(${surveyLinks.answeredAt} is null or (${surveyLinks.answeredAt} at time zone 'Asia/Shanghai')::date <= ${f.to})` : undefined))
      .orderBy(asc(staff.name));
  },
};
