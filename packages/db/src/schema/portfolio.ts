import { sql } from 'drizzle-orm';
import { pgTable, integer, bigint, boolean, text, date, numeric, jsonb, timestamp, primaryKey, foreignKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { tenants, orgUnits } from './tenancy.ts';
import { staff } from './people.ts';

/**
 * The tenant's portfolio policy (kind `portfolio`): visit frequencies, staffing ratios, the
 * big-customer top N, back-dating. The newest row with valid_from on or before the day is in force;
 * rows are never changed, so the rules of any past day can be read again.
 */
export const portfolioPolicies = pgTable('portfolio_policies', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  /** The preset it came from (e.g. `rural-credit`), or null for a hand-written document. */
  presetId: text('preset_id'),
  document: text('document').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  createdByName: text('created_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  index('portfolio_policies_from_idx').on(t.tenantId, t.validFrom),
]);

/** Territories (管片): a group of customers a unit looks after. */
export const territories = pgTable('territories', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  orgUnitId: integer('org_unit_id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  uniqueIndex('territories_code_uq').on(t.tenantId, t.code),
]);

/**
 * Customers with their economic archive (经济档案). Money in fen. The customer belongs to the
 * unit that serves it; who manages it is in customer_assignments.
 */
export const customers = pgTable('customers', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  orgUnitId: integer('org_unit_id').notNull(),
  territoryId: integer('territory_id'),
  customerNo: text('customer_no').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  segment: text('segment').notNull(),
  /** ID card number or unified social credit code. */
  idNo: text('id_no').notNull(),
  phone: text('phone').notNull().default(''),
  address: text('address').notNull().default(''),
  loanBalanceFen: bigint('loan_balance_fen', { mode: 'number' }).notNull().default(0),
  depositBalanceFen: bigint('deposit_balance_fen', { mode: 'number' }).notNull().default(0),
  problemLoan: boolean('problem_loan').notNull().default(false),
  bigCustomer: boolean('big_customer').notNull().default(false),
  permanent: boolean('permanent').notNull().default(true),
  /** Power supply: consumption in kWh for the big-customer ranking. */
  consumption: bigint('consumption', { mode: 'number' }).notNull().default(0),
  visitMonthsOverride: integer('visit_months_override'),
  creditRating: text('credit_rating').notNull().default('unrated'),
  classification: text('classification').notNull().default(''),
  /** Household, business, income, assets, credit standing: the fields of the rural-credit archive. */
  archive: jsonb('archive').notNull().default({}),
  status: text('status').notNull().default('active'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  foreignKey({ columns: [t.tenantId, t.territoryId], foreignColumns: [territories.tenantId, territories.id] }),
  uniqueIndex('customers_no_uq').on(t.tenantId, t.customerNo),
  // Name prefix search and paging by name: queries compare and sort `name collate "C"`, so one
  // btree answers both `like '王%'` and `order by name, id` (no pg_trgm needed; PGlite lacks it by default).
  // The unit at the end lets a search pick a page's ids within a unit subtree from the index alone.
  index('customers_name_idx').on(t.tenantId, sql`(${t.name} collate "C")`, t.id, t.orgUnitId),
  index('customers_id_no_idx').on(t.tenantId, sql`(${t.idNo} collate "C")`),
  index('customers_unit_idx').on(t.tenantId, t.orgUnitId, sql`(${t.name} collate "C")`, t.id),
  index('customers_territory_idx').on(t.tenantId, t.territoryId, sql`(${t.name} collate "C")`, t.id),
]);

/**
 * Assignments (管户): who manages a customer, in what role and with what share, from when to when.
 * Ending an assignment sets valid_to; rows are never deleted, so they are the history.
 */
export const customerAssignments = pgTable('customer_assignments', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  customerId: integer('customer_id').notNull(),
  staffId: integer('staff_id').notNull(),
  role: text('role').notNull(),
  share: numeric('share', { precision: 5, scale: 2 }).notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  requestId: integer('request_id'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
  // A manager's customers in force on a day, read from the index alone (no heap visit per row):
  // the validity dates are part of the key, so a manager's page and count are index-only scans.
  index('assignments_staff_idx').on(t.tenantId, t.staffId, t.customerId, t.validFrom, t.validTo),
  index('assignments_customer_idx').on(t.tenantId, t.customerId),
]);

/** Claims, transfers and hand-overs: draft → pending → approved | rejected, decided by a supervisor. */
export const assignmentRequests = pgTable('assignment_requests', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  kind: text('kind').notNull(),
  customerId: integer('customer_id').notNull(),
  fromStaffId: integer('from_staff_id'),
  toStaffId: integer('to_staff_id').notNull(),
  role: text('role').notNull(),
  share: numeric('share', { precision: 5, scale: 2 }).notNull(),
  effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
  reason: text('reason').notNull().default(''),
  status: text('status').notNull().default('pending'),
  requestedByUserId: integer('requested_by_user_id'),
  requestedByName: text('requested_by_name').notNull(),
  decidedByName: text('decided_by_name'),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
  decisionNote: text('decision_note'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
  foreignKey({ columns: [t.tenantId, t.toStaffId], foreignColumns: [staff.tenantId, staff.id] }),
  foreignKey({ columns: [t.tenantId, t.fromStaffId], foreignColumns: [staff.tenantId, staff.id] }),
  index('requests_status_idx').on(t.tenantId, t.status),
]);

/** Visits in the shape of the visit form (走访调查表). */
export const visits = pgTable('visits', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  customerId: integer('customer_id').notNull(),
  staffId: integer('staff_id').notNull(),
  visitDate: date('visit_date', { mode: 'string' }).notNull(),
  purpose: text('purpose').notNull(),
  findings: text('findings').notNull().default(''),
  customerRequests: text('customer_requests').notNull().default(''),
  followUp: text('follow_up').notNull().default(''),
  /** An optional photo as a data: URL (kept small by the API limit). */
  photo: text('photo'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
  index('visits_customer_idx').on(t.tenantId, t.customerId, t.visitDate),
  index('visits_staff_idx').on(t.tenantId, t.staffId, t.visitDate),
]);

/** Complaints with source, category, handler, deadline and outcome. */
export const complaints = pgTable('complaints', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  customerId: integer('customer_id').notNull(),
  /** The manager the complaint is about (counted per manager per period). */
  staffId: integer('staff_id').notNull(),
  handlerStaffId: integer('handler_staff_id'),
  source: text('source').notNull(),
  category: text('category').notNull(),
  description: text('description').notNull(),
  receivedDate: date('received_date', { mode: 'string' }).notNull(),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  status: text('status').notNull().default('new'),
  outcome: text('outcome'),
  resolvedDate: date('resolved_date', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
  foreignKey({ columns: [t.tenantId, t.handlerStaffId], foreignColumns: [staff.tenantId, staff.id] }),
  index('complaints_staff_idx').on(t.tenantId, t.staffId, t.receivedDate),
  index('complaints_customer_idx').on(t.tenantId, t.customerId),
]);

/** A satisfaction questionnaire: every question is answered with a score from 1 to 5. */
export const surveys = pgTable('surveys', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  title: text('title').notNull(),
  intro: text('intro').notNull().default(''),
  questions: jsonb('questions').notNull(),
  /** How long a personal link stays answerable. */
  validDays: integer('valid_days').notNull().default(30),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] })]);

/**
 * One personal link per customer and survey. Only the SHA-256 of the token is stored; the
 * public page finds the link by it, accepts one set of answers and nothing after expiry.
 */
export const surveyLinks = pgTable('survey_links', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  surveyId: integer('survey_id').notNull(),
  customerId: integer('customer_id').notNull(),
  /** The manager rated: the customer's main manager when the link was issued. */
  staffId: integer('staff_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'string' }),
  answers: jsonb('answers'),
  /** Mean of the answers, 1.00–5.00. */
  score: numeric('score', { precision: 4, scale: 2 }),
  comment: text('comment'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.surveyId], foreignColumns: [surveys.tenantId, surveys.id] }),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
  uniqueIndex('survey_links_token_uq').on(t.tokenHash),
  index('survey_links_staff_idx').on(t.tenantId, t.staffId),
]);

/** Half-yearly market-research reports (农信社细则: 每半年一份市场调研报告): submitted by a manager, reviewed by the supervisor. */
export const researchReports = pgTable('research_reports', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  staffId: integer('staff_id').notNull(),
  /** "2026-H2". */
  period: text('period').notNull(),
  title: text('title').notNull(),
  content: text('content').notNull(),
  status: text('status').notNull().default('submitted'),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  reviewerName: text('reviewer_name'),
  reviewNote: text('review_note'),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
  uniqueIndex('research_reports_period_uq').on(t.tenantId, t.staffId, t.period),
]);

/**
 * Contact log of a big customer (供电局细则 5.6: 定期联系，跟踪服务): each contact with the person
 * met, the channel, what was said and the follow-up agreed.
 */
export const bigCustomerContacts = pgTable('big_customer_contacts', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  customerId: integer('customer_id').notNull(),
  staffId: integer('staff_id').notNull(),
  contactDate: date('contact_date', { mode: 'string' }).notNull(),
  contactPerson: text('contact_person').notNull(),
  channel: text('channel').notNull(),
  content: text('content').notNull(),
  followUp: text('follow_up').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
  index('big_customer_contacts_customer_idx').on(t.tenantId, t.customerId, t.contactDate),
]);
