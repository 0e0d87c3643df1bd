import { z } from 'zod';
import {
  ASSIGNMENT_ROLES, COMPLAINT_CATEGORIES, COMPLAINT_SOURCES, COMPLAINT_STATUSES, CREDIT_RATINGS, CUSTOMER_KINDS, CUSTOMER_SEGMENTS,
  CUSTOMER_STATUSES, REQUEST_KINDS, REQUEST_STATUSES,
} from '@kehu/domain';
import { isoDate, pageOf, pageQuery } from './common.ts';

/** A percentage with at most two decimals, as an exact decimal string ("33.33"). */
export const shareString = z.string().trim().regex(/^\d{1,3}(\.\d{1,2})?$/);
const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().trim().max(max);

/** The economic archive (经济档案) fields the rural-credit rule book lists. Money in fen. */
export const customerArchive = z.object({
  householdSize: z.number().int().min(0).max(99).optional(),
  householdHead: text(50).optional(),
  business: text(200).optional().describe('What the household or business does'),
  annualIncomeFen: fen.optional(),
  assetsFen: fen.optional(),
  liabilitiesFen: fen.optional(),
  creditStanding: text(200).optional(),
  notes: text(1000).optional(),
}).strict();
export type CustomerArchive = z.infer<typeof customerArchive>;

export const customerFields = z.object({
  orgUnitId: z.number().int().positive(),
  territoryId: z.number().int().positive().nullable().default(null),
  customerNo: z.string().trim().min(1, { message: 'required' }).max(40),
  name: z.string().trim().min(1, { message: 'required' }).max(100),
  kind: z.enum(CUSTOMER_KINDS),
  segment: z.enum(CUSTOMER_SEGMENTS),
  idNo: z.string().trim().toUpperCase().min(1, { message: 'required' }).max(30).describe('ID card number or unified social credit code'),
  phone: text(30).default(''),
  address: text(200).default(''),
  loanBalanceFen: fen.default(0),
  depositBalanceFen: fen.default(0),
  problemLoan: z.boolean().default(false),
  bigCustomer: z.boolean().default(false),
  permanent: z.boolean().default(true),
  consumption: fen.default(0).describe('Power supply: consumption (kWh) for the big-customer ranking'),
  visitMonthsOverride: z.number().int().min(1).max(24).nullable().default(null),
  creditRating: z.enum(CREDIT_RATINGS).default('unrated'),
  classification: text(50).default(''),
  archive: customerArchive.default({}),
  status: z.enum(CUSTOMER_STATUSES).default('active'),
});
export const customerCreate = customerFields.strict();
export type CustomerCreate = z.infer<typeof customerCreate>;
export const customerUpdate = customerFields.partial().extend({ version: z.number().int().positive() }).strict();
export type CustomerUpdate = z.infer<typeof customerUpdate>;

export const visitStatus = z.enum(['not_required', 'ok', 'due', 'overdue']);

export const assignment = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  staffId: z.number().int(),
  staffName: z.string(),
  role: z.enum(ASSIGNMENT_ROLES),
  share: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type Assignment = z.infer<typeof assignment>;

export const customer = z.object({
  id: z.number().int(),
  orgUnitId: z.number().int(),
  orgUnitName: z.string(),
  territoryId: z.number().int().nullable(),
  customerNo: z.string(),
  name: z.string(),
  kind: z.enum(CUSTOMER_KINDS),
  segment: z.enum(CUSTOMER_SEGMENTS),
  idNo: z.string().describe('Masked unless the caller owns the customer'),
  phone: z.string().describe('Masked unless the caller owns the customer'),
  address: z.string(),
  loanBalanceFen: z.number().int(),
  depositBalanceFen: z.number().int(),
  problemLoan: z.boolean(),
  bigCustomer: z.boolean(),
  permanent: z.boolean(),
  consumption: z.number().int(),
  visitMonthsOverride: z.number().int().nullable(),
  creditRating: z.enum(CREDIT_RATINGS),
  classification: z.string(),
  archive: z.record(z.string(), z.unknown()),
  status: z.enum(CUSTOMER_STATUSES),
  managers: z.array(assignment).describe('Assignments in force today'),
  lastVisit: z.string().nullable(),
  visitStatus: visitStatus,
  visitDueDate: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof customer>;

export const customerQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional().describe('A customer number (letters then digits, exact), an ID number (6+ digits, prefix) or else a name (prefix)'),
  orgUnitId: z.coerce.number().int().positive().optional(),
  staffId: z.coerce.number().int().positive().optional().describe('Customers of this manager'),
  kind: z.enum(CUSTOMER_KINDS).optional(),
  unassigned: z.enum(['true', 'false']).optional().describe('Only customers nobody manages (claimable)'),
  territoryId: z.coerce.number().int().positive().optional().describe('Customers of this territory (管片)'),
});
export type CustomerQuery = z.infer<typeof customerQuery>;
export const customerPage = pageOf(customer);

export const territory = z.object({ id: z.number().int(), orgUnitId: z.number().int(), orgUnitName: z.string(), code: z.string(), name: z.string(), customers: z.number().int().describe('Active customers in it') });
export const territoryCreate = z.object({ orgUnitId: z.number().int().positive(), code: z.string().trim().min(1, { message: 'required' }).max(30), name: z.string().trim().min(1, { message: 'required' }).max(60) }).strict();
export type TerritoryCreate = z.infer<typeof territoryCreate>;
export const territoryList = z.object({ items: z.array(territory) });
export const territoryUpdate = z.object({ code: z.string().trim().min(1, { message: 'required' }).max(30).optional(), name: z.string().trim().min(1, { message: 'required' }).max(60).optional() }).strict();
export type TerritoryUpdate = z.infer<typeof territoryUpdate>;
/** Puts customers into a territory (each leaves the one it was in). */
export const territoryAssign = z.object({ customerIds: z.array(z.number().int().positive()).min(1).max(1000) }).strict();
/** Takes customers out of a territory (all or none; each must be in it). */
export const territoryRemove = territoryAssign;
/** Deleting a territory: the number of its active customers the caller confirmed (they become unassigned to a territory). */
export const territoryDeleteQuery = z.object({ customers: z.coerce.number().int().min(0).default(0).describe('Active customers the caller saw in the territory; a different count refuses the delete') });

/** A supervisor sets who manages a customer from a date: the new set replaces the one in force. */
export const assignmentSet = z.object({
  effectiveDate: isoDate,
  items: z.array(z.object({ staffId: z.number().int().positive(), role: z.enum(ASSIGNMENT_ROLES), share: shareString }).strict()).max(10),
}).strict();
export type AssignmentSet = z.infer<typeof assignmentSet>;
export const assignmentList = z.object({ items: z.array(assignment) });

export const assignmentRequestCreate = z.object({
  kind: z.enum(['claim', 'transfer']),
  customerId: z.number().int().positive(),
  toStaffId: z.number().int().positive().optional().describe('Transfer: the colleague who takes the customer over'),
  role: z.enum(ASSIGNMENT_ROLES).default('manage'),
  share: shareString.default('100'),
  effectiveDate: isoDate,
  reason: text(500).default(''),
}).strict();
export type AssignmentRequestCreate = z.infer<typeof assignmentRequestCreate>;

export const assignmentRequest = z.object({
  id: z.number().int(),
  kind: z.enum(REQUEST_KINDS),
  customerId: z.number().int(),
  customerName: z.string(),
  fromStaffId: z.number().int().nullable(),
  fromStaffName: z.string().nullable(),
  toStaffId: z.number().int(),
  toStaffName: z.string(),
  role: z.enum(ASSIGNMENT_ROLES),
  share: z.string(),
  effectiveDate: z.string(),
  reason: z.string(),
  status: z.enum(REQUEST_STATUSES),
  requestedByName: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
});
export type AssignmentRequest = z.infer<typeof assignmentRequest>;
export const assignmentRequestQuery = pageQuery.extend({ status: z.enum(REQUEST_STATUSES).optional() });
export const assignmentRequestPage = pageOf(assignmentRequest);
export const requestDecision = z.object({ decision: z.enum(['approve', 'reject']), note: text(500).default('') }).strict();
export type RequestDecision = z.infer<typeof requestDecision>;

/** A manager leaves: their customers move to a successor; problem loans to the supervisor. */
export const handoverCreate = z.object({
  fromStaffId: z.number().int().positive(),
  toStaffId: z.number().int().positive(),
  effectiveDate: isoDate,
}).strict();
export type HandoverCreate = z.infer<typeof handoverCreate>;
export const handoverResult = z.object({ moved: z.number().int(), toSupervisor: z.number().int() });

export const colleague = z.object({ staffId: z.number().int(), name: z.string(), orgUnitName: z.string() });
export const colleagueList = z.object({ items: z.array(colleague) });

export const staffingRow = z.object({
  staffId: z.number().int(), name: z.string(), orgUnitName: z.string(),
  retail: z.number().int(), corporate: z.number().int(), retailExcess: z.number().int(), corporateExcess: z.number().int(), over: z.boolean(),
});
export const staffingReport = z.object({ date: z.string(), maxRetail: z.number().int().nullable().describe('null: the policy sets no limit'), maxCorporate: z.number().int().nullable(), items: z.array(staffingRow) });

// ---- visits ----
export const visitCreate = z.object({
  customerId: z.number().int().positive(),
  visitDate: isoDate,
  purpose: z.string().trim().min(1, { message: 'required' }).max(200),
  findings: text(2000).default(''),
  customerRequests: text(2000).default(''),
  followUp: text(2000).default(''),
  photo: z.string().max(700_000).regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/).nullable().default(null),
}).strict();
export type VisitCreate = z.infer<typeof visitCreate>;
export const visit = z.object({
  id: z.number().int(), customerId: z.number().int(), customerName: z.string(), staffId: z.number().int(), staffName: z.string(),
  visitDate: z.string(), purpose: z.string(), findings: z.string(), customerRequests: z.string(), followUp: z.string(), hasPhoto: z.boolean(), createdAt: z.string(),
});
export type Visit = z.infer<typeof visit>;
export const visitQuery = pageQuery.extend({
  customerId: z.coerce.number().int().positive().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const visitPage = pageOf(visit);

export const dueItem = z.object({
  customerId: z.number().int(), customerName: z.string(), customerNo: z.string(), loanBalanceFen: z.number().int(), bigCustomer: z.boolean(),
  lastVisit: z.string().nullable(), dueDate: z.string(), months: z.number().int(), status: visitStatus, daysOverdue: z.number().int(),
});
export type DueItem = z.infer<typeof dueItem>;

export const complaint = z.object({
  id: z.number().int(), customerId: z.number().int(), customerName: z.string(), staffId: z.number().int(), staffName: z.string(),
  handlerStaffId: z.number().int().nullable(), handlerName: z.string().nullable(),
  source: z.enum(COMPLAINT_SOURCES), category: z.enum(COMPLAINT_CATEGORIES), description: z.string(),
  receivedDate: z.string(), deadline: z.string(), status: z.enum(COMPLAINT_STATUSES), outcome: z.string().nullable(), resolvedDate: z.string().nullable(),
  overdue: z.boolean(),
});
export type Complaint = z.infer<typeof complaint>;

export const todayView = z.object({
  date: z.string(),
  staffId: z.number().int().nullable(),
  customers: z.number().int(),
  overdue: z.array(dueItem),
  due: z.array(dueItem),
  newComplaints: z.array(complaint),
  compliance: z.object({ required: z.number().int(), overdue: z.number().int(), rate: z.string().nullable() }),
});
export type TodayView = z.infer<typeof todayView>;

export const complianceQuery = z.object({ date: isoDate.optional(), orgUnitId: z.coerce.number().int().positive().optional() });
const complianceFigures = { customers: z.number().int(), required: z.number().int(), overdue: z.number().int(), rate: z.string().nullable().describe('Not overdue ÷ required, 4 decimals') };
export const complianceReport = z.object({
  date: z.string(),
  managers: z.array(z.object({ staffId: z.number().int(), name: z.string(), orgUnitId: z.number().int(), orgUnitName: z.string(), ...complianceFigures })),
  units: z.array(z.object({ orgUnitId: z.number().int(), orgUnitName: z.string(), ...complianceFigures })),
});
export type ComplianceReport = z.infer<typeof complianceReport>;

// ---- complaints ----
export const complaintCreate = z.object({
  customerId: z.number().int().positive(),
  source: z.enum(COMPLAINT_SOURCES),
  category: z.enum(COMPLAINT_CATEGORIES),
  description: z.string().trim().min(1, { message: 'required' }).max(2000),
  receivedDate: isoDate,
  deadline: isoDate.optional().describe('Defaults to 15 days after receipt'),
  handlerStaffId: z.number().int().positive().nullable().default(null),
}).strict();
export type ComplaintCreate = z.infer<typeof complaintCreate>;
export const complaintUpdate = z.object({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  outcome: text(2000).nullable().optional(),
  resolvedDate: isoDate.nullable().optional(),
  handlerStaffId: z.number().int().positive().nullable().optional(),
  deadline: isoDate.optional(),
}).strict();
export type ComplaintUpdate = z.infer<typeof complaintUpdate>;
export const complaintQuery = pageQuery.extend({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  customerId: z.coerce.number().int().positive().optional(),
  from: isoDate.optional(), to: isoDate.optional(),
});
export const complaintPage = pageOf(complaint);
export const periodQuery = z.object({ from: isoDate, to: isoDate });
export const complaintStats = z.object({
  from: z.string(), to: z.string(),
  items: z.array(z.object({ staffId: z.number().int(), name: z.string(), total: z.number().int(), resolved: z.number().int(), open: z.number().int(), overdue: z.number().int() })),
});

// ---- surveys ----
export const surveyQuestion = z.object({ key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,29}$/), text: z.string().trim().min(1, { message: 'required' }).max(200) }).strict();
export const surveyCreate = z.object({
  title: z.string().trim().min(1, { message: 'required' }).max(100),
  intro: text(500).default(''),
  questions: z.array(surveyQuestion).min(1).max(20),
  validDays: z.number().int().min(1).max(365).default(30),
}).strict();
export type SurveyCreate = z.infer<typeof surveyCreate>;
export const survey = z.object({
  id: z.number().int(), title: z.string(), intro: z.string(), questions: z.array(z.object({ key: z.string(), text: z.string() })),
  validDays: z.number().int(), active: z.boolean(), links: z.number().int(), answered: z.number().int(), createdAt: z.string(),
});
export type Survey = z.infer<typeof survey>;
export const surveyList = z.object({ items: z.array(survey) });
export const surveyLinkCreate = z.object({ customerId: z.number().int().positive() }).strict();
export const surveyLinkIssued = z.object({
  id: z.number().int(), surveyId: z.number().int(), customerId: z.number().int(), staffId: z.number().int(),
  token: z.string().describe('Shown once: only its hash is stored'), path: z.string().describe('The public page, /s/<token>'), expiresAt: z.string(),
});
export type SurveyLinkIssued = z.infer<typeof surveyLinkIssued>;

export const tokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });
/** What the public page shows: the questionnaire and nothing else (no customer, no manager). */
export const publicSurvey = z.object({
  title: z.string(), intro: z.string(), questions: z.array(z.object({ key: z.string(), text: z.string() })),
  expiresAt: z.string(), answered: z.boolean(),
});
export type PublicSurvey = z.infer<typeof publicSurvey>;
export const publicSurveyAnswer = z.object({
  answers: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,29}$/), z.number().int().min(1).max(5)),
  comment: text(1000).default(''),
}).strict();
export type PublicSurveyAnswer = z.infer<typeof publicSurveyAnswer>;

export const ratingQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const ratingReport = z.object({
  items: z.array(z.object({ staffId: z.number().int(), name: z.string(), issued: z.number().int(), answered: z.number().int(), rating: z.string().nullable().describe('Mean score 1.00–5.00') })),
});
export type RatingReport = z.infer<typeof ratingReport>;

export const retentionQuery = z.object({ firstFrom: isoDate, firstTo: isoDate, secondFrom: isoDate, secondTo: isoDate });
export const retentionReport = z.object({
  items: z.array(z.object({ staffId: z.number().int(), name: z.string(), base: z.number().int(), kept: z.number().int(), rate: z.string().nullable() })),
});

/** Big-customer selection (供电局: top N permanent customers by consumption) over the caller's scope. */
export const bigCustomerReport = z.object({
  topN: z.number().int().nullable().describe('null: the portfolio policy selects no big customers'),
  tiedAtCut: z.boolean().describe('The first customer left out consumed as much as the last one in: the policy must decide'),
  items: z.array(z.object({ customerId: z.number().int(), customerNo: z.string(), name: z.string(), consumption: z.number().int(), rank: z.number().int(), flagged: z.boolean() })),
  toFlag: z.array(z.number().int()).describe('Selected but not yet marked as big customers'),
  toUnflag: z.array(z.number().int()).describe('Marked as big customers but no longer selected'),
});
export type BigCustomerReport = z.infer<typeof bigCustomerReport>;

// ---- market-research reports ----
export const halfYear = z.string().regex(/^\d{4}-H[12]$/).describe('A half-year, e.g. 2026-H2');
export const researchReport = z.object({
  id: z.number().int(), staffId: z.number().int(), staffName: z.string(), period: z.string(), title: z.string(), content: z.string(),
  status: z.enum(['submitted', 'accepted', 'returned']), submittedAt: z.string(), reviewerName: z.string().nullable(), reviewNote: z.string().nullable(), reviewedAt: z.string().nullable(),
});
export type ResearchReport = z.infer<typeof researchReport>;
export const researchReportCreate = z.object({
  period: halfYear,
  title: z.string().trim().min(1, { message: 'required' }).max(100),
  content: z.string().trim().min(1, { message: 'required' }).max(20_000),
}).strict();
export type ResearchReportCreate = z.infer<typeof researchReportCreate>;
export const researchReview = z.object({ decision: z.enum(['accept', 'return']), note: text(1000).default('') }).strict();
export type ResearchReview = z.infer<typeof researchReview>;
export const researchOverview = z.object({
  period: z.string(),
  items: z.array(z.object({
    staffId: z.number().int(), name: z.string(), orgUnitName: z.string(),
    status: z.enum(['missing', 'submitted', 'accepted', 'returned']), overdue: z.boolean(), report: researchReport.nullable(),
  })),
});
export type ResearchOverview = z.infer<typeof researchOverview>;
