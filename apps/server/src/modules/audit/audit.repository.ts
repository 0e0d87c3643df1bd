import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { auditLog, type Executor } from '@kehu/db';
import type { AuditQuery } from '@kehu/contracts';

export interface AuditInsert {
  tenantId: number;
  actorUserId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export const auditRepository = {
  async insert(db: Executor, row: AuditInsert): Promise<void> {
    await db.insert(auditLog).values(row);
  },

  async page(db: Executor, tenantId: number, q: AuditQuery) {
    const where: SQL[] = [eq(auditLog.tenantId, tenantId)];
    if (q.entity) where.push(eq(auditLog.entity, q.entity));
    if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
    if (q.action) where.push(eq(auditLog.action, q.action));
    if (q.actor) where.push(sql`${auditLog.actorName} ilike ${'%' + q.actor + '%'}`);
    if (q.from) where.push(gte(auditLog.at, q.from));
    if (q.to) where.push(lt(auditLog.at, sql`(${q.to}::date + 1)`));
    const cond = and(...where);
    const [items, [count]] = await Promise.all([
      db.select().from(auditLog).where(cond).orderBy(desc(auditLog.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(cond),
    ]);
    return { items, total: count?.n ?? 0 };
  },

  async forEntity(db: Executor, tenantId: number, entity: string, entityId: string) {
    return db.select().from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
      .orderBy(desc(auditLog.id));
  },
};
