import { and, asc, desc, eq, inArray, isNotNull, isNull, like, or, type SQL } from 'drizzle-orm';
import { customers, loans, orgUnits, riskItemActions, riskItems, staff, type Executor } from '@kehu/db';

export type RiskItemRow = typeof riskItems.$inferSelect;

/** Which items the actor reaches: those they answer for (own), a unit subtree, or the tenant. */
export interface RiskScope { staffId?: number; unitPath?: string }

export const riskLedgerRepository = {
  async items(db: Executor, tenantId: number, s: RiskScope, f: { status: 'open' | 'closed' | 'all'; id?: number }) {
    const where: (SQL | undefined)[] = [eq(riskItems.tenantId, tenantId)];
    if (s.staffId !== undefined) where.push(or(eq(riskItems.managerStaffId, s.staffId), eq(loans.recommenderStaffId, s.staffId)));
    if (s.unitPath !== undefined) where.push(like(orgUnits.path, `${s.unitPath}%`));
    if (f.status === 'open') where.push(isNull(riskItems.closedOn));
    if (f.status === 'closed') where.push(isNotNull(riskItems.closedOn));
    if (f.id !== undefined) where.push(eq(riskItems.id, f.id));
    return db.select({ item: riskItems, loanNo: loans.loanNo, balanceFen: loans.balanceFen, customerName: customers.name, orgUnitName: orgUnits.name, managerName: staff.name }).from(riskItems)
      .innerJoin(customers, and(eq(customers.tenantId, riskItems.tenantId), eq(customers.id, riskItems.customerId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, riskItems.tenantId), eq(orgUnits.id, riskItems.orgUnitId)))
      .leftJoin(loans, and(eq(loans.tenantId, riskItems.tenantId), eq(loans.id, riskItems.loanId)))
      .leftJoin(staff, and(eq(staff.tenantId, riskItems.tenantId), eq(staff.id, riskItems.managerStaffId)))
      .where(and(...where))
      .orderBy(desc(riskItems.openedOn), desc(riskItems.id));
  },
  async actions(db: Executor, tenantId: number, itemIds: number[]) {
    if (!itemIds.length) return [];
    return db.select({ a: riskItemActions, staffName: staff.name }).from(riskItemActions)
      .leftJoin(staff, and(eq(staff.tenantId, riskItemActions.tenantId), eq(staff.id, riskItemActions.staffId)))
      .where(and(eq(riskItemActions.tenantId, tenantId), inArray(riskItemActions.riskItemId, itemIds))).orderBy(asc(riskItemActions.actionDate), asc(riskItemActions.id));
  },
  async insert(db: Executor, tenantId: number, v: Omit<typeof riskItems.$inferInsert, 'tenantId' | 'id'>): Promise<RiskItemRow> {
    const [r] = await db.insert(riskItems).values({ ...v, tenantId }).returning();
    return r!;
  },
  async insertAction(db: Executor, tenantId: number, v: { riskItemId: number; actionDate: string; action: string; staffId: number | null }) {
    const [r] = await db.insert(riskItemActions).values({ ...v, tenantId }).returning();
    await db.update(riskItems).set({ actionTaken: v.action }).where(and(eq(riskItems.tenantId, tenantId), eq(riskItems.id, v.riskItemId)));
    return r!;
  },
  async close(db: Executor, tenantId: number, id: number, on: string, note: string) {
    await db.update(riskItems).set({ closedOn: on, closedNote: note }).where(and(eq(riskItems.tenantId, tenantId), eq(riskItems.id, id)));
  },
};
