import { and, asc, desc, eq, inArray, like } from 'drizzle-orm';
import { evalCycles, evalResults, gradeHistory, gradeProposals, orgUnits, qualifications, staff, users, type Executor } from '@kehu/db';

export type ProposalRow = typeof gradeProposals.$inferSelect;

export const gradesRepository = {
  async history(db: Executor, tenantId: number, staffId: number) {
    return db.select({ h: gradeHistory, approver: users.displayName }).from(gradeHistory)
      .leftJoin(users, and(eq(users.tenantId, gradeHistory.tenantId), eq(users.id, gradeHistory.approvedBy)))
      .where(and(eq(gradeHistory.tenantId, tenantId), eq(gradeHistory.staffId, staffId))).orderBy(desc(gradeHistory.effectiveOn), desc(gradeHistory.id));
  },
  async current(db: Executor, tenantId: number, staffIds: number[]) {
    if (!staffIds.length) return new Map<number, typeof gradeHistory.$inferSelect>();
    const rows = await db.select().from(gradeHistory).where(and(eq(gradeHistory.tenantId, tenantId), inArray(gradeHistory.staffId, staffIds))).orderBy(asc(gradeHistory.effectiveOn), asc(gradeHistory.id));
    return new Map(rows.map((r) => [r.staffId, r]));
  },
  async insertHistory(db: Executor, tenantId: number, v: Omit<typeof gradeHistory.$inferInsert, 'tenantId'>) {
    const [r] = await db.insert(gradeHistory).values({ ...v, tenantId }).returning();
    return r!;
  },
  async qualifications(db: Executor, tenantId: number, staffId: number) {
    return db.select().from(qualifications).where(and(eq(qualifications.tenantId, tenantId), eq(qualifications.staffId, staffId))).orderBy(desc(qualifications.takenOn));
  },
  async insertQualification(db: Executor, tenantId: number, v: Omit<typeof qualifications.$inferInsert, 'tenantId'>) {
    const [r] = await db.insert(qualifications).values({ ...v, tenantId }).returning();
    return r!;
  },
  /** The latest published band of a person (published, acknowledged, appealed or final). */
  async latestBands(db: Executor, tenantId: number, staffId: number) {
    return db.select({ band: evalResults.band, calibratedBand: evalResults.calibratedBand, scorecard: evalCycles.scorecard }).from(evalResults)
      .innerJoin(evalCycles, and(eq(evalCycles.tenantId, evalResults.tenantId), eq(evalCycles.id, evalResults.cycleId)))
      .where(and(eq(evalResults.tenantId, tenantId), eq(evalResults.staffId, staffId), inArray(evalResults.status, ['published', 'acknowledged', 'appealed', 'final'])))
      .orderBy(desc(evalResults.cycleId)).limit(2);
  },
  async upsertProposal(db: Executor, tenantId: number, v: Omit<typeof gradeProposals.$inferInsert, 'tenantId'>) {
    await db.insert(gradeProposals).values({ ...v, tenantId }).onConflictDoUpdate({ target: [gradeProposals.tenantId, gradeProposals.cycleId, gradeProposals.staffId], set: { proposedGrade: v.proposedGrade, basis: v.basis, status: 'open' } });
  },
  async proposals(db: Executor, tenantId: number, path: string | null) {
    return db.select({ p: gradeProposals, name: staff.name, cycleName: evalCycles.name }).from(gradeProposals)
      .innerJoin(staff, and(eq(staff.tenantId, gradeProposals.tenantId), eq(staff.id, gradeProposals.staffId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId)))
      .innerJoin(evalCycles, and(eq(evalCycles.tenantId, gradeProposals.tenantId), eq(evalCycles.id, gradeProposals.cycleId)))
      .where(and(eq(gradeProposals.tenantId, tenantId), path ? like(orgUnits.path, `${path}%`) : undefined)).orderBy(desc(gradeProposals.id));
  },
  async proposal(db: Executor, tenantId: number, id: number): Promise<ProposalRow | null> {
    const [r] = await db.select().from(gradeProposals).where(and(eq(gradeProposals.tenantId, tenantId), eq(gradeProposals.id, id)));
    return r ?? null;
  },
  async updateProposal(db: Executor, tenantId: number, id: number, v: Partial<ProposalRow>) {
    await db.update(gradeProposals).set(v).where(and(eq(gradeProposals.tenantId, tenantId), eq(gradeProposals.id, id)));
  },
  async person(db: Executor, tenantId: number, id: number) {
    const [r] = await db.select({ id: staff.id, name: staff.name, path: orgUnits.path, gender: staff.gender, birthDate: staff.birthDate, education: staff.education, status: staff.status }).from(staff)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId)))
      .where(and(eq(staff.tenantId, tenantId), eq(staff.id, id)));
    return r ?? null;
  },
};
