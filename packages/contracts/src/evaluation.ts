import { z } from 'zod';
import { isoDate } from './common.ts';

/** Evaluation cycles, results, 360 ratings, appeals, conduct, grades, competitions (issue 5). */
const reason = z.string().trim().min(1, { message: 'required' }).max(500);
const localized = z.object({ zh: z.string(), en: z.string() });

export const evalCycleCreate = z.object({
  name: z.string().trim().min(1, { message: 'required' }).max(100),
  periodKind: z.enum(['month', 'quarter', 'half_year', 'year']),
  startsOn: isoDate, endsOn: isoDate,
  scorecardId: z.string().min(1),
  orgUnitId: z.number().int().positive().optional(),
  positions: z.array(z.string()).default(['customer_manager', 'seat_operator', 'big_customer_manager']),
}).strict();
export type EvalCycleCreate = z.infer<typeof evalCycleCreate>;

export const band = z.object({ grade: z.string(), label: localized, min: z.number().nullable(), quotaPercent: z.number().nullable(), coefficient: z.number() });
export const bandCount = z.object({ grade: z.string(), count: z.number().int(), allowed: z.number().int().nullable(), over: z.boolean() });

export const evalCycle = z.object({
  id: z.number().int(), name: z.string(), periodKind: z.string(), startsOn: z.string(), endsOn: z.string(),
  scorecardId: z.string(), status: z.string(), people: z.number().int(), counts: z.record(z.string(), z.number().int()),
});
export type EvalCycle = z.infer<typeof evalCycle>;
export const evalCycleList = z.object({ items: z.array(evalCycle) });

export const progressRow = z.object({
  resultId: z.number().int(), staffId: z.number().int(), name: z.string(), orgUnitName: z.string(), status: z.string(),
  drafter: z.string().nullable(), total: z.string().nullable(), band: z.string().nullable(), calibratedBand: z.string().nullable(),
  raters: z.object({ submitted: z.number().int(), total: z.number().int() }),
  /** Who has not yet rated this person (HR's progress board; never their answers). */
  pendingRaters: z.array(z.string()),
});
export const evalCycleDetail = evalCycle.extend({
  bands: z.array(band), distribution: z.array(bandCount), rows: z.array(progressRow),
  items: z.array(z.object({ id: z.string(), label: localized, source: z.string(), weight: z.number(), group: z.string() })),
});
export type EvalCycleDetail = z.infer<typeof evalCycleDetail>;

/** One scorecard item as the policy engine scored it: its inputs with their sources, the formula, the trace line. */
export const scoreLine = z.object({
  id: z.string(), label: localized, clause: z.string(), group: z.string().nullable(), source: z.string(), weight: z.number(),
  inputs: z.array(z.object({ key: z.string(), label: localized, value: z.string(), source: z.string() })),
  formula: z.string(), completion: z.string(), applied: z.string(), points: z.string(), trace: z.string(),
});
export const roleSummary = z.object({
  role: z.string(), respondents: z.number().int(), minRespondents: z.number().int(), counted: z.boolean(), averages: z.record(z.string(), z.number()),
  /** Customers: the survey the answers came from. */
  source: z.string().nullable(),
});
/** What a scorecard needs and how each value arrives: read by Kehu, entered, from the raters, the survey or conduct records. */
export const scorecardInput = z.object({ key: z.string(), label: localized, type: z.string(), unit: z.string().nullable(), fill: z.enum(['figure', 'entered', '360', 'survey', 'conduct']), items: z.array(z.string()) });
export const evalResult = z.object({
  id: z.number().int(), cycleId: z.number().int(), cycleName: z.string(), staffId: z.number().int(), name: z.string(), status: z.string(),
  drafter: z.string().nullable(), total: z.string().nullable(), band: z.string().nullable(), bandLabel: localized.nullable(), coefficient: z.string().nullable(),
  calibratedBand: z.string().nullable(), calibrationReason: z.string().nullable(), reviewComment: z.string().nullable(),
  publishedOn: z.string().nullable(), appealDeadline: z.string().nullable(), acknowledgedAt: z.string().nullable(),
  lines: z.array(scoreLine), conductPoints: z.string().nullable(), vetoed: z.boolean(), trace: z.array(z.string()),
  policy: z.object({ id: z.string(), version: z.number().int() }),
  raters: z.array(roleSummary),
  /** Auto-filled figures by fact name and where they came from, before the evaluator enters the rest. */
  figures: z.record(z.string(), z.object({ value: z.number(), source: z.string() })),
  /** Figures Kehu could not read for this reader (and why): the evaluator enters them. */
  unavailable: z.record(z.string(), z.string()),
  inputs: z.array(scorecardInput),
  entered: z.record(z.string(), z.object({ value: z.number(), comment: z.string(), evidence: z.string() })),
  appeal: z.object({ id: z.number().int(), reason: z.string(), status: z.string(), answer: z.string().nullable(), bandBefore: z.string().nullable(), bandAfter: z.string().nullable() }).nullable(),
  items: z.array(z.object({ id: z.string(), label: localized, source: z.string(), weight: z.number(), clause: z.string() })),
});
export type EvalResult = z.infer<typeof evalResult>;
export const evalResultList = z.object({ items: z.array(evalResult) });

export const evalDraft = z.object({
  /** By input key: facts by name (rates in %, yes/no as 1/0), manual item scores as `score.<item>` 0–100. */
  entered: z.record(z.string(), z.object({ value: z.number().min(-1_000_000_000).max(1_000_000_000), comment: z.string().max(500).default(''), evidence: z.string().max(500).default('') })).default({}),
  superiorScores: z.record(z.string(), z.number().min(0).max(100)).optional(),
}).strict();
export type EvalDraft = z.infer<typeof evalDraft>;
export const evalReview = z.object({ comment: z.string().max(500).default('') }).strict();
export const evalCalibrate = z.object({ changes: z.array(z.object({ resultId: z.number().int(), band: z.string(), reason })).default([]) }).strict();
export type EvalCalibrate = z.infer<typeof evalCalibrate>;
export const evalAppealCreate = z.object({ reason }).strict();
export const evalAppealAnswer = z.object({ accept: z.boolean(), band: z.string().optional(), answer: reason }).strict();
export type EvalAppealAnswer = z.infer<typeof evalAppealAnswer>;
export const evalAppeal = z.object({
  id: z.number().int(), resultId: z.number().int(), staffId: z.number().int(), name: z.string(), cycleName: z.string(), reason: z.string(), status: z.string(),
  band: z.string().nullable(), answer: z.string().nullable(), createdAt: z.string(), mayAnswer: z.boolean(),
});
export const evalAppealList = z.object({ items: z.array(evalAppeal) });

export const ratingTask = z.object({
  id: z.number().int(), resultId: z.number().int(), cycleName: z.string(), subject: z.string(), raterRole: z.string(), submitted: z.boolean(),
  items: z.array(z.object({ id: z.string(), label: localized })),
});
export const evalTasks = z.object({
  ratings: z.array(ratingTask),
  drafts: z.array(z.object({ resultId: z.number().int(), cycleName: z.string(), subject: z.string(), status: z.string() })),
});
export type EvalTasks = z.infer<typeof evalTasks>;
export const ratingSubmit = z.object({ scores: z.record(z.string(), z.number().min(0).max(100)), comment: z.string().max(500).default('') }).strict();
export const scorecardList = z.object({ items: z.array(z.object({ id: z.string(), title: localized, cycle: z.string(), items: z.number().int(), engine: z.boolean() })) });

// ---- conduct ----
export const conductCreate = z.object({
  staffId: z.number().int().positive(), occurredOn: isoDate, kind: z.enum(['reward', 'penalty']), clause: z.string().trim().min(1, { message: 'required' }).max(200),
  points: z.number().min(-100).max(100), amountFen: z.number().int().default(0), veto: z.boolean().default(false), note: z.string().max(500).default(''),
}).strict();
export type ConductCreate = z.infer<typeof conductCreate>;
export const conductRecord = z.object({ id: z.number().int(), staffId: z.number().int(), name: z.string(), occurredOn: z.string(), kind: z.string(), clause: z.string(), points: z.string(), amountFen: z.number().int(), veto: z.boolean(), note: z.string() });
export const conductList = z.object({ items: z.array(conductRecord) });
export const conductQuery = z.object({ staffId: z.coerce.number().int().positive().optional() });

// ---- grades ----
export const gradeHistoryEntry = z.object({ id: z.number().int(), ladderId: z.string(), fromGrade: z.string().nullable(), fromLabel: localized.nullable(), toGrade: z.string(), toLabel: localized.nullable(), effectiveOn: z.string(), reason: z.string(), approvedBy: z.string().nullable() });
export const gradeView = z.object({
  staffId: z.number().int(), name: z.string(), ladderId: z.string().nullable(), held: z.string().nullable(), heldLabel: localized.nullable(),
  applies: z.string().nullable(), appliesLabel: localized.nullable(), reasons: z.array(localized), latestBand: z.string().nullable(),
  qualifiedLevels: z.array(z.string()), history: z.array(gradeHistoryEntry),
  qualifications: z.array(z.object({ id: z.number().int(), kind: z.string(), name: z.string(), level: z.string().nullable(), score: z.string().nullable(), passed: z.boolean(), takenOn: z.string() })),
});
export type GradeView = z.infer<typeof gradeView>;
export const gradeSet = z.object({ ladderId: z.string(), grade: z.string(), effectiveOn: isoDate, reason }).strict();
export const gradeProposal = z.object({
  id: z.number().int(), cycleId: z.number().int(), cycleName: z.string(), staffId: z.number().int(), name: z.string(), ladderId: z.string(),
  fromGrade: z.string(), proposedGrade: z.string(), basis: z.string(), status: z.string(), decidedGrade: z.string().nullable(), decisionReason: z.string().nullable(),
  /** The ladder's grades from the lowest, with their names: the page shows names, never codes, and offers them when HR changes a proposal. */
  grades: z.array(z.object({ code: z.string(), label: localized })),
});
export const gradeProposalList = z.object({ items: z.array(gradeProposal) });
export const gradeDecision = z.object({ grade: z.string(), reason }).strict();
export const qualificationCreate = z.object({
  staffId: z.number().int().positive(), kind: z.enum(['exam', 'certificate', 'qualification']), name: z.string().trim().min(1, { message: 'required' }).max(100),
  level: z.string().max(50).nullable().default(null), score: z.number().min(0).max(1000).nullable().default(null), passed: z.boolean(), takenOn: isoDate,
}).strict();
export type QualificationCreate = z.infer<typeof qualificationCreate>;

// ---- competitions ----
export const competitionCreate = z.object({
  title: z.string().trim().min(1, { message: 'required' }).max(100), ladderId: z.string(), grade: z.string(), heldOn: isoDate,
  rules: z.object({
    maxAge: z.object({ male: z.number().int(), female: z.number().int() }).nullable().default(null),
    minEducation: z.string().nullable().default(null), minExamScore: z.number().nullable().default(null), depositRouteYuan: z.number().nullable().default(null),
  }).strict(),
  probationMonths: z.number().int().min(0).max(24).default(3),
}).strict();
export type CompetitionCreate = z.infer<typeof competitionCreate>;
export const applicant = z.object({
  id: z.number().int(), staffId: z.number().int(), name: z.string(), examScore: z.string().nullable(), characterReview: z.string().nullable(),
  eligible: z.boolean().nullable(), route: z.string().nullable(), reasons: z.array(localized), status: z.string(), probationEndsOn: z.string().nullable(),
});
export const competition = z.object({
  id: z.number().int(), title: z.string(), ladderId: z.string(), grade: z.string(), gradeLabel: localized.nullable(), heldOn: z.string(), status: z.string(), probationMonths: z.number().int(),
  rules: competitionCreate.shape.rules, applicants: z.array(applicant),
});
export type Competition = z.infer<typeof competition>;
export const competitionList = z.object({ items: z.array(competition) });
export const applicantCreate = z.object({
  staffId: z.number().int().positive(), examScore: z.number().min(0).max(1000).nullable().default(null),
  characterReview: z.enum(['pass', 'fail']).nullable().default(null), avgDailyDepositsYuan: z.number().min(0).nullable().default(null),
}).strict();
export type ApplicantCreate = z.infer<typeof applicantCreate>;
export const applicantAction = z.object({ action: z.enum(['appoint', 'confirm', 'refuse']), reason: z.string().max(500).default('') }).strict();
