import { and, asc, desc, eq, inArray, isNotNull, like, sql } from 'drizzle-orm';
import { conductRecords, evalAppeals, evalCycles, evalRatings, evalResults, orgUnits, staff, users, type Executor } from '@kehu/db';

export type CycleRow = typeof evalCycles.$inferSelect;
export type ResultRow = typeof evalResults.$inferSelect;
export type RatingRow = typeof evalRatings.$inferSelect;
export type AppealRow = typeof evalAppeals.$inferSelect;
export type ConductRow = typeof conductRecords.$inferSelect;

const resultCols = { r: evalResults, name: staff.name, orgPath: orgUnits.path, orgUnitName: orgUnits.name, orgUnitId: staff.orgUnitId };

export const evaluationRepository = {
  /** Staff to evaluate: positions and statuses, optionally under a unit path. */
  async subjects(db: Executor, tenantId: number, positions: string[], path: string | null) {
    return db.select({ id: staff.id, name: staff.name, orgUnitId: staff.orgUnitId, position: staff.position, path: orgUnits.path }).from(staff)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId)))
      .where(and(eq(staff.tenantId, tenantId), inArray(staff.position, positions), inArray(staff.status, ['active', 'probation']), path ? like(orgUnits.path, `${path}%`) : undefined))
      .orderBy(asc(orgUnits.path), asc(staff.id));
  },

  /** Supervisors with a login and a staff record, with their unit path (the evaluators of the level below). */
  async supervisors(db: Executor, tenantId: number) {
    return db.select({ staffId: users.staffId, name: staff.name, path: orgUnits.path }).from(users)
      .innerJoin(staff, and(eq(staff.tenantId, users.tenantId), eq(staff.id, users.staffId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.orgUnitId)))
      .where(and(eq(users.tenantId, tenantId), eq(users.role, 'supervisor'), eq(users.disabled, false), isNotNull(users.staffId)));
  },

  /** HR logins with a staff record: the drafter when no supervisor login stands above a person. */
  async hrEvaluators(db: Executor, tenantId: number) {
    return db.select({ staffId: users.staffId }).from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.role, 'hr'), eq(users.disabled, false), isNotNull(users.staffId))).orderBy(asc(users.id));
  },

  async insertCycle(db: Executor, tenantId: number, v: Omit<typeof evalCycles.$inferInsert, 'tenantId'>): Promise<CycleRow> {
    const [r] = await db.insert(evalCycles).values({ ...v, tenantId }).returning();
    return r!;
  },
  async cycles(db: Executor, tenantId: number) {
    return db.select().from(evalCycles).where(eq(evalCycles.tenantId, tenantId)).orderBy(desc(evalCycles.id));
  },
  async cycle(db: Executor, tenantId: number, id: number): Promise<CycleRow | null> {
    const [r] = await db.select().from(evalCycles).where(and(eq(evalCycles.tenantId, tenantId), eq(evalCycles.id, id)));
    return r ?? null;
  },
  async updateCycle(db: Executor, tenantId: number, id: number, v: Partial<CycleRow>) {
    await db.update(evalCycles).set(v).where(and(eq(evalCycles.tenantId, tenantId), eq(evalCycles.id, id)));
  },
  async statusCounts(db: Executor, tenantId: number) {
    return db.select({ cycleId: evalResults.cycleId, status: evalResults.status, n: sql<number>`count(*)::int` }).from(evalResults)
      .where(eq(evalResults.tenantId, tenantId)).groupBy(evalResults.cycleId, evalResults.status);
  },

  async insertResults(db: Executor, tenantId: number, rows: { cycleId: number; staffId: number; drafterStaffId: number | null }[]): Promise<ResultRow[]> {
    if (!rows.length) return [];
    return db.insert(evalResults).values(rows.map((r) => ({ ...r, tenantId }))).returning();
  },
  async insertRatings(db: Executor, tenantId: number, rows: { resultId: number; raterStaffId: number; raterRole: string }[]) {
    if (!rows.length) return;
    await db.insert(evalRatings).values(rows.map((r) => ({ ...r, tenantId }))).onConflictDoNothing();
  },

  async results(db: Executor, tenantId: number, f: { cycleId?: number; staffId?: number; path?: string | null }) {
    return db.select(resultCols).from(evalResults)
      .innerJoin(staff, and(eq(staff.tenantId, evalResults.tenantId), eq(staff.id, evalResults.staffId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId)))
      .where(and(eq(evalResults.tenantId, tenantId), f.cycleId ? eq(evalResults.cycleId, f.cycleId) : undefined,
        f.staffId ? eq(evalResults.staffId, f.staffId) : undefined, f.path ? like(orgUnits.path, `${f.path}%`) : undefined))
      .orderBy(asc(orgUnits.path), asc(staff.id));
  },
  async result(db: Executor, tenantId: number, id: number) {
    const [r] = await db.select(resultCols).from(evalResults)
      .innerJoin(staff, and(eq(staff.tenantId, evalResults.tenantId), eq(staff.id, evalResults.staffId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId)))
      .where(and(eq(evalResults.tenantId, tenantId), eq(evalResults.id, id)));
    return r ?? null;
  },
  async updateResult(db: Executor, tenantId: number, id: number, v: Partial<ResultRow>): Promise<ResultRow> {
    const [r] = await db.update(evalResults).set({ ...v, version: sql`${evalResults.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(evalResults.tenantId, tenantId), eq(evalResults.id, id))).returning();
    return r!;
  },

  async ratingsFor(db: Executor, tenantId: number, resultIds: number[]) {
    if (!resultIds.length) return [];
    return db.select({ r: evalRatings, raterName: staff.name }).from(evalRatings)
      .innerJoin(staff, and(eq(staff.tenantId, evalRatings.tenantId), eq(staff.id, evalRatings.raterStaffId)))
      .where(and(eq(evalRatings.tenantId, tenantId), inArray(evalRatings.resultId, resultIds)));
  },
  async ratingTasks(db: Executor, tenantId: number, raterStaffId: number) {
    return db.select({ r: evalRatings, subject: staff.name, cycleName: evalCycles.name, scorecard: evalCycles.scorecard, cycleStatus: evalCycles.status, resultStatus: evalResults.status }).from(evalRatings)
      .innerJoin(evalResults, and(eq(evalResults.tenantId, evalRatings.tenantId), eq(evalResults.id, evalRatings.resultId)))
      .innerJoin(evalCycles, and(eq(evalCycles.tenantId, evalResults.tenantId), eq(evalCycles.id, evalResults.cycleId)))
      .innerJoin(staff, and(eq(staff.tenantId, evalResults.tenantId), eq(staff.id, evalResults.staffId)))
      .where(and(eq(evalRatings.tenantId, tenantId), eq(evalRatings.raterStaffId, raterStaffId), eq(evalCycles.status, 'open')))
      .orderBy(asc(evalRatings.id));
  },
  async rating(db: Executor, tenantId: number, id: number): Promise<RatingRow | null> {
    const [r] = await db.select().from(evalRatings).where(and(eq(evalRatings.tenantId, tenantId), eq(evalRatings.id, id)));
    return r ?? null;
  },
  async upsertRating(db: Executor, tenantId: number, v: { resultId: number; raterStaffId: number; raterRole: string; scores: Record<string, number>; comment: string }) {
    await db.insert(evalRatings).values({ ...v, tenantId, submittedAt: sql`now()` })
      .onConflictDoUpdate({ target: [evalRatings.tenantId, evalRatings.resultId, evalRatings.raterStaffId], set: { scores: v.scores, comment: v.comment, submittedAt: sql`now()` } });
  },
  async draftsFor(db: Executor, tenantId: number, drafterStaffId: number) {
    return db.select({ resultId: evalResults.id, status: evalResults.status, subject: staff.name, cycleName: evalCycles.name }).from(evalResults)
      .innerJoin(evalCycles, and(eq(evalCycles.tenantId, evalResults.tenantId), eq(evalCycles.id, evalResults.cycleId)))
      .innerJoin(staff, and(eq(staff.tenantId, evalResults.tenantId), eq(staff.id, evalResults.staffId)))
      .where(and(eq(evalResults.tenantId, tenantId), eq(evalResults.drafterStaffId, drafterStaffId), inArray(evalResults.status, ['pending', 'drafted']), eq(evalCycles.status, 'open')));
  },

  async insertAppeal(db: Executor, tenantId: number, v: { resultId: number; reason: string; bandBefore: string | null }): Promise<AppealRow> {
    const [r] = await db.insert(evalAppeals).values({ ...v, tenantId }).returning();
    return r!;
  },
  async appealsFor(db: Executor, tenantId: number, resultIds: number[]) {
    if (!resultIds.length) return [];
    return db.select().from(evalAppeals).where(and(eq(evalAppeals.tenantId, tenantId), inArray(evalAppeals.resultId, resultIds))).orderBy(desc(evalAppeals.id));
  },
  async appeals(db: Executor, tenantId: number, path: string | null) {
    return db.select({ a: evalAppeals, r: evalResults, name: staff.name, cycleName: evalCycles.name, orgPath: orgUnits.path }).from(evalAppeals)
      .innerJoin(evalResults, and(eq(evalResults.tenantId, evalAppeals.tenantId), eq(evalResults.id, evalAppeals.resultId)))
      .innerJoin(evalCycles, and(eq(evalCycles.tenantId, evalResults.tenantId), eq(evalCycles.id, evalResults.cycleId)))
      .innerJoin(staff, and(eq(staff.tenantId, evalResults.tenantId), eq(staff.id, evalResults.staffId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId)))
      .where(and(eq(evalAppeals.tenantId, tenantId), path ? like(orgUnits.path, `${path}%`) : undefined)).orderBy(desc(evalAppeals.id));
  },
  async appeal(db: Executor, tenantId: number, id: number): Promise<AppealRow | null> {
    const [r] = await db.select().from(evalAppeals).where(and(eq(evalAppeals.tenantId, tenantId), eq(evalAppeals.id, id)));
    return r ?? null;
  },
  async updateAppeal(db: Executor, tenantId: number, id: number, v: Partial<AppealRow>): Promise<AppealRow> {
    const [r] = await db.update(evalAppeals).set(v).where(and(eq(evalAppeals.tenantId, tenantId), eq(evalAppeals.id, id))).returning();
    return r!;
  },

  async conduct(db: Executor, tenantId: number, f: { staffIds?: number[]; path?: string | null; from?: string; to?: string }) {
    return db.select({ c: conductRecords, name: staff.name }).from(conductRecords)
      .innerJoin(staff, and(eq(staff.tenantId, conductRecords.tenantId), eq(staff.id, conductRecords.staffId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId)))
      .where(and(eq(conductRecords.tenantId, tenantId), f.staffIds ? (f.staffIds.length ? inArray(conductRecords.staffId, f.staffIds) : sql`false`) : undefined,
        f.path ? like(orgUnits.path, `${f.path}%`) : undefined,
        f.from ? sql`${conductRecords.occurredOn} >= ${f.from}` : undefined, f.to ? sql`${conductRecords.occurredOn} <= ${f.to}` : undefined))
      .orderBy(desc(conductRecords.occurredOn), desc(conductRecords.id));
  },
  async insertConduct(db: Executor, tenantId: number, v: Omit<typeof conductRecords.$inferInsert, 'tenantId'>): Promise<ConductRow> {
    const [r] = await db.insert(conductRecords).values({ ...v, tenantId }).returning();
    return r!;
  },
  async staffInfo(db: Executor, tenantId: number, id: number) {
    const [r] = await db.select({ id: staff.id, name: staff.name, path: orgUnits.path, gender: staff.gender, birthDate: staff.birthDate, education: staff.education }).from(staff)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId)))
      .where(and(eq(staff.tenantId, tenantId), eq(staff.id, id)));
    return r ?? null;
  },
  async staffNames(db: Executor, tenantId: number, ids: number[]) {
    if (!ids.length) return new Map<number, string>();
    const rows = await db.select({ id: staff.id, name: staff.name }).from(staff).where(and(eq(staff.tenantId, tenantId), inArray(staff.id, ids)));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
