import { sql } from 'drizzle-orm';
import { pgTable, integer, text, timestamp, primaryKey, foreignKey, uniqueIndex, index } from 'drizzle-orm/pg-core';

/** A legal entity: one bank, one bureau, one spa chain. Every business row carries its id. */
export const tenants = pgTable('tenants', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/**
 * The org-unit tree inside a tenant. `path` is the materialised path of ids (`/1/4/9/`), so a
 * subtree is a prefix match that an index answers.
 */
export const orgUnits = pgTable('org_units', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  parentId: integer('parent_id'),
  code: text('code').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  path: text('path').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
  uniqueIndex('org_units_code_uq').on(t.tenantId, t.code),
  index('org_units_path_idx').on(t.tenantId, sql`${t.path} text_pattern_ops`),
]);
