import { and, eq, lt, sql } from 'drizzle-orm';
import { users, sessions, orgUnits, tenants, signInFailures, type Executor } from '@kehu/db';

export const authRepository = {
  async userByLogin(db: Executor, login: string) {
    const [u] = await db.select().from(users).where(eq(users.login, login));
    return u ?? null;
  },

  async recordFailure(db: Executor, tenantId: number, userId: number, lockUntil: string | null) {
    await db.update(users).set({ failedSignIns: sql`${users.failedSignIns} + 1`, lockedUntil: lockUntil })
      .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  },

  async recordSuccess(db: Executor, tenantId: number, userId: number) {
    await db.update(users).set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: sql`now()` })
      .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  },

  /** Adds one failed sign-in for an address in the current minute; returns failures in the window. */
  async addAddressFailure(db: Executor, ip: string, windowMinutes: number): Promise<number> {
    await db.insert(signInFailures).values({ ip, minute: sql`date_trunc('minute', now())` })
      .onConflictDoUpdate({ target: [signInFailures.ip, signInFailures.minute], set: { count: sql`${signInFailures.count} + 1` } });
    return this.addressFailures(db, ip, windowMinutes);
  },

  async addressFailures(db: Executor, ip: string, windowMinutes: number): Promise<number> {
    const [r] = await db.select({ n: sql<number>`coalesce(sum(${signInFailures.count}), 0)::int` }).from(signInFailures)
      .where(and(eq(signInFailures.ip, ip), sql`${signInFailures.minute} > now() - make_interval(mins => ${windowMinutes})`));
    return r?.n ?? 0;
  },

  async pruneAddressFailures(db: Executor, olderThanMinutes: number) {
    await db.delete(signInFailures).where(lt(signInFailures.minute, sql`now() - make_interval(mins => ${olderThanMinutes})`));
  },

  async createSession(db: Executor, s: { id: string; tenantId: number; userId: number; csrfToken: string; ip: string | null; userAgent: string | null }) {
    await db.insert(sessions).values(s);
  },

  async deleteSession(db: Executor, id: string) {
    await db.delete(sessions).where(eq(sessions.id, id));
  },

  async touchSession(db: Executor, id: string) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
  },

  /** The session with its user, the user's unit path and tenant, in one query. */
  async sessionWithUser(db: Executor, id: string) {
    const [row] = await db.select({
      session: sessions, user: users, orgPath: orgUnits.path, orgName: orgUnits.name, tenantName: tenants.name, tenantKind: tenants.kind,
      now: sql<string>`now()`,
    }).from(sessions)
      .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
      .innerJoin(tenants, eq(tenants.id, users.tenantId))
      .leftJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.orgUnitId)))
      .where(eq(sessions.id, id));
    return row ?? null;
  },

  async setLocale(db: Executor, tenantId: number, userId: number, locale: string) {
    await db.update(users).set({ locale }).where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  },
};
