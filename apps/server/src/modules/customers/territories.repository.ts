import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { customers, orgUnits, territories, type Executor } from '@kehu/db';

export type TerritoryRow = typeof territories.$inferSelect;

/** Territories (管片) with their unit and how many active customers each holds. */
export const territoriesRepository = {
  async list(db: Executor, tenantId: number, unitPath: string | null) {
    const count = sql<number>`(select count(*)::int from ${customers} c where c.tenant_id = ${territories.tenantId} and c.territory_id = ${territories.id} and c.status <> 'closed')`;
    return db.select({ t: territories, orgUnitName: orgUnits.name, orgPath: orgUnits.path, customers: count }).from(territories)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, territories.tenantId), eq(orgUnits.id, territories.orgUnitId)))
      .where(and(eq(territories.tenantId, tenantId), unitPath ? sql`${orgUnits.path} like ${unitPath + '%'}` : undefined))
      .orderBy(asc(territories.code));
  },

  async get(db: Executor, tenantId: number, id: number) {
    const [r] = await db.select({ t: territories, orgUnitName: orgUnits.name, orgPath: orgUnits.path }).from(territories)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, territories.tenantId), eq(orgUnits.id, territories.orgUnitId)))
      .where(and(eq(territories.tenantId, tenantId), eq(territories.id, id)));
    return r ?? null;
  },

  async update(db: Executor, tenantId: number, id: number, v: { code?: string; name?: string }): Promise<TerritoryRow | null> {
    const [r] = await db.update(territories).set(v).where(and(eq(territories.tenantId, tenantId), eq(territories.id, id))).returning();
    return r ?? null;
  },

  /** Customers by id with their unit path and current territory (to check scope before moving them). */
  async customers(db: Executor, tenantId: number, ids: number[]) {
    return db.select({ id: customers.id, territoryId: customers.territoryId, orgPath: orgUnits.path }).from(customers)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.orgUnitId)))
      .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, ids)));
  },

  /** Active customers in a territory (what the list shows). */
  async activeCount(db: Executor, tenantId: number, id: number): Promise<number> {
    const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(customers)
      .where(and(eq(customers.tenantId, tenantId), eq(customers.territoryId, id), sql`${customers.status} <> 'closed'`));
    return r?.n ?? 0;
  },

  /** Every customer of a territory (closed ones too) leaves it; returns their ids. */
  async clearTerritory(db: Executor, tenantId: number, id: number): Promise<number[]> {
    const rows = await db.update(customers).set({ territoryId: null, version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(customers.tenantId, tenantId), eq(customers.territoryId, id))).returning({ id: customers.id });
    return rows.map((r) => r.id).sort((a, b) => a - b);
  },

  async remove(db: Executor, tenantId: number, id: number): Promise<void> {
    await db.delete(territories).where(and(eq(territories.tenantId, tenantId), eq(territories.id, id)));
  },

  async setTerritory(db: Executor, tenantId: number, ids: number[], territoryId: number | null): Promise<void> {
    await db.update(customers).set({ territoryId, version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, ids)));
  },
};
