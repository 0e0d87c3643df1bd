import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { customers, orgUnits, staff, visits, type Executor } from '@kehu/db';

export type VisitRow = typeof visits.$inferSelect;
export type VisitScope = { kind: 'tenant' } | { kind: 'subtree'; path: string } | { kind: 'own'; staffId: number | null };

function scopeCondition(scope: VisitScope): SQL | undefined {
  switch (scope.kind) {
    case 'tenant': return undefined;
    case 'subtree': return sql`${orgUnits.path} like ${scope.path + '%'}`;
    case 'own': return scope.staffId === null ? sql`false` : eq(visits.staffId, scope.staffId);
  }
}

const joined = { v: visits, customerName: customers.name, staffName: staff.name };

export const visitsRepository = {
  async insert(db: Executor, tenantId: number, v: Omit<typeof visits.$inferInsert, 'tenantId'>): Promise<VisitRow> {
    const [row] = await db.insert(visits).values({ ...v, tenantId }).returning();
    return row!;
  },

  async page(db: Executor, tenantId: number, scope: VisitScope, f: { customerId?: number; from?: string; to?: string; page: number; pageSize: number }) {
    const where = and(eq(visits.tenantId, tenantId), scopeCondition(scope),
      f.customerId ? eq(visits.customerId, f.customerId) : undefined,
      f.from ? sql`${visits.visitDate} >= ${f.from}` : undefined,
      f.to ? sql`${visits.visitDate} <= ${f.to}` : undefined);
    const from = () => db.select(joined).from(visits)
      .innerJoin(customers, and(eq(customers.tenantId, visits.tenantId), eq(customers.id, visits.customerId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.orgUnitId)))
      .innerJoin(staff, and(eq(staff.tenantId, visits.tenantId), eq(staff.id, visits.staffId)));
    const [items, [count]] = await Promise.all([
      from().where(where).orderBy(desc(visits.visitDate), desc(visits.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(visits)
        .innerJoin(customers, and(eq(customers.tenantId, visits.tenantId), eq(customers.id, visits.customerId)))
        .innerJoin(orgUnits, and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.orgUnitId))).where(where),
    ]);
    return { items, total: count?.n ?? 0 };
  },

  async get(db: Executor, tenantId: number, id: number) {
    const [r] = await db.select(joined).from(visits)
      .innerJoin(customers, and(eq(customers.tenantId, visits.tenantId), eq(customers.id, visits.customerId)))
      .innerJoin(staff, and(eq(staff.tenantId, visits.tenantId), eq(staff.id, visits.staffId)))
      .where(and(eq(visits.tenantId, tenantId), eq(visits.id, id)));
    return r ?? null;
  },
};
