import { and, asc, eq, like } from 'drizzle-orm';
import { creditHouseholds, creditVillages, customers, loans, orgUnits, type Executor } from '@kehu/db';

export const householdsRepository = {
  async list(db: Executor, tenantId: number, unitPath: string) {
    return db.select({ h: creditHouseholds, customerNo: customers.customerNo, customerName: customers.name, orgUnitName: orgUnits.name, villageName: creditVillages.name }).from(creditHouseholds)
      .innerJoin(customers, and(eq(customers.tenantId, creditHouseholds.tenantId), eq(customers.id, creditHouseholds.customerId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.orgUnitId)))
      .leftJoin(creditVillages, and(eq(creditVillages.tenantId, creditHouseholds.tenantId), eq(creditVillages.id, creditHouseholds.villageId)))
      .where(and(eq(creditHouseholds.tenantId, tenantId), like(orgUnits.path, `${unitPath}%`))).orderBy(asc(customers.customerNo));
  },
  async byId(db: Executor, tenantId: number, id: number, unitPath: string) {
    const [r] = await db.select({ h: creditHouseholds }).from(creditHouseholds)
      .innerJoin(customers, and(eq(customers.tenantId, creditHouseholds.tenantId), eq(customers.id, creditHouseholds.customerId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.orgUnitId)))
      .where(and(eq(creditHouseholds.tenantId, tenantId), eq(creditHouseholds.id, id), like(orgUnits.path, `${unitPath}%`)));
    return r?.h ?? null;
  },
  async loansOf(db: Executor, tenantId: number, customerId: number) {
    return db.select().from(loans).where(and(eq(loans.tenantId, tenantId), eq(loans.customerId, customerId)));
  },
  async upsert(db: Executor, tenantId: number, v: { customerId: number; villageId: number | null; status: string; ratedOn: string; creditLineFen: number; grade: string; score: number; checks: unknown }) {
    const [r] = await db.insert(creditHouseholds).values({ tenantId, ...v })
      .onConflictDoUpdate({ target: [creditHouseholds.tenantId, creditHouseholds.customerId], set: { villageId: v.villageId, status: v.status, ratedOn: v.ratedOn, creditLineFen: v.creditLineFen, grade: v.grade, score: v.score, checks: v.checks, removedOn: null, removalReason: null } })
      .returning();
    return r!;
  },
  async remove(db: Executor, tenantId: number, id: number, on: string, reason: string) {
    const [r] = await db.update(creditHouseholds).set({ status: 'removed', removedOn: on, removalReason: reason, creditLineFen: 0 }).where(and(eq(creditHouseholds.tenantId, tenantId), eq(creditHouseholds.id, id))).returning();
    return r!;
  },
};
