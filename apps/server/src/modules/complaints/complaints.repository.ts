import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { complaints, customers, orgUnits, staff, type Executor } from '@kehu/db';

export type ComplaintRow = typeof complaints.$inferSelect;
export type ComplaintScope = { kind: 'tenant' } | { kind: 'subtree'; path: string } | { kind: 'own'; staffId: number | null };

function scopeCondition(scope: ComplaintScope): SQL | undefined {
  switch (scope.kind) {
    case 'tenant': return undefined;
    case 'subtree': return sql`${orgUnits.path} like ${scope.path + '%'}`;
    case 'own': return scope.staffId === null ? sql`false` : sql`(${complaints.staffId} = ${scope.staffId} or ${complaints.handlerStaffId} = ${scope.staffId})`;
  }
}

const handler = alias(staff, 'handler');
const base = (db: Executor) => db.select({ c: complaints, customerName: customers.name, staffName: staff.name, handlerName: handler.name, orgPath: orgUnits.path }).from(complaints)
  .innerJoin(customers, and(eq(customers.tenantId, complaints.tenantId), eq(customers.id, complaints.customerId)))
  .innerJoin(orgUnits, and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.orgUnitId)))
  .innerJoin(staff, and(eq(staff.tenantId, complaints.tenantId), eq(staff.id, complaints.staffId)))
  .leftJoin(handler, and(eq(handler.tenantId, complaints.tenantId), eq(handler.id, complaints.handlerStaffId)));

export type ComplaintJoined = Awaited<ReturnType<ReturnType<typeof base>['where']>>[number];

export const complaintsRepository = {
  async page(db: Executor, tenantId: number, scope: ComplaintScope, f: { status?: string; statuses?: string[]; customerId?: number; from?: string; to?: string; page: number; pageSize: number }) {
    const where = and(eq(complaints.tenantId, tenantId), scopeCondition(scope),
      f.status ? eq(complaints.status, f.status) : undefined,
      f.statuses ? inArray(complaints.status, f.statuses) : undefined,
      f.customerId ? eq(complaints.customerId, f.customerId) : undefined,
      f.from ? sql`${complaints.receivedDate} >= ${f.from}` : undefined,
      f.to ? sql`${complaints.receivedDate} <= ${f.to}` : undefined);
    const [items, [count]] = await Promise.all([
      base(db).where(where).orderBy(desc(complaints.receivedDate), desc(complaints.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(complaints)
        .innerJoin(customers, and(eq(customers.tenantId, complaints.tenantId), eq(customers.id, complaints.customerId)))
        .innerJoin(orgUnits, and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.orgUnitId))).where(where),
    ]);
    return { items, total: count?.n ?? 0 };
  },

  async get(db: Executor, tenantId: number, id: number) {
    const [r] = await base(db).where(and(eq(complaints.tenantId, tenantId), eq(complaints.id, id)));
    return r ?? null;
  },

  async insert(db: Executor, tenantId: number, v: Omit<typeof complaints.$inferInsert, 'tenantId'>): Promise<ComplaintRow> {
    const [r] = await db.insert(complaints).values({ ...v, tenantId }).returning();
    return r!;
  },

  async update(db: Executor, tenantId: number, id: number, v: Partial<typeof complaints.$inferInsert>): Promise<ComplaintRow> {
    const [r] = await db.update(complaints).set({ ...v, updatedAt: sql`now()` }).where(and(eq(complaints.tenantId, tenantId), eq(complaints.id, id))).returning();
    return r!;
  },

  /** Counts per manager for complaints received in [from, to], in one GROUP BY. */
  async stats(db: Executor, tenantId: number, scope: ComplaintScope, from: string, to: string, today: string) {
    return db.select({
      staffId: complaints.staffId, name: staff.name,
      total: sql<number>`count(*)::int`,
      resolved: sql<number>`(count(*) filter (where ${complaints.status} = 'resolved'))::int`,
      open: sql<number>`(count(*) filter (where ${complaints.status} <> 'resolved'))::int`,
      overdue: sql<number>`(count(*) filter (where ${complaints.status} <> 'resolved' and ${complaints.deadline} < ${today}))::int`,
    }).from(complaints)
      .innerJoin(customers, and(eq(customers.tenantId, complaints.tenantId), eq(customers.id, complaints.customerId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.orgUnitId)))
      .innerJoin(staff, and(eq(staff.tenantId, complaints.tenantId), eq(staff.id, complaints.staffId)))
      .where(and(eq(complaints.tenantId, tenantId), scopeCondition(scope), sql`${complaints.receivedDate} between ${from} and ${to}`))
      .groupBy(complaints.staffId, staff.name).orderBy(asc(staff.name));
  },
};
