import { and, eq, inArray } from 'drizzle-orm';
import { researchReports, staff, type Executor } from '@kehu/db';

export type ReportRow = typeof researchReports.$inferSelect;

export const researchRepository = {
  async forStaff(db: Executor, tenantId: number, staffIds: number[], period: string) {
    if (staffIds.length === 0) return [];
    return db.select({ r: researchReports, staffName: staff.name }).from(researchReports)
      .innerJoin(staff, and(eq(staff.tenantId, researchReports.tenantId), eq(staff.id, researchReports.staffId)))
      .where(and(eq(researchReports.tenantId, tenantId), eq(researchReports.period, period), inArray(researchReports.staffId, staffIds)));
  },

  async get(db: Executor, tenantId: number, id: number) {
    const [r] = await db.select({ r: researchReports, staffName: staff.name }).from(researchReports)
      .innerJoin(staff, and(eq(staff.tenantId, researchReports.tenantId), eq(staff.id, researchReports.staffId)))
      .where(and(eq(researchReports.tenantId, tenantId), eq(researchReports.id, id)));
    return r ?? null;
  },

  async byStaffPeriod(db: Executor, tenantId: number, staffId: number, period: string): Promise<ReportRow | null> {
    const [r] = await db.select().from(researchReports)
      .where(and(eq(researchReports.tenantId, tenantId), eq(researchReports.staffId, staffId), eq(researchReports.period, period)));
    return r ?? null;
  },

  async insert(db: Executor, tenantId: number, v: { staffId: number; period: string; title: string; content: string }): Promise<ReportRow> {
    const [r] = await db.insert(researchReports).values({ ...v, tenantId }).returning();
    return r!;
  },

  async update(db: Executor, tenantId: number, id: number, v: Partial<typeof researchReports.$inferInsert>): Promise<ReportRow> {
    const [r] = await db.update(researchReports).set(v).where(and(eq(researchReports.tenantId, tenantId), eq(researchReports.id, id))).returning();
    return r!;
  },
};
