import { and, asc, eq } from 'drizzle-orm';
import { users, type Executor } from '@kehu/db';

export type UserRow = typeof users.$inferSelect;

export const usersRepository = {
  list(db: Executor, tenantId: number) {
    return db.select().from(users).where(eq(users.tenantId, tenantId)).orderBy(asc(users.login));
  },
  async get(db: Executor, tenantId: number, id: number) {
    const [u] = await db.select().from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
    return u ?? null;
  },
  async insert(db: Executor, v: typeof users.$inferInsert) {
    const [u] = await db.insert(users).values(v).returning();
    return u!;
  },
  async update(db: Executor, tenantId: number, id: number, v: Partial<typeof users.$inferInsert>) {
    const [u] = await db.update(users).set(v).where(and(eq(users.tenantId, tenantId), eq(users.id, id))).returning();
    return u!;
  },
};
