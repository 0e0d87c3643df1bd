import { and, asc, desc, eq } from 'drizzle-orm';
import { competitionApplicants, competitions, staff, type Executor } from '@kehu/db';

export type CompetitionRow = typeof competitions.$inferSelect;
export type ApplicantRow = typeof competitionApplicants.$inferSelect;

export const competitionsRepository = {
  async list(db: Executor, tenantId: number) {
    return db.select().from(competitions).where(eq(competitions.tenantId, tenantId)).orderBy(desc(competitions.id));
  },
  async get(db: Executor, tenantId: number, id: number): Promise<CompetitionRow | null> {
    const [r] = await db.select().from(competitions).where(and(eq(competitions.tenantId, tenantId), eq(competitions.id, id)));
    return r ?? null;
  },
  async insert(db: Executor, tenantId: number, v: Omit<typeof competitions.$inferInsert, 'tenantId'>): Promise<CompetitionRow> {
    const [r] = await db.insert(competitions).values({ ...v, tenantId }).returning();
    return r!;
  },
  async applicants(db: Executor, tenantId: number, competitionId: number) {
    return db.select({ a: competitionApplicants, name: staff.name }).from(competitionApplicants)
      .innerJoin(staff, and(eq(staff.tenantId, competitionApplicants.tenantId), eq(staff.id, competitionApplicants.staffId)))
      .where(and(eq(competitionApplicants.tenantId, tenantId), eq(competitionApplicants.competitionId, competitionId))).orderBy(asc(competitionApplicants.id));
  },
  async applicant(db: Executor, tenantId: number, id: number): Promise<ApplicantRow | null> {
    const [r] = await db.select().from(competitionApplicants).where(and(eq(competitionApplicants.tenantId, tenantId), eq(competitionApplicants.id, id)));
    return r ?? null;
  },
  async insertApplicant(db: Executor, tenantId: number, v: Omit<typeof competitionApplicants.$inferInsert, 'tenantId'>): Promise<ApplicantRow> {
    const [r] = await db.insert(competitionApplicants).values({ ...v, tenantId }).returning();
    return r!;
  },
  async updateApplicant(db: Executor, tenantId: number, id: number, v: Partial<ApplicantRow>) {
    await db.update(competitionApplicants).set(v).where(and(eq(competitionApplicants.tenantId, tenantId), eq(competitionApplicants.id, id)));
  },
};
