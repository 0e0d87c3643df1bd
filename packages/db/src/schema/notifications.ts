import { pgTable, integer, text, date, timestamp, primaryKey, foreignKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { tenants } from './tenancy.ts';
import { users } from './auth.ts';

/**
 * Stored notifications, one row per recipient. `dedup_key` (e.g. the alert key of a deadline and
 * its 90/30/7-day stage) is unique per recipient, so a generator may run any number of times.
 */
export const notifications = pgTable('notifications', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  userId: integer('user_id').notNull(),
  /** deadline | warning */
  kind: text('kind').notNull(),
  dedupKey: text('dedup_key').notNull(),
  /** high | medium | low */
  severity: text('severity').notNull(),
  titleZh: text('title_zh').notNull(),
  titleEn: text('title_en').notNull(),
  /** Where the web app opens it, e.g. /loans/12. */
  link: text('link').notNull().default(''),
  /** The day the generator ran for (the business date passed in). */
  refDate: date('ref_date', { mode: 'string' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  readAt: timestamp('read_at', { withTimezone: true, mode: 'string' }),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
  uniqueIndex('notifications_dedup_uq').on(t.tenantId, t.userId, t.dedupKey),
  index('notifications_user_idx').on(t.tenantId, t.userId, t.readAt),
]);
