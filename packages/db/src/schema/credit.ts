import { pgTable, integer, bigint, boolean, text, date, numeric, jsonb, timestamp, primaryKey, foreignKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { tenants, orgUnits } from './tenancy.ts';
import { staff } from './people.ts';
import { customers } from './portfolio.ts';

const created = () => timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();
const fen = (name: string) => bigint(name, { mode: 'number' });

/**
 * Loans (贷款台账). The borrower is a customer. `manager_staff_id` manages the loan now;
 * `recommender_staff_id` recommended it and answers for its recovery (clause 23).
 */
export const loans = pgTable('loans', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  loanNo: text('loan_no').notNull(),
  customerId: integer('customer_id').notNull(),
  orgUnitId: integer('org_unit_id').notNull(),
  managerStaffId: integer('manager_staff_id').notNull(),
  recommenderStaffId: integer('recommender_staff_id').notNull(),
  /** micro | joint_guarantee | corporate | mortgage */
  product: text('product').notNull(),
  amountFen: fen('amount_fen').notNull(),
  balanceFen: fen('balance_fen').notNull(),
  /** Annual rate, e.g. 0.0585. */
  annualRate: numeric('annual_rate', { precision: 8, scale: 6 }).notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  maturityDate: date('maturity_date', { mode: 'string' }).notNull(),
  /** credit | guarantee | mortgage | pledge */
  guaranteeType: text('guarantee_type').notNull(),
  collateral: text('collateral').notNull().default(''),
  /** normal | special_mention | substandard | doubtful | loss */
  loanClass: text('loan_class').notNull().default('normal'),
  /** Village (for credit-village figures). */
  village: text('village').notNull().default(''),
  /** Joint debtors besides the borrower (names), for the limitation register. */
  coDebtors: jsonb('co_debtors').$type<string[]>().notNull().default([]),
  status: text('status').notNull().default('active'),
  createdAt: created(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
  foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  foreignKey({ columns: [t.tenantId, t.managerStaffId], foreignColumns: [staff.tenantId, staff.id] }),
  foreignKey({ columns: [t.tenantId, t.recommenderStaffId], foreignColumns: [staff.tenantId, staff.id] }),
  uniqueIndex('loans_no_uq').on(t.tenantId, t.loanNo),
  index('loans_manager_idx').on(t.tenantId, t.managerStaffId),
  index('loans_unit_idx').on(t.tenantId, t.orgUnitId),
  index('loans_customer_idx').on(t.tenantId, t.customerId),
]);

/** Instalment schedule (还款计划) with what was paid. */
export const loanInstalments = pgTable('loan_instalments', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  loanId: integer('loan_id').notNull(),
  seq: integer('seq').notNull(),
  dueDate: date('due_date', { mode: 'string' }).notNull(),
  principalFen: fen('principal_fen').notNull(),
  interestFen: fen('interest_fen').notNull().default(0),
  paidPrincipalFen: fen('paid_principal_fen').notNull().default(0),
  paidInterestFen: fen('paid_interest_fen').notNull().default(0),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.loanId, t.seq] }),
  foreignKey({ columns: [t.tenantId, t.loanId], foreignColumns: [loans.tenantId, loans.id] }).onDelete('cascade'),
]);

/** Guarantors of a loan and their guarantee period terms (保证期间). */
export const loanGuarantors = pgTable('loan_guarantors', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  loanId: integer('loan_id').notNull(),
  name: text('name').notNull(),
  /** The guarantor's ID number; with the loan it is the import key (older rows may have none). */
  idNo: text('id_no'),
  customerId: integer('customer_id'),
  /** general | joint | unclear */
  guaranteeKind: text('guarantee_kind').notNull(),
  agreedEnd: date('agreed_end', { mode: 'string' }),
  agreedUnclear: boolean('agreed_unclear').notNull().default(false),
  /** A known problem (涉诉, 失联, 资不抵债 …) raises a warning. */
  problem: text('problem'),
  related: boolean('related').notNull().default(false),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.loanId], foreignColumns: [loans.tenantId, loans.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
  index('loan_guarantors_loan_idx').on(t.tenantId, t.loanId),
  uniqueIndex('loan_guarantors_id_no_uq').on(t.tenantId, t.loanId, t.idNo),
]);

/** Five-class history (五级分类变动). */
export const loanClassHistory = pgTable('loan_class_history', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  loanId: integer('loan_id').notNull(),
  changedOn: date('changed_on', { mode: 'string' }).notNull(),
  fromClass: text('from_class'),
  toClass: text('to_class').notNull(),
  reason: text('reason').notNull().default(''),
  /** The recommending manager a new NPL is attributed to. */
  attributedStaffId: integer('attributed_staff_id'),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.loanId], foreignColumns: [loans.tenantId, loans.id] }).onDelete('cascade'),
  index('loan_class_history_loan_idx').on(t.tenantId, t.loanId, t.changedOn),
]);

/** Interest due and collected per loan and month (YYYY-MM). */
export const loanInterest = pgTable('loan_interest', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  loanId: integer('loan_id').notNull(),
  period: text('period').notNull(),
  dueFen: fen('due_fen').notNull(),
  collectedFen: fen('collected_fen').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.loanId, t.period] }),
  foreignKey({ columns: [t.tenantId, t.loanId], foreignColumns: [loans.tenantId, loans.id] }).onDelete('cascade'),
]);

/**
 * Daily balances of loan and deposit accounts with the running day-sum (积数): the sum of every
 * end-of-day balance up to and including `day`, so a period's average is a subtraction.
 */
export const balanceDaySums = pgTable('balance_day_sums', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  /** loan | deposit */
  accountKind: text('account_kind').notNull(),
  accountNo: text('account_no').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  customerId: integer('customer_id'),
  balanceFen: fen('balance_fen').notNull(),
  daySumFen: fen('day_sum_fen').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.accountKind, t.accountNo, t.day] }),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
]);

/** Limitation register events (诉讼时效登记簿): interruptions, obstacles, agreements after expiry. */
export const claimEvents = pgTable('claim_events', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  loanId: integer('loan_id').notNull(),
  kind: text('kind').notNull(),
  eventDate: date('event_date', { mode: 'string' }).notNull(),
  debtorName: text('debtor_name'),
  proceedingsEndedOn: date('proceedings_ended_on', { mode: 'string' }),
  endedOn: date('ended_on', { mode: 'string' }),
  evidence: text('evidence').notNull().default(''),
  recordedBy: integer('recorded_by'),
  createdAt: created(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.loanId], foreignColumns: [loans.tenantId, loans.id] }).onDelete('cascade'),
  index('claim_events_loan_idx').on(t.tenantId, t.loanId, t.eventDate),
]);

/** Actions that keep a guarantee (suit against the debtor, demand to the guarantor). */
export const guaranteeActions = pgTable('guarantee_actions', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  guarantorId: integer('guarantor_id').notNull(),
  kind: text('kind').notNull(),
  actionDate: date('action_date', { mode: 'string' }).notNull(),
  evidence: text('evidence').notNull().default(''),
  createdAt: created(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.guarantorId], foreignColumns: [loanGuarantors.tenantId, loanGuarantors.id] }).onDelete('cascade'),
]);

/** Demand notices (催收通知书): issued, then signed — a signed one is recorded as an interruption. */
export const demandNotices = pgTable('demand_notices', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  noticeNo: text('notice_no').notNull(),
  loanId: integer('loan_id').notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  issuedBy: integer('issued_by').notNull(),
  principalFen: fen('principal_fen').notNull(),
  interestFen: fen('interest_fen').notNull().default(0),
  signedOn: date('signed_on', { mode: 'string' }),
  signedBy: text('signed_by'),
  claimEventId: integer('claim_event_id'),
  createdAt: created(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.loanId], foreignColumns: [loans.tenantId, loans.id] }).onDelete('cascade'),
  uniqueIndex('demand_notices_no_uq').on(t.tenantId, t.noticeNo),
]);

/** NPL collection plans (不良贷款清收计划), one per loan, and their actions. */
export const nplPlans = pgTable('npl_plans', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  loanId: integer('loan_id').notNull(),
  /** cash | restructure | foreclosure | suit */
  method: text('method').notNull(),
  targetFen: fen('target_fen').notNull(),
  targetDate: date('target_date', { mode: 'string' }).notNull(),
  status: text('status').notNull().default('open'),
  notes: text('notes').notNull().default(''),
  staffId: integer('staff_id').notNull(),
  createdAt: created(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.loanId], foreignColumns: [loans.tenantId, loans.id] }).onDelete('cascade'),
  uniqueIndex('npl_plans_loan_uq').on(t.tenantId, t.loanId),
]);

export const nplActions = pgTable('npl_actions', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  planId: integer('plan_id').notNull(),
  actionDate: date('action_date', { mode: 'string' }).notNull(),
  action: text('action').notNull(),
  evidence: text('evidence').notNull().default(''),
  recoveredFen: fen('recovered_fen').notNull().default(0),
  staffId: integer('staff_id').notNull(),
  createdAt: created(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [nplPlans.tenantId, nplPlans.id] }).onDelete('cascade'),
]);

/** High-risk ledger (高风险台账): violations, related guarantees, concentrated loans, with actions. */
export const riskItems = pgTable('risk_items', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  loanId: integer('loan_id'),
  customerId: integer('customer_id').notNull(),
  orgUnitId: integer('org_unit_id').notNull(),
  /** violation | related_guarantee | concentration */
  kind: text('kind').notNull(),
  description: text('description').notNull(),
  actionTaken: text('action_taken').notNull().default(''),
  openedOn: date('opened_on', { mode: 'string' }).notNull(),
  closedOn: date('closed_on', { mode: 'string' }),
  /** The manager answering for the item (the loan's manager, or who opened it). */
  managerStaffId: integer('manager_staff_id'),
  closedNote: text('closed_note'),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.loanId], foreignColumns: [loans.tenantId, loans.id] }),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
  index('risk_items_unit_idx').on(t.tenantId, t.orgUnitId),
]);

/** Actions taken on a high-risk ledger item (采取的措施), each dated and signed. */
export const riskItemActions = pgTable('risk_item_actions', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  riskItemId: integer('risk_item_id').notNull(),
  actionDate: date('action_date', { mode: 'string' }).notNull(),
  action: text('action').notNull(),
  staffId: integer('staff_id'),
  createdAt: created(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.riskItemId], foreignColumns: [riskItems.tenantId, riskItems.id] }).onDelete('cascade'),
  index('risk_item_actions_item_idx').on(t.tenantId, t.riskItemId),
]);

/** Foreclosed assets (抵债资产). */
export const foreclosedAssets = pgTable('foreclosed_assets', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  loanId: integer('loan_id').notNull(),
  description: text('description').notNull(),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  valuationFen: fen('valuation_fen').notNull(),
  custody: text('custody').notNull().default(''),
  disposalDeadline: date('disposal_deadline', { mode: 'string' }).notNull(),
  disposedOn: date('disposed_on', { mode: 'string' }),
  proceedsFen: fen('proceeds_fen'),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.loanId], foreignColumns: [loans.tenantId, loans.id] }),
]);

/** Credit villages (信用村) with the figures of their last rating; removal keeps the row. */
export const creditVillages = pgTable('credit_villages', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  orgUnitId: integer('org_unit_id').notNull(),
  name: text('name').notNull(),
  households: integer('households').notNull(),
  /** rated | failed | removed */
  status: text('status').notNull(),
  ratedOn: date('rated_on', { mode: 'string' }).notNull(),
  checks: jsonb('checks').notNull().default([]),
  creditLineFen: fen('credit_line_fen').notNull().default(0),
  removedOn: date('removed_on', { mode: 'string' }),
  removalReason: text('removal_reason'),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  uniqueIndex('credit_villages_name_uq').on(t.tenantId, t.orgUnitId, t.name),
]);

/** Credit households (信用户). */
export const creditHouseholds = pgTable('credit_households', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  customerId: integer('customer_id').notNull(),
  villageId: integer('village_id'),
  status: text('status').notNull(),
  ratedOn: date('rated_on', { mode: 'string' }).notNull(),
  creditLineFen: fen('credit_line_fen').notNull().default(0),
  removedOn: date('removed_on', { mode: 'string' }),
  removalReason: text('removal_reason'),
  /** The rating grade the policy's credit-line table gives (e.g. 优秀/较好/一般), the score and each check. */
  grade: text('grade').notNull().default(''),
  score: integer('score'),
  checks: jsonb('checks').notNull().default([]),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
  foreignKey({ columns: [t.tenantId, t.villageId], foreignColumns: [creditVillages.tenantId, creditVillages.id] }),
  uniqueIndex('credit_households_customer_uq').on(t.tenantId, t.customerId),
]);
