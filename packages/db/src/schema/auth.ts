import { pgTable, integer, text, boolean, timestamp, primaryKey, foreignKey, index } from 'drizzle-orm/pg-core';
import { tenants, orgUnits } from './tenancy.ts';
import { staff } from './people.ts';

/** Sign-in accounts. The login is unique across tenants so that sign-in needs no tenant picker. */
export const users = pgTable('users', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  login: text('login').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  orgUnitId: integer('org_unit_id'),
  staffId: integer('staff_id'),
  locale: text('locale').notNull().default('zh-CN'),
  disabled: boolean('disabled').notNull().default(false),
  failedSignIns: integer('failed_sign_ins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'string' }),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true, mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
]);

/** Server-side sessions. `id` is the SHA-256 of the cookie token; the token itself is never stored. */
export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  tenantId: integer('tenant_id').notNull(),
  userId: integer('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
  index('sessions_user_idx').on(t.tenantId, t.userId),
]);

/** Failed sign-ins per client address, for the per-address limit (one row per address and minute). */
export const signInFailures = pgTable('sign_in_failures', {
  ip: text('ip').notNull(),
  minute: timestamp('minute', { withTimezone: true, mode: 'string' }).notNull(),
  count: integer('count').notNull().default(1),
}, (t) => [primaryKey({ columns: [t.ip, t.minute] })]);
