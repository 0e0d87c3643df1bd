import { sql } from 'drizzle-orm';
import { pgTable, integer, bigint, boolean, text, date, json, jsonb, timestamp, primaryKey, foreignKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { tenants, orgUnits } from './tenancy.ts';
import { staff } from './people.ts';

/** Monthly pay periods (YYYY-MM). A locked period never changes; corrections go to a later open one. */
export const payPeriods = pgTable('pay_periods', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  period: text('period').notNull(),
  status: text('status').notNull().default('open'),
  lockedRunId: integer('locked_run_id'),
  lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  uniqueIndex('pay_periods_period_uq').on(t.tenantId, t.period),
]);

/**
 * A plan is one version of a compensation policy, frozen as the YAML text that runs, so a
 * locked period can always be re-explained with exactly the rules it was paid by.
 */
export const payPlans = pgTable('pay_plans', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  code: text('code').notNull(),
  title: text('title').notNull(),
  /** The preset it came from (e.g. `spa-pay`), or null for a hand-written document. */
  presetId: text('preset_id'),
  version: text('version').notNull(),
  document: text('document').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  uniqueIndex('pay_plans_code_uq').on(t.tenantId, t.code, t.version),
]);

/** Which staff a plan applies to (position, unit subtree, hire type; null = any) and when. */
export const payPlanAssignments = pgTable('pay_plan_assignments', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  planId: integer('plan_id').notNull(),
  position: text('position'),
  orgUnitId: integer('org_unit_id'),
  hireType: text('hire_type'),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [payPlans.tenantId, payPlans.id] }),
  foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
]);

/** Every imported fact file, by content hash: the same file twice adds nothing. */
export const payFactFiles = pgTable('pay_fact_files', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  periodId: integer('period_id').notNull(),
  sha256: text('sha256').notNull(),
  fileName: text('file_name').notNull(),
  /** Facts the file added (rows whose source ref was already loaded are not counted). */
  rowCount: integer('row_count').notNull(),
  /** The highest fact id the file added (null: none): a period's watermark without scanning its facts. */
  maxFactId: bigint('max_fact_id', { mode: 'number' }),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  /** Set when the whole file was voided (pay_fact_voids has the why): its facts count no more, and the same file may be loaded again. */
  voidedAt: timestamp('voided_at', { withTimezone: true, mode: 'string' }),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.periodId], foreignColumns: [payPeriods.tenantId, payPeriods.id] }),
  uniqueIndex('pay_fact_files_hash_uq').on(t.tenantId, t.sha256).where(sql`${t.voidedAt} is null`),
]);

/**
 * Facts taken back: a whole file (factId null) or one fact of it, with who, when and why. Facts are
 * never deleted or edited; a run records the highest void id it saw (pay_runs.void_watermark) next to
 * its fact watermark, so a run made before a void keeps reading the fact (a locked period's slips and
 * their facts never change) and a correction of a locked period turns the void into an adjustment.
 * The id is the order of voids. A voided fact's source ref moves here (`sourceRef`), freeing it for
 * the corrected row.
 */
export const payFactVoids = pgTable('pay_fact_voids', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: bigint('id', { mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
  periodId: integer('period_id').notNull(),
  fileId: integer('file_id').notNull(),
  factId: bigint('fact_id', { mode: 'number' }),
  sourceRef: text('source_ref'),
  reason: text('reason').notNull(),
  voidedBy: integer('voided_by'),
  voidedAt: timestamp('voided_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.periodId], foreignColumns: [payPeriods.tenantId, payPeriods.id] }),
  foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [payFactFiles.tenantId, payFactFiles.id] }),
  index('pay_fact_voids_period_idx').on(t.tenantId, t.periodId),
]);

/**
 * Facts a plan needs, one row per booking, card sale, sale, leave day, deduction or monthly target.
 * Money in fen. Append-only: a run reads the facts up to its watermark (max id), so later facts
 * never change a run already made. No foreign keys on purpose: millions of rows arrive by COPY
 * and the import has already checked staff and period for every row (per-row FK triggers would
 * double the load time); period and staff ids are validated against the tenant before loading.
 *
 * Storage (set up by migration 0012, not expressible in Drizzle): the table is PARTITIONED BY LIST
 * (period_id), one partition `pay_facts_p<periodId>` per period, created on demand by the first
 * write (packages/db/src/pay-facts.ts; every writer goes through it). A period's first file is
 * COPied into a standalone table that is attached as the partition afterwards, so its indexes are
 * built once instead of maintained row by row. No identity and no primary key: `id` =
 * file id × 2³² + row number in the file, unique by construction and growing with file ids.
 * Indexes (partitioned, one per partition): (staff_id) for one person's facts of a period;
 * (tenant_id, period_id, source_ref) unique where a ref is given — refs are unique within a period.
 */
export const payFacts = pgTable('pay_facts', {
  tenantId: integer('tenant_id').notNull(),
  /** fileId × 2³² + row number: see above. */
  id: bigint('id', { mode: 'number' }).notNull(),
  periodId: integer('period_id').notNull(),
  staffId: integer('staff_id').notNull(),
  /** booking | card | sale | deposit | loan | leave | deduction | target */
  kind: text('kind').notNull(),
  /** deduction: attendance | phoneCard | other; sale/deposit/loan: product; else ''. */
  subKind: text('sub_kind').notNull().default(''),
  factDate: date('fact_date', { mode: 'string' }).notNull(),
  /** Rooms, accounts, pieces; the monthly booking target (订房基数) for kind=target. */
  quantity: integer('quantity').notNull().default(1),
  /** Card amount, sale amount, deduction amount. */
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
  /** Booking: face value of the guest's card. */
  faceValueFen: bigint('face_value_fen', { mode: 'number' }).notNull().default(0),
  /** Booking: what the guest spent on that visit. */
  spentFen: bigint('spent_fen', { mode: 'number' }).notNull().default(0),
  /** Card sold with gifted drinks (not the store's standard gift): rate − 0.5 pp. */
  gifted: boolean('gifted').notNull().default(false),
  customerId: integer('customer_id'),
  /** The source system's own key for the row; a row whose ref is already loaded in the period is skipped. */
  sourceRef: text('source_ref'),
  /** The pay_fact_files row that brought the fact (every fact has one). */
  fileId: integer('file_id'),
  note: text('note').notNull().default(''),
}, (t) => [
  index('pay_facts_staff_idx').on(t.staffId),
  uniqueIndex('pay_facts_ref_uq').on(t.tenantId, t.periodId, t.sourceRef).where(sql`${t.sourceRef} is not null`),
]);

/**
 * A fact import the page follows: opened before the upload, updated as rows are read and checked,
 * then written, then done or failed. In the database so any server process (node:cluster worker)
 * answers the page's polls; the process running the upload also keeps it in memory.
 */
export const payImportJobs = pgTable('pay_import_jobs', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: text('id').notNull(),
  userId: integer('user_id').notNull(),
  periodId: integer('period_id').notNull(),
  fileName: text('file_name').notNull(),
  /** waiting | validating | writing | done | failed */
  phase: text('phase').notNull().default('waiting'),
  phases: jsonb('phases').notNull().default(['waiting']),
  rows: integer('rows').notNull().default(0),
  bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
  totalBytes: bigint('total_bytes', { mode: 'number' }),
  report: jsonb('report'),
  errors: jsonb('errors').notNull().default([]),
  message: jsonb('message'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  index('pay_import_jobs_created_idx').on(t.createdAt),
]);

/** One computation of a period. Re-running a draft keeps the earlier run (superseded). */
export const payRuns = pgTable('pay_runs', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  periodId: integer('period_id').notNull(),
  seq: integer('seq').notNull(),
  status: text('status').notNull().default('draft'),
  previousRunId: integer('previous_run_id'),
  /** The highest fact id the run read: the facts it was computed from. */
  factWatermark: bigint('fact_watermark', { mode: 'number' }).notNull(),
  /** The highest pay_fact_voids id the run saw (0: none): the voids it honoured. */
  voidWatermark: bigint('void_watermark', { mode: 'number' }).notNull().default(0),
  factCount: integer('fact_count').notNull().default(0),
  headcount: integer('headcount').notNull().default(0),
  totalFen: bigint('total_fen', { mode: 'number' }).notNull().default(0),
  durationMs: integer('duration_ms').notNull().default(0),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  reviewedBy: integer('reviewed_by'),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
  approvedBy: integer('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'string' }),
  lockedBy: integer('locked_by'),
  lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'string' }),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.periodId], foreignColumns: [payPeriods.tenantId, payPeriods.id] }),
  uniqueIndex('pay_runs_seq_uq').on(t.tenantId, t.periodId, t.seq),
]);

/** A person's slip in a run: total, payday, the engine input and its trace. */
export const paySlips = pgTable('pay_slips', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  runId: integer('run_id').notNull(),
  staffId: integer('staff_id').notNull(),
  planId: integer('plan_id').notNull(),
  totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
  payday: date('payday', { mode: 'string' }).notNull(),
  // json, not jsonb: stored and given back as written, never queried inside; PostgreSQL only checks
  // the text on the way in, which costs a run of 10,000 slips noticeably less than building jsonb.
  input: json('input').notNull(),
  trace: json('trace').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.runId], foreignColumns: [payRuns.tenantId, payRuns.id] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
  foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [payPlans.tenantId, payPlans.id] }),
  uniqueIndex('pay_slips_person_uq').on(t.tenantId, t.runId, t.staffId),
  index('pay_slips_staff_idx').on(t.tenantId, t.staffId),
]);

/** The lines of a slip; Σ lines = slip total. An adjustment line points at the line it corrects. */
export const payLines = pgTable('pay_lines', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  slipId: integer('slip_id').notNull(),
  seq: integer('seq').notNull(),
  component: text('component').notNull(),
  labelZh: text('label_zh').notNull(),
  labelEn: text('label_en').notNull(),
  clause: text('clause').notNull().default(''),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  /** Formula, inputs, facts counted and excluded (with why); json like the slip's input and trace. */
  explain: json('explain').notNull(),
  adjustmentId: integer('adjustment_id'),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.slipId], foreignColumns: [paySlips.tenantId, paySlips.id] }),
  index('pay_lines_slip_idx').on(t.tenantId, t.slipId),
]);

/** A manager's dispute of one line; HR accepts (with an adjustment) or rejects with a reason. */
export const payDisputes = pgTable('pay_disputes', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  lineId: integer('line_id').notNull(),
  slipId: integer('slip_id').notNull(),
  staffId: integer('staff_id').notNull(),
  comment: text('comment').notNull(),
  status: text('status').notNull().default('open'),
  answer: text('answer'),
  raisedBy: integer('raised_by'),
  answeredBy: integer('answered_by'),
  answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.lineId], foreignColumns: [payLines.tenantId, payLines.id] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
  index('pay_disputes_staff_idx').on(t.tenantId, t.staffId),
]);

/**
 * A correction paid in an open period: from a won dispute or a recomputation of a locked period
 * (late facts). Points at the line it corrects; the next run of the target period turns it into
 * a slip line.
 */
export const payAdjustments = pgTable('pay_adjustments', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  periodId: integer('period_id').notNull(),
  staffId: integer('staff_id').notNull(),
  component: text('component').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  correctsLineId: integer('corrects_line_id'),
  correctsPeriod: text('corrects_period').notNull(),
  source: text('source').notNull(),
  disputeId: integer('dispute_id'),
  reason: text('reason').notNull(),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.periodId], foreignColumns: [payPeriods.tenantId, payPeriods.id] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
  foreignKey({ columns: [t.tenantId, t.correctsLineId], foreignColumns: [payLines.tenantId, payLines.id] }),
  index('pay_adjustments_period_idx').on(t.tenantId, t.periodId),
]);
