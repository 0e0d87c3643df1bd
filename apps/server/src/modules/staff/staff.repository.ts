import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { orgUnits, staff, type Executor } from '@kehu/db';
import type { StaffQuery } from '@kehu/contracts';

export type StaffRow = typeof staff.$inferSelect;
export type StaffInsert = Omit<typeof staff.$inferInsert, 'tenantId' | 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** Which staff rows a query may touch: the whole tenant, a unit subtree, or one person. */
export type StaffScope = { kind: 'tenant' } | { kind: 'subtree'; path: string } | { kind: 'own'; staffId: number | null };

function scopeCondition(scope: StaffScope): SQL | undefined {
  switch (scope.kind) {
    case 'tenant': return undefined;
    case 'subtree': return sql`${orgUnits.path} like ${scope.path + '%'}`;
    case 'own': return scope.staffId === null ? sql`false` : eq(staff.id, scope.staffId);
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

const select = { staff, orgUnitName: orgUnits.name, orgPath: orgUnits.path };

export const staffRepository = {
  async page(db: Executor, tenantId: number, scope: StaffScope, q: StaffQuery & { unitPath?: string }) {
    const where: (SQL | undefined)[] = [eq(staff.tenantId, tenantId), scopeCondition(scope)];
    if (q.q) {
      const like = `%${escapeLike(q.q)}%`;
      where.push(or(sql`${staff.name} ilike ${like}`, sql`${staff.phone} like ${like}`, sql`${staff.idCardNo} like ${like.toUpperCase()}`));
    }
    if (q.unitPath) where.push(sql`${orgUnits.path} like ${q.unitPath + '%'}`);
    if (q.status) where.push(eq(staff.status, q.status));
    if (q.position) where.push(eq(staff.position, q.position));
    if (q.hireType) where.push(eq(staff.hireType, q.hireType));
    const cond = and(...where);
    const order = q.sort === 'hireDate' ? [desc(staff.hireDate), asc(staff.id)] : q.sort === 'updatedAt' ? [desc(staff.updatedAt), asc(staff.id)] : [asc(staff.name), asc(staff.id)];
    const join = and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId));
    const [items, [count]] = await Promise.all([
      db.select(select).from(staff).innerJoin(orgUnits, join).where(cond).orderBy(...order).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(staff).innerJoin(orgUnits, join).where(cond),
    ]);
    return { items, total: count?.n ?? 0 };
  },

  async get(db: Executor, tenantId: number, id: number) {
    const [row] = await db.select(select).from(staff)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId)))
      .where(and(eq(staff.tenantId, tenantId), eq(staff.id, id)));
    return row ?? null;
  },

  async byIdCards(db: Executor, tenantId: number, ids: string[]) {
    if (ids.length === 0) return [];
    return db.select().from(staff).where(and(eq(staff.tenantId, tenantId), inArray(staff.idCardNo, ids)));
  },

  async insert(db: Executor, tenantId: number, v: StaffInsert): Promise<StaffRow> {
    const [row] = await db.insert(staff).values({ ...v, tenantId }).returning();
    return row!;
  },

  async insertMany(db: Executor, tenantId: number, rows: StaffInsert[]): Promise<StaffRow[]> {
    if (rows.length === 0) return [];
    return db.insert(staff).values(rows.map((r) => ({ ...r, tenantId }))).returning();
  },

  /** Updates only when the stored version is `version`; returns null when someone else changed it first. */
  async update(db: Executor, tenantId: number, id: number, version: number, v: Partial<StaffInsert>): Promise<StaffRow | null> {
    const [row] = await db.update(staff).set({ ...v, version: sql`${staff.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(staff.tenantId, tenantId), eq(staff.id, id), eq(staff.version, version))).returning();
    return row ?? null;
  },
};
