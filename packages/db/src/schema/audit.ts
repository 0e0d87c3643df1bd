import { pgTable, integer, bigint, text, jsonb, timestamp, primaryKey, index } from 'drizzle-orm/pg-core';
import { tenants } from './tenancy.ts';

/** Every write leaves a row: who, when, what, before and after. Rows are only ever inserted. */
export const auditLog = pgTable('audit_log', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: bigint('id', { mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  actorUserId: integer('actor_user_id'),
  actorName: text('actor_name').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  ip: text('ip'),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  index('audit_entity_idx').on(t.tenantId, t.entity, t.entityId),
  index('audit_at_idx').on(t.tenantId, t.at),
]);
