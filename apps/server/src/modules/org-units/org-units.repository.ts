import { and, asc, eq, sql } from 'drizzle-orm';
import { orgUnits, type Executor } from '@kehu/db';

// Written out in full: inside a sub-select Drizzle would print the outer columns unqualified.
const staffCount = sql<number>`(select count(*)::int from staff s where s.tenant_id = "org_units"."tenant_id" and s.org_unit_id = "org_units"."id")`;

export const orgUnitsRepository = {
  /** Units of a tenant, optionally only those whose path starts with `pathPrefix` (a subtree). */
  async list(db: Executor, tenantId: number, pathPrefix: string | null) {
    const where = pathPrefix
      ? and(eq(orgUnits.tenantId, tenantId), sql`${orgUnits.path} like ${pathPrefix + '%'}`)
      : eq(orgUnits.tenantId, tenantId);
    return db.select({ unit: orgUnits, staffCount }).from(orgUnits).where(where).orderBy(asc(orgUnits.path));
  },

  async get(db: Executor, tenantId: number, id: number) {
    const [row] = await db.select({ unit: orgUnits, staffCount }).from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)));
    return row ?? null;
  },

  async insert(db: Executor, tenantId: number, v: { parentId: number | null; code: string; name: string; kind: string; parentPath: string | null }) {
    const [u] = await db.insert(orgUnits).values({ tenantId, parentId: v.parentId, code: v.code, name: v.name, kind: v.kind, path: '/' }).returning();
    const path = `${v.parentPath ?? '/'}${u!.id}/`;
    const [withPath] = await db.update(orgUnits).set({ path }).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, u!.id))).returning();
    return withPath!;
  },

  async update(db: Executor, tenantId: number, id: number, v: Partial<{ parentId: number; code: string; name: string; kind: string }>) {
    const [u] = await db.update(orgUnits).set({ ...v, updatedAt: sql`now()` }).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id))).returning();
    return u!;
  },

  /** Moves a subtree: every path under `oldPath` gets `newPath` in its place, in one statement. */
  async movePaths(db: Executor, tenantId: number, oldPath: string, newPath: string) {
    await db.update(orgUnits).set({ path: sql`${newPath} || substr(${orgUnits.path}, ${oldPath.length + 1})` })
      .where(and(eq(orgUnits.tenantId, tenantId), sql`${orgUnits.path} like ${oldPath + '%'}`));
  },

  async childCount(db: Executor, tenantId: number, id: number): Promise<number> {
    const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.parentId, id)));
    return r?.n ?? 0;
  },

  async delete(db: Executor, tenantId: number, id: number) {
    await db.delete(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)));
  },
};
