// Credit ledger (issue 7): loans, limitation register, demand notices, deadlines, figures.
import { z } from 'zod';
import { CLAIM_EVENT_KINDS, GUARANTEE_ACTION_KINDS, LOAN_CLASSES } from '@kehu/domain';
import { isoDate } from './common.ts';

export const loanClass = z.enum(LOAN_CLASSES);
export const claimEventKind = z.enum(CLAIM_EVENT_KINDS);
export const guaranteeActionKind = z.enum(GUARANTEE_ACTION_KINDS);

export const loanQuery = z.object({
  loanClass: loanClass.optional(),
  npl: z.enum(['true', 'false']).optional(),
  managerStaffId: z.coerce.number().int().positive().optional(),
});

export const loanListItem = z.object({
  id: z.number().int(),
  loanNo: z.string(),
  customerId: z.number().int(),
  customerName: z.string(),
  orgUnitName: z.string(),
  managerStaffId: z.number().int(),
  managerName: z.string(),
  recommenderName: z.string(),
  product: z.string(),
  amountFen: z.number().int(),
  balanceFen: z.number().int(),
  annualRate: z.string(),
  startDate: z.string(),
  maturityDate: z.string(),
  guaranteeType: z.string(),
  loanClass,
  village: z.string(),
  limitationStatus: z.string(),
  limitationExpiry: z.string().nullable(),
});
export const loanList = z.object({ items: z.array(loanListItem) });

const trace = z.array(z.object({ date: z.string(), kind: z.string(), counted: z.boolean(), code: z.string(), reason: z.string(), zh: z.string(), eventId: z.string().optional(), expiryAfter: z.string().nullable().optional() }));

export const limitationView = z.object({
  start: z.string(), status: z.string(), expiry: z.string().nullable(), cap: z.string(), defenceWaived: z.boolean(), daysLeft: z.number().int().nullable(), trace,
});
export const guaranteeView = z.object({
  guarantorId: z.number().int(), name: z.string(), kind: z.string(), agreedEnd: z.string().nullable(), problem: z.string().nullable(),
  deadline: z.string(), status: z.string(), type: z.string(), daysLeft: z.number().int(), trace,
  actions: z.array(z.object({ id: z.number().int(), kind: z.string(), date: z.string(), evidence: z.string() })),
});

export const claimEvent = z.object({
  id: z.number().int(), kind: claimEventKind, eventDate: z.string(), debtorName: z.string().nullable(), proceedingsEndedOn: z.string().nullable(), endedOn: z.string().nullable(), evidence: z.string(),
});
export const claimEventCreate = z.object({
  kind: claimEventKind, eventDate: isoDate, debtorName: z.string().trim().max(100).nullable().optional(),
  proceedingsEndedOn: isoDate.nullable().optional(), endedOn: isoDate.nullable().optional(), evidence: z.string().trim().max(500).default(''),
});
export const guaranteeActionCreate = z.object({ kind: guaranteeActionKind, actionDate: isoDate, evidence: z.string().trim().max(500).default('') });

export const demandNotice = z.object({
  id: z.number().int(), noticeNo: z.string(), loanId: z.number().int(), issuedOn: z.string(), principalFen: z.number().int(), interestFen: z.number().int(),
  signedOn: z.string().nullable(), signedBy: z.string().nullable(), claimEventId: z.number().int().nullable(),
  // What the printed notice shows.
  borrowerName: z.string(), borrowerAddress: z.string(), loanNo: z.string(), amountFen: z.number().int(), startDate: z.string(), maturityDate: z.string(),
  orgUnitName: z.string(), tenantName: z.string(), guarantors: z.array(z.string()),
});
export const demandNoticeCreate = z.object({ issuedOn: isoDate.optional() });
export const demandNoticeSign = z.object({ signedOn: isoDate, signedBy: z.string().trim().min(1, { message: 'required' }).max(100) });

export const nplAction = z.object({ id: z.number().int(), actionDate: z.string(), action: z.string(), evidence: z.string(), recoveredFen: z.number().int() });
export const nplPlan = z.object({
  id: z.number().int(), loanId: z.number().int(), method: z.enum(['cash', 'restructure', 'foreclosure', 'suit']), targetFen: z.number().int(), targetDate: z.string(), status: z.string(), notes: z.string(),
  recoveredFen: z.number().int(), actions: z.array(nplAction),
});
export const nplPlanUpsert = z.object({ method: z.enum(['cash', 'restructure', 'foreclosure', 'suit']), targetFen: z.number().int().min(0), targetDate: isoDate, notes: z.string().trim().max(1000).default('') });
export const nplActionCreate = z.object({ actionDate: isoDate, action: z.string().trim().min(1, { message: 'required' }).max(500), evidence: z.string().trim().max(500).default(''), recoveredFen: z.number().int().min(0).default(0) });

export const loanDetail = loanListItem.extend({
  customerAddress: z.string(),
  collateral: z.string(),
  coDebtors: z.array(z.string()),
  instalments: z.array(z.object({ seq: z.number().int(), dueDate: z.string(), principalFen: z.number().int(), interestFen: z.number().int(), paidPrincipalFen: z.number().int(), paidInterestFen: z.number().int() })),
  classHistory: z.array(z.object({ changedOn: z.string(), fromClass: z.string().nullable(), toClass: z.string(), reason: z.string() })),
  warnings: z.array(z.object({ kind: z.string(), severity: z.string(), since: z.string(), detail: z.string(), zh: z.string() })),
  limitation: limitationView,
  claimEvents: z.array(claimEvent),
  guarantees: z.array(guaranteeView),
  notices: z.array(demandNotice),
  nplPlan: nplPlan.nullable(),
});

export const deadlineAlert = z.object({
  key: z.string(), kind: z.enum(['limitation', 'guarantee', 'disposal']), date: z.string(), stage: z.number().int(), daysLeft: z.number().int(), alertKey: z.string(),
  loanId: z.number().int(), loanNo: z.string(), customerName: z.string(), managerName: z.string(), subject: z.string(), subjectEn: z.string(),
});
export const deadlineList = z.object({ today: z.string(), items: z.array(deadlineAlert), calendar: z.array(z.object({ date: z.string(), kind: z.string(), loanId: z.number().int(), loanNo: z.string(), subject: z.string(), subjectEn: z.string() })) });

const rate = z.string().nullable();
export const creditFigureRow = z.object({
  key: z.string(), name: z.string(), loanCount: z.number().int(), balanceFen: z.number().int(), nplFen: z.number().int(), nplRatio: rate,
  interestDueFen: z.number().int(), interestCollectedFen: z.number().int(), interestRate: rate,
  dueThisYearFen: z.number().int(), recoveredThisYearFen: z.number().int(), recoveryThisYear: rate,
  dueEarlierFen: z.number().int(), recoveredEarlierFen: z.number().int(), recoveryEarlier: rate,
  newNplFen: z.number().int(), nplRecoveredFen: z.number().int(),
});
export const creditFigures = z.object({
  year: z.number().int(), byManager: z.array(creditFigureRow), byUnit: z.array(creditFigureRow), total: creditFigureRow,
  nplTrend: z.array(z.object({ month: z.string(), nplRatio: rate, nplFen: z.number().int(), balanceFen: z.number().int() })),
});
export const creditFiguresQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const warningList = z.object({ items: z.array(z.object({ loanId: z.number().int(), loanNo: z.string(), customerName: z.string(), managerName: z.string(), kind: z.string(), severity: z.string(), since: z.string(), detail: z.string(), zh: z.string() })) });

/** Loan import (file or form): the report names every bad row by row, column and reason. */
export const loanImportReport = z.object({
  ok: z.boolean(), fileName: z.string(), rows: z.number().int(), imported: z.number().int(), skipped: z.number().int(),
  errors: z.array(z.object({ sheet: z.string().optional(), row: z.number().int(), column: z.string(), message: z.object({ 'zh-CN': z.string(), en: z.string() }) })),
  /** Guarantors and instalments added (sheets 保证人 / 还款计划 or a CSV of that kind); already on file are skipped. */
  guarantors: z.object({ rows: z.number().int(), imported: z.number().int() }).optional(),
  instalments: z.object({ rows: z.number().int(), imported: z.number().int() }).optional(),
});
const cell = (max = 100) => z.string().trim().max(max).optional();
/** One loan typed in a form: the same text a file row carries (amounts in yuan, dates YYYY-MM-DD), checked by the same rules. */
export const loanCreate = z.object({
  loanNo: z.string().trim().min(1, { message: 'required' }).max(64), customerNo: cell(), idNo: cell(), product: z.string().trim().min(1, { message: 'required' }), amount: z.string().trim().min(1, { message: 'required' }).max(20),
  balance: cell(20), annualRate: z.string().trim().min(1, { message: 'required' }).max(12), startDate: z.string().trim().min(1, { message: 'required' }), maturityDate: z.string().trim().min(1, { message: 'required' }),
  guaranteeType: z.string().trim().min(1, { message: 'required' }), collateral: cell(500), loanClass: cell(), managerStaffId: z.string().trim().min(1, { message: 'required' }).max(12),
  recommenderStaffId: cell(12), village: cell(),
});

/** High-risk ledger (高风险台账): violations, related guarantees, concentrated loans, with the actions taken. */
export const RISK_ITEM_KINDS = ['violation', 'related_guarantee', 'concentration', 'other'] as const;
export const riskItem = z.object({
  id: z.number().int(), loanId: z.number().int().nullable(), loanNo: z.string().nullable(), customerName: z.string(), orgUnitName: z.string(), managerName: z.string().nullable(),
  kind: z.enum(RISK_ITEM_KINDS), description: z.string(), openedOn: z.string(), closedOn: z.string().nullable(), closedNote: z.string().nullable(), balanceFen: z.number().int().nullable(),
  actions: z.array(z.object({ id: z.number().int(), actionDate: z.string(), action: z.string(), staffName: z.string().nullable() })),
});
export const riskItemList = z.object({ items: z.array(riskItem) });
export const riskItemQuery = z.object({ status: z.enum(['open', 'closed', 'all']).default('all') });
export const riskItemCreate = z.object({
  loanId: z.number().int().positive(), kind: z.enum(RISK_ITEM_KINDS), description: z.string().trim().min(1, { message: 'required' }).max(1000), openedOn: isoDate.optional(),
});
export const riskActionCreate = z.object({ actionDate: isoDate, action: z.string().trim().min(1, { message: 'required' }).max(1000) });
export const riskItemClose = z.object({ note: z.string().trim().min(1, { message: 'required' }).max(1000) });
export type RiskItem = z.infer<typeof riskItem>;
export type RiskItemCreate = z.infer<typeof riskItemCreate>;
export type RiskActionCreate = z.infer<typeof riskActionCreate>;

/** Credit households (信用户). */
export const household = z.object({
  id: z.number().int(), customerNo: z.string(), customerName: z.string(), orgUnitName: z.string(), villageName: z.string().nullable(), status: z.string(), grade: z.string().nullable(), score: z.number().int().nullable(),
  creditLineFen: z.number().int(), ratedOn: z.string(), checks: z.array(z.object({ code: z.string(), passed: z.boolean(), actual: z.string().nullable(), bound: z.string(), zh: z.string() })),
  removedOn: z.string().nullable(), removalReason: z.string().nullable(), recheckDue: z.boolean(),
});
export const householdList = z.object({
  items: z.array(household), grades: z.array(z.object({ grade: z.string(), zh: z.string(), en: z.string(), minScore: z.number().int(), creditLineFen: z.number().int() })),
});
export const householdRate = z.object({ customerNo: z.string().trim().min(1, { message: 'required' }).max(40), score: z.number().int().min(0).max(100), villageId: z.number().int().positive().optional() });
export const householdRemove = z.object({ reason: z.string().trim().min(1, { message: 'required' }).max(500) });
export type Household = z.infer<typeof household>;
export type HouseholdRate = z.infer<typeof householdRate>;
export type HouseholdList = z.infer<typeof householdList>;

export type LoanImportReport = z.infer<typeof loanImportReport>;
export type LoanCreate = z.infer<typeof loanCreate>;
export type LoanListItem = z.infer<typeof loanListItem>;
export type LoanDetail = z.infer<typeof loanDetail>;
export type LoanQuery = z.infer<typeof loanQuery>;
export type ClaimEventCreate = z.infer<typeof claimEventCreate>;
export type GuaranteeActionCreate = z.infer<typeof guaranteeActionCreate>;
export type DemandNotice = z.infer<typeof demandNotice>;
export type DemandNoticeSign = z.infer<typeof demandNoticeSign>;
export type NplPlan = z.infer<typeof nplPlan>;
export type NplPlanUpsert = z.infer<typeof nplPlanUpsert>;
export type NplActionCreate = z.infer<typeof nplActionCreate>;
export type DeadlineList = z.infer<typeof deadlineList>;
export type CreditFigures = z.infer<typeof creditFigures>;
export type CreditFigureRow = z.infer<typeof creditFigureRow>;
export type WarningList = z.infer<typeof warningList>;
