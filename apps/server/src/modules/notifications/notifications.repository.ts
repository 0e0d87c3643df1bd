import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { notifications, orgUnits, tenants, users, type Executor } from '@kehu/db';

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationInsert = Omit<typeof notifications.$inferInsert, 'tenantId' | 'id' | 'createdAt' | 'readAt'>;

export const notificationsRepository = {
  /** Inserts set-based from a JSON array; a (user, dedup key) already stored is left alone. Returns how many are new. */
  async insertMany(db: Executor, tenantId: number, rows: NotificationInsert[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < rows.length; i += 2000) {
      const part = rows.slice(i, i + 2000).map((r) => ({ user_id: r.userId, kind: r.kind, dedup_key: r.dedupKey, severity: r.severity, title_zh: r.titleZh, title_en: r.titleEn, link: r.link ?? '', ref_date: r.refDate }));
      const r = await db.execute(sql`with ins as (insert into notifications (tenant_id, user_id, kind, dedup_key, severity, title_zh, title_en, link, ref_date)
        select ${tenantId}, x.user_id, x.kind, x.dedup_key, x.severity, x.title_zh, x.title_en, x.link, x.ref_date::date
        from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as x(user_id int, kind text, dedup_key text, severity text, title_zh text, title_en text, link text, ref_date text)
        on conflict (tenant_id, user_id, dedup_key) do nothing returning 1) select count(*)::int as n from ins`);
      n += Number((r as { rows: { n: unknown }[] }).rows[0]?.n ?? 0);
    }
    return n;
  },
  async forUser(db: Executor, tenantId: number, userId: number, f: { unreadOnly: boolean; limit: number }) {
    const where = [eq(notifications.tenantId, tenantId), eq(notifications.userId, userId)];
    if (f.unreadOnly) where.push(isNull(notifications.readAt));
    // Unread first, then the most urgent (a deadline before a warning of the same severity), then the newest.
    return db.select().from(notifications).where(and(...where))
      .orderBy(sql`(${notifications.readAt} is null) desc`, sql`case ${notifications.severity} when 'high' then 0 when 'medium' then 1 else 2 end`, sql`(${notifications.kind} = 'deadline') desc`, desc(notifications.refDate), desc(notifications.id)).limit(f.limit);
  },
  async unreadCount(db: Executor, tenantId: number, userId: number): Promise<number> {
    const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.tenantId, tenantId), eq(notifications.userId, userId), isNull(notifications.readAt)));
    return Number(r?.n ?? 0);
  },
  /** Marks read the given notices (or all) of one user; another user's ids are simply not matched. */
  async markRead(db: Executor, tenantId: number, userId: number, ids: number[] | 'all'): Promise<number> {
    const where = [eq(notifications.tenantId, tenantId), eq(notifications.userId, userId), isNull(notifications.readAt)];
    if (ids !== 'all') where.push(inArray(notifications.id, ids.length ? ids : [-1]));
    const r = await db.update(notifications).set({ readAt: sql`now()` }).where(and(...where)).returning({ id: notifications.id });
    return r.length;
  },
  async byId(db: Executor, tenantId: number, id: number) {
    const [r] = await db.select().from(notifications).where(and(eq(notifications.tenantId, tenantId), eq(notifications.id, id)));
    return r ?? null;
  },
  /** Enabled users linked to these staff members. */
  async usersOfStaff(db: Executor, tenantId: number, staffIds: number[]) {
    if (!staffIds.length) return [];
    return db.select({ userId: users.id, staffId: users.staffId }).from(users)
      .where(and(eq(users.tenantId, tenantId), inArray(users.staffId, staffIds), eq(users.disabled, false)));
  },
  /** Enabled supervisors with the path of their unit. */
  async supervisors(db: Executor, tenantId: number) {
    return db.select({ userId: users.id, unitPath: orgUnits.path }).from(users)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.orgUnitId)))
      .where(and(eq(users.tenantId, tenantId), eq(users.role, 'supervisor'), eq(users.disabled, false)));
  },
  async tenantIds(db: Executor): Promise<number[]> {
    return (await db.select({ id: tenants.id }).from(tenants)).map((t) => t.id);
  },
};
