import { z } from 'zod';
import { isoDate } from './common.ts';
import { localizedText } from './errors.ts';
import { importRowError } from './staff.ts';

/** Pay settlement (issue 4): periods, plans, facts, runs, slips, disputes, what-if. Money in fen. */
export const payPeriodCode = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period' });

export const payPeriod = z.object({
  id: z.number().int(), period: payPeriodCode, status: z.enum(['open', 'locked']), lockedRunId: z.number().int().nullable(),
  factCount: z.number().int(), runCount: z.number().int(), latestRunStatus: z.string().nullable(), pendingAdjustments: z.number().int(),
});
export type PayPeriod = z.infer<typeof payPeriod>;
export const payPeriodList = z.object({ items: z.array(payPeriod) });
export const payPeriodCreate = z.object({ period: payPeriodCode });

export const payPlan = z.object({ id: z.number().int(), code: z.string(), title: z.string(), presetId: z.string().nullable(), version: z.string() });
export type PayPlan = z.infer<typeof payPlan>;
export const payPlanCreate = z.object({
  code: z.string().min(1).max(60), title: z.string().min(1).max(200), version: z.string().min(1).max(40),
  presetId: z.string().min(1).max(60).nullable().default(null),
  /** The policy YAML; omitted → the preset's own document. */
  document: z.string().max(200_000).nullable().default(null),
});
export const payAssignment = z.object({
  id: z.number().int(), planId: z.number().int(), planTitle: z.string(), position: z.string().nullable(), orgUnitId: z.number().int().nullable(),
  orgUnitName: z.string().nullable(), hireType: z.string().nullable(), validFrom: isoDate, validTo: isoDate.nullable(),
});
export type PayAssignment = z.infer<typeof payAssignment>;
export const payAssignmentCreate = z.object({
  planId: z.number().int().positive(), position: z.string().min(1).nullable().default(null), orgUnitId: z.number().int().positive().nullable().default(null),
  hireType: z.string().min(1).nullable().default(null), validFrom: isoDate, validTo: isoDate.nullable().default(null),
});
/** Ends an assignment: its last day (on or after its first). */
export const payAssignmentEnd = z.object({ validTo: isoDate });
/** The plans with their documents (the what-if starts from one), who they apply to, and the presets a plan can start from. */
export const payPlansView = z.object({ plans: z.array(payPlan.extend({ document: z.string() })), assignments: z.array(payAssignment), presets: z.array(z.object({ id: z.string(), title: z.string() })) });

export const PAY_FACT_KINDS = ['booking', 'card', 'sale', 'deposit', 'loan', 'leave', 'deduction', 'target', 'base'] as const;
export type PayFactKind = (typeof PAY_FACT_KINDS)[number];
/** A fact entered in a form or posted through the API; amounts in yuan with at most two decimals. */
export const payFactInput = z.object({
  staffId: z.number().int().positive(), kind: z.enum(PAY_FACT_KINDS), date: isoDate,
  quantity: z.number().int().min(0).default(1),
  amount: z.string().regex(/^-?\d+(\.\d{1,2})?$/).default('0'),
  faceValue: z.string().regex(/^\d+(\.\d{1,2})?$/).default('0'),
  spent: z.string().regex(/^\d+(\.\d{1,2})?$/).default('0'),
  gifted: z.boolean().default(false), subKind: z.string().max(40).default(''),
  customerId: z.number().int().positive().nullable().default(null), ref: z.string().max(120).nullable().default(null), note: z.string().max(500).default(''),
});
export type PayFactInput = z.infer<typeof payFactInput>;
export const payFactsPost = z.object({ facts: z.array(payFactInput).min(1).max(5000) });

export const payImportReport = z.object({
  fileName: z.string(), rows: z.number().int(), imported: z.number().int(),
  /** Rows whose source ref was already loaded. */
  skipped: z.number().int(),
  /** The same file (same SHA-256) was imported before: nothing was added. */
  duplicateFile: z.boolean(), errors: z.array(importRowError), durationMs: z.number().int(),
});
export type PayImportReport = z.infer<typeof payImportReport>;
/** A fact import's progress: waiting for the upload → validating (rows read and checked as the bytes arrive) → writing → done | failed. */
export const PAY_IMPORT_PHASES = ['waiting', 'validating', 'writing', 'done', 'failed'] as const;
export type PayImportPhase = (typeof PAY_IMPORT_PHASES)[number];
export const payImportJob = z.object({
  jobId: z.string(), periodId: z.number().int(), fileName: z.string(), phase: z.enum(PAY_IMPORT_PHASES),
  rows: z.number().int(), bytes: z.number().int(), totalBytes: z.number().int().nullable(), percent: z.number().int(),
  /** Every phase the job went through, in order. */
  phases: z.array(z.enum(PAY_IMPORT_PHASES)),
  report: payImportReport.nullable(), errors: z.array(importRowError), message: localizedText.nullable(),
});
export type PayImportJob = z.infer<typeof payImportJob>;
export const payImportJobCreate = z.object({ fileName: z.string().min(1).max(200), size: z.number().int().min(0).nullable().default(null) });
/** A file of facts as loaded (an import, or one post of the form or API); voided: its facts count no more. */
export const payFactFile = z.object({
  id: z.number().int(), fileName: z.string(), rowCount: z.number().int(), voidedCount: z.number().int(), createdAt: z.string(), createdByName: z.string().nullable(),
  voidedAt: z.string().nullable(), voidReason: z.string().nullable(),
});
export type PayFactFile = z.infer<typeof payFactFile>;
export const payFactFileList = z.object({ items: z.array(payFactFile) });
/** One fact of a period as stored, money in fen; `voided` says when and why it was taken back. */
export const payFact = z.object({
  id: z.number().int(), fileId: z.number().int(), staffId: z.number().int(), staffName: z.string(), kind: z.string(), date: z.string(), quantity: z.number().int(),
  amountFen: z.number().int().nullable(), faceValueFen: z.number().int().nullable(), spentFen: z.number().int().nullable(), gifted: z.boolean().nullable(), subKind: z.string().nullable(),
  sourceRef: z.string().nullable(), voided: z.object({ at: z.string(), reason: z.string() }).nullable(),
});
export type PayFact = z.infer<typeof payFact>;
export const payFactPage = z.object({ items: z.array(payFact), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const payFactQuery = z.object({
  staffId: z.coerce.number().int().positive().optional(), kind: z.string().max(20).optional(), fileId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
/** Taking back a file or a fact: the reason is required and kept with it. */
export const payFactVoid = z.object({ reason: z.string().trim().min(1).max(500) });
/** What a void did: how many facts count no more, and whether a locked period now needs a correction. */
export const payFactVoidResult = z.object({ voidId: z.number().int(), facts: z.number().int(), periodLocked: z.boolean() });

export const payFactSummary = z.object({ items: z.array(z.object({ kind: z.string(), rows: z.number().int(), people: z.number().int(), amountFen: z.number().int() })), files: z.array(z.object({ id: z.number().int(), fileName: z.string(), rowCount: z.number().int(), createdAt: z.string(), voidedAt: z.string().nullable() })) });

export const payRun = z.object({
  id: z.number().int(), periodId: z.number().int(), period: payPeriodCode, seq: z.number().int(), status: z.enum(['draft', 'reviewed', 'approved', 'locked', 'superseded']),
  previousRunId: z.number().int().nullable(), factCount: z.number().int(), headcount: z.number().int(), totalFen: z.number().int(), durationMs: z.number().int(),
  createdAt: z.string(), reviewedAt: z.string().nullable(), approvedAt: z.string().nullable(), lockedAt: z.string().nullable(),
});
export type PayRun = z.infer<typeof payRun>;
export const payRunList = z.object({ items: z.array(payRun) });
export const payRunAction = z.object({ action: z.enum(['review', 'approve', 'lock', 'return']) });

export const paySlipSummary = z.object({
  id: z.number().int(), runId: z.number().int(), period: payPeriodCode, runStatus: z.string(), staffId: z.number().int(), staffName: z.string(), orgUnitName: z.string(),
  totalFen: z.number().int(), payday: isoDate, components: z.record(z.string(), z.number().int()),
});
export type PaySlipSummary = z.infer<typeof paySlipSummary>;
export const paySlipPage = z.object({ items: z.array(paySlipSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), components: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string() })) });
export const paySlipQuery = z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) });

export const factGroup = z.object({ label: localizedText, count: z.number().int(), amountFen: z.number().int().nullable(), reason: localizedText.nullable() });
export const payLineExplain = z.object({
  formula: z.string(), clause: z.string(), clauseText: localizedText.nullable(),
  inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /**
   * The plan's own names for inputs and the formula where they read its facts or measures
   * ("deductions.attendance" → 差勤扣款; "measure.bookingCommission / bookingTarget" → 订房提成（计量） ÷ 订房基数),
   * filled in when the slip is read.
   */
  inputLabels: z.record(z.string(), localizedText).optional(),
  formulaLabel: localizedText.optional(),
  counted: z.array(factGroup), excluded: z.array(factGroup),
  corrects: z.object({ period: z.string(), lineId: z.number().int().nullable(), reason: z.string() }).nullable(),
});
export type PayLineExplain = z.infer<typeof payLineExplain>;
export const payLine = z.object({ id: z.number().int(), seq: z.number().int(), component: z.string(), labelZh: z.string(), labelEn: z.string(), clause: z.string(), amountFen: z.number().int(), explain: payLineExplain });
export type PayLine = z.infer<typeof payLine>;
export const payDispute = z.object({
  id: z.number().int(), lineId: z.number().int(), slipId: z.number().int(), staffId: z.number().int(), staffName: z.string(), period: z.string(), lineLabelZh: z.string(), lineLabelEn: z.string(),
  lineAmountFen: z.number().int(), comment: z.string(), status: z.enum(['open', 'accepted', 'rejected']), answer: z.string().nullable(), answeredAt: z.string().nullable(), createdAt: z.string(),
  adjustment: z.object({ id: z.number().int(), period: z.string(), amountFen: z.number().int() }).nullable(),
});
export type PayDispute = z.infer<typeof payDispute>;
export const payDisputeList = z.object({ items: z.array(payDispute) });
export const payDisputeCreate = z.object({ lineId: z.number().int().positive(), comment: z.string().trim().min(1).max(1000) });
export const payDisputeAnswer = z.object({
  accept: z.boolean(), answer: z.string().trim().min(1).max(1000),
  /** The correction in fen when accepting (may be negative); paid as an adjustment in the next open period. */
  amountFen: z.number().int().nullable().default(null),
});
/**
 * Card sales of a customer shared by several managers, as credited to this person (share null: the rest below 100% kept by the fact's own staff member;
 * keptFor set: the share of that manager, who gets no slip in the period — left, or no pay plan — kept by this person as the seller).
 */
export const paySharedCredit = z.object({
  customerId: z.number().int(), customerName: z.string(), share: z.string().nullable(),
  keptFor: z.object({ staffId: z.number().int(), staffName: z.string(), reason: z.enum(['left', 'no_plan']) }).nullable(),
  cards: z.number().int(), wholeFen: z.number().int(), creditedFen: z.number().int(),
});
export type PaySharedCredit = z.infer<typeof paySharedCredit>;
/** The published evaluation result the plan could read for the period (evaluation.coefficient / evaluation.band). */
export const paySlipEvaluation = z.object({ coefficient: z.string(), band: z.string().nullable(), cycleId: z.number().int(), cycleName: z.string() });
export const paySlip = paySlipSummary.extend({
  planTitle: z.string(), lines: z.array(payLine), disputes: z.array(payDispute),
  credits: z.array(paySharedCredit), evaluation: paySlipEvaluation.nullable(),
});
export type PaySlip = z.infer<typeof paySlip>;

export const slipFact = z.object({ id: z.number().int(), kind: z.string(), date: z.string(), quantity: z.number().int(), amountFen: z.number().int(), faceValueFen: z.number().int(), spentFen: z.number().int(), gifted: z.boolean(), subKind: z.string(), counted: z.boolean(), reason: localizedText.nullable() });
export const slipFactPage = z.object({ items: z.array(slipFact), total: z.number().int() });
export const slipFactQuery = z.object({ kind: z.enum(PAY_FACT_KINDS).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(100) });

export const payPersonDiff = z.object({ staffId: z.number().int(), staffName: z.string(), beforeFen: z.number().int().nullable(), afterFen: z.number().int().nullable(), deltaFen: z.number().int(), components: z.record(z.string(), z.number().int()), change: z.enum(['added', 'removed', 'changed', 'same']) });
export const payDiff = z.object({ beforeLabel: z.string(), afterLabel: z.string(), people: z.array(payPersonDiff), beforeTotalFen: z.number().int(), afterTotalFen: z.number().int(), deltaTotalFen: z.number().int(), changed: z.number().int() });
export type PayDiff = z.infer<typeof payDiff>;
export const payWhatIf = z.object({ periodId: z.number().int().positive(), document: z.string().min(1).max(200_000) });
export const payCorrectionsResult = z.object({ adjustments: z.number().int(), targetPeriod: z.string().nullable(), deltaTotalFen: z.number().int() });
