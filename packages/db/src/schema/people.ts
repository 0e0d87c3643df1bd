import { sql } from 'drizzle-orm';
import { pgTable, integer, text, date, timestamp, primaryKey, foreignKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { tenants, orgUnits } from './tenancy.ts';

/** Customer managers and their peers. History of changes is the audit log of entity `staff`. */
export const staff = pgTable('staff', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  orgUnitId: integer('org_unit_id').notNull(),
  name: text('name').notNull(),
  gender: text('gender').notNull(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  idCardNo: text('id_card_no').notNull(),
  phone: text('phone').notNull(),
  education: text('education').notNull(),
  hireDate: date('hire_date', { mode: 'string' }).notNull(),
  hireType: text('hire_type').notNull(),
  position: text('position').notNull(),
  category: text('category').notNull(),
  status: text('status').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  uniqueIndex('staff_id_card_uq').on(t.tenantId, t.idCardNo),
  index('staff_unit_idx').on(t.tenantId, t.orgUnitId),
  index('staff_name_idx').on(t.tenantId, t.name),
  index('staff_status_idx').on(t.tenantId, t.status),
  index('staff_phone_idx').on(t.tenantId, sql`${t.phone} text_pattern_ops`),
]);
