import { pgTable, integer, boolean, text, date, jsonb, numeric, timestamp, primaryKey, foreignKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { tenants } from './tenancy.ts';
import { staff } from './people.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** An evaluation cycle (month, quarter, half-year, year) on one scorecard, for a set of people. */
export const evalCycles = pgTable('eval_cycles', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  periodKind: text('period_kind').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  scorecardId: text('scorecard_id').notNull(),
  /** The scorecard as it ran (frozen), so a published cycle re-explains itself later. */
  scorecard: jsonb('scorecard').notNull(),
  status: text('status').notNull().default('open'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] })]);

/** One person's result in a cycle; the supervisor who drafts it is fixed at set-up (一级考核一级). */
export const evalResults = pgTable('eval_results', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  cycleId: integer('cycle_id').notNull(),
  staffId: integer('staff_id').notNull(),
  /** The supervisor (staff id) expected to draft; null when nobody above has a login (HR drafts). */
  drafterStaffId: integer('drafter_staff_id'),
  status: text('status').notNull().default('pending'),
  /** Evaluator-entered figures per item: { value, comment, evidence }. */
  entered: jsonb('entered').notNull().default({}),
  /** Scored result: lines, trace, 360 summary (anonymised), total, band. */
  score: jsonb('score'),
  total: numeric('total', { precision: 7, scale: 2 }),
  band: text('band'),
  coefficient: numeric('coefficient', { precision: 5, scale: 2 }),
  draftedBy: integer('drafted_by'),
  reviewedBy: integer('reviewed_by'),
  reviewComment: text('review_comment'),
  calibratedBand: text('calibrated_band'),
  calibrationReason: text('calibration_reason'),
  publishedOn: date('published_on', { mode: 'string' }),
  appealDeadline: date('appeal_deadline', { mode: 'string' }),
  acknowledgedAt: ts('acknowledged_at'),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.cycleId], foreignColumns: [evalCycles.tenantId, evalCycles.id] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
  uniqueIndex('eval_results_person_uq').on(t.tenantId, t.cycleId, t.staffId),
  index('eval_results_staff_idx').on(t.tenantId, t.staffId),
]);

/** 360-degree answers. The rater is stored for de-duplication and audit, never returned to the person. */
export const evalRatings = pgTable('eval_ratings', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  resultId: integer('result_id').notNull(),
  raterStaffId: integer('rater_staff_id').notNull(),
  raterRole: text('rater_role').notNull(),
  scores: jsonb('scores'),
  comment: text('comment'),
  submittedAt: ts('submitted_at'),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.resultId], foreignColumns: [evalResults.tenantId, evalResults.id] }),
  uniqueIndex('eval_ratings_rater_uq').on(t.tenantId, t.resultId, t.raterStaffId),
  index('eval_ratings_rater_idx').on(t.tenantId, t.raterStaffId),
]);

/** An appeal against a published result; re-reviewed by someone other than the first evaluator. */
export const evalAppeals = pgTable('eval_appeals', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  resultId: integer('result_id').notNull(),
  reason: text('reason').notNull(),
  status: text('status').notNull().default('open'),
  answer: text('answer'),
  answeredBy: integer('answered_by'),
  bandBefore: text('band_before'),
  bandAfter: text('band_after'),
  createdAt: ts('created_at').notNull().defaultNow(),
  answeredAt: ts('answered_at'),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.resultId], foreignColumns: [evalResults.tenantId, evalResults.id] }),
]);

/** Rewards and penalties (spa and hotel rules) with clause, points and amount; veto marks 一票否决. */
export const conductRecords = pgTable('conduct_records', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  staffId: integer('staff_id').notNull(),
  occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
  kind: text('kind').notNull(),
  clause: text('clause').notNull(),
  points: numeric('points', { precision: 6, scale: 2 }).notNull(),
  amountFen: integer('amount_fen').notNull().default(0),
  veto: boolean('veto').notNull().default(false),
  note: text('note').notNull().default(''),
  recordedBy: integer('recorded_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
  index('conduct_staff_idx').on(t.tenantId, t.staffId, t.occurredOn),
]);

/** Grade history: every change from → to, when, why, who approved. The latest row is the grade held. */
export const gradeHistory = pgTable('grade_history', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  staffId: integer('staff_id').notNull(),
  ladderId: text('ladder_id').notNull(),
  fromGrade: text('from_grade'),
  toGrade: text('to_grade').notNull(),
  effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
  reason: text('reason').notNull(),
  approvedBy: integer('approved_by'),
  proposalId: integer('proposal_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
  index('grade_history_staff_idx').on(t.tenantId, t.staffId),
]);

/** Promotions and demotions proposed from a cycle's bands; HR approves or changes each with a reason. */
export const gradeProposals = pgTable('grade_proposals', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  cycleId: integer('cycle_id').notNull(),
  staffId: integer('staff_id').notNull(),
  ladderId: text('ladder_id').notNull(),
  fromGrade: text('from_grade').notNull(),
  proposedGrade: text('proposed_grade').notNull(),
  basis: text('basis').notNull(),
  status: text('status').notNull().default('open'),
  decidedGrade: text('decided_grade'),
  decisionReason: text('decision_reason'),
  decidedBy: integer('decided_by'),
  decidedAt: ts('decided_at'),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.cycleId], foreignColumns: [evalCycles.tenantId, evalCycles.id] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
  uniqueIndex('grade_proposals_uq').on(t.tenantId, t.cycleId, t.staffId),
]);

/** Exams, certificates and level qualifications per person. */
export const qualifications = pgTable('qualifications', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  staffId: integer('staff_id').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  level: text('level'),
  score: numeric('score', { precision: 6, scale: 2 }),
  passed: boolean('passed').notNull(),
  takenOn: date('taken_on', { mode: 'string' }).notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
  index('qualifications_staff_idx').on(t.tenantId, t.staffId),
]);

/** Public competitions (公开竞聘) with their eligibility rules. */
export const competitions = pgTable('competitions', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  title: text('title').notNull(),
  ladderId: text('ladder_id').notNull(),
  grade: text('grade').notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  rules: jsonb('rules').notNull(),
  probationMonths: integer('probation_months').notNull().default(3),
  status: text('status').notNull().default('open'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] })]);

/** Applicants: eligibility with reasons, double exam (knowledge score + character review), appointment, probation. */
export const competitionApplicants = pgTable('competition_applicants', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  id: integer('id').notNull().generatedByDefaultAsIdentity(),
  competitionId: integer('competition_id').notNull(),
  staffId: integer('staff_id').notNull(),
  examScore: numeric('exam_score', { precision: 6, scale: 2 }),
  characterReview: text('character_review'),
  avgDailyDepositsYuan: numeric('avg_daily_deposits_yuan', { precision: 16, scale: 2 }),
  eligible: boolean('eligible'),
  route: text('route'),
  reasons: jsonb('reasons').notNull().default([]),
  status: text('status').notNull().default('applied'),
  probationEndsOn: date('probation_ends_on', { mode: 'string' }),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.competitionId], foreignColumns: [competitions.tenantId, competitions.id] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
  uniqueIndex('competition_applicants_uq').on(t.tenantId, t.competitionId, t.staffId),
]);
