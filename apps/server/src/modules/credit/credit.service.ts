import {
  averageDailyBalance, becomesNpl, computeGuaranteePeriod, computeLimitation, dueAlerts, dueLoanRecovery, interestCollectionRate, isNonPerforming, LARGE_LOAN_FEN, loanWarnings, ratio,
  type ClaimInput, type DaySum, type GuaranteeResult, type LimitationResult, type LoanClass, type GuaranteeType, type ClaimEventKind, type GuaranteeActionKind, type DataScope,
} from '@kehu/domain';
import type {
  ClaimEventCreate, CreditFigureRow, CreditFigures, DeadlineList, DemandNotice, DemandNoticeSign, GuaranteeActionCreate, LoanDetail, LoanListItem, LoanQuery, NplActionCreate, NplPlan, NplPlanUpsert, WarningList,
} from '@kehu/contracts';
import type { Db, Executor } from '@kehu/db';
import dayjs from 'dayjs';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { businessDate } from '@kehu/domain/business-date';
import { auditService } from '../audit/audit.service.ts';
import { customerReads } from '../customers/customer-reads.service.ts';
import { creditRepository as repo, liveGuarantorSet, liveLoanSet, tenantLoanSet, type ClaimEventRow, type GuarantorRow, type LoanJoined, type LoanScope, type NoticeRow } from './credit.repository.ts';

type AssetRow = Awaited<ReturnType<typeof repo.assets>>[number];
export interface AssetCreate { description: string; receivedOn: string; valuationFen: number; custody: string; disposalDeadline: string }
const assetDto = (a: AssetRow, l: LoanJoined) => ({
  id: a.id, loanId: a.loanId, loanNo: l.loan.loanNo, customerName: l.customerName, description: a.description, receivedOn: a.receivedOn, valuationFen: a.valuationFen, custody: a.custody,
  disposalDeadline: a.disposalDeadline, disposedOn: a.disposedOn, proceedsFen: a.proceedsFen,
});

const conflict = (zh: string, en: string) => new AppError('conflict', { message: { 'zh-CN': zh, en } });

function loanScope(actor: Actor, scope: DataScope): LoanScope {
  if (scope === 'own') return { staffId: actor.staffId ?? -1 };
  if (scope === 'subtree') return { unitPath: actor.orgPath ?? '/none/' };
  return {};
}

type Instalment = Awaited<ReturnType<typeof repo.instalments>>[number];
type GAction = Awaited<ReturnType<typeof repo.guaranteeActions>>[number];
type ClassHistoryRow = Awaited<ReturnType<typeof repo.classHistory>>[number];

/** The limitation claim of a loan: from its instalments (or maturity), its borrower and co-debtors, and the register. */
function claimOf(l: LoanJoined, inst: Instalment[], events: ClaimEventRow[]): ClaimInput {
  return {
    dueDate: l.loan.maturityDate,
    instalmentDueDates: inst.length ? inst.map((i) => i.dueDate) : undefined,
    debtorIds: [l.customerName, ...l.loan.coDebtors],
    events: events.map((e) => ({
      id: String(e.id), kind: e.kind as ClaimEventKind, date: e.eventDate, debtorId: e.debtorName ?? undefined, proceedingsEndedOn: e.proceedingsEndedOn, endedOn: e.endedOn, evidence: e.evidence,
    })),
  };
}

function guaranteeOf(l: LoanJoined, g: GuarantorRow, actions: GAction[], today: string): GuaranteeResult {
  return computeGuaranteePeriod({
    guarantorId: String(g.id), type: g.guaranteeKind as GuaranteeType, mainDueDate: l.loan.maturityDate, agreedEnd: g.agreedEnd, agreedUnclear: g.agreedUnclear,
    actions: actions.map((a) => ({ id: String(a.id), kind: a.kind as GuaranteeActionKind, date: a.actionDate, evidence: a.evidence })),
  }, today);
}

const groupBy = <T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> => {
  const m = new Map<K, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};

interface Bundle {
  loans: LoanJoined[];
  inst: Map<number, Instalment[]>;
  events: Map<number, ClaimEventRow[]>;
  guarantors: Map<number, GuarantorRow[]>;
  actions: Map<number, GAction[]>;
}

async function bundle(db: Executor, actor: Actor, scope: DataScope, f: { loanClass?: string; managerStaffId?: number; ids?: number[] } = {}): Promise<Bundle> {
  const ls = await repo.loans(db, actor.tenantId, loanScope(actor, scope), f);
  const ids = ls.map((l) => l.loan.id);
  const [inst, events, guarantors] = [await repo.instalments(db, actor.tenantId, ids), await repo.claimEvents(db, actor.tenantId, ids), await repo.guarantors(db, actor.tenantId, ids)];
  const actions = await repo.guaranteeActions(db, actor.tenantId, guarantors.map((g) => g.id));
  return bundleOf(ls, inst, events, guarantors, actions);
}

function bundleOf(ls: LoanJoined[], inst: Instalment[], events: ClaimEventRow[], guarantors: GuarantorRow[], actions: GAction[]): Bundle {
  return {
    loans: ls,
    inst: groupBy(inst, (i) => i.loanId),
    events: groupBy(events, (e) => e.loanId),
    guarantors: groupBy(guarantors, (g) => g.loanId),
    actions: groupBy(actions, (a) => a.guarantorId),
  };
}

function listItem(l: LoanJoined, lim: LimitationResult): LoanListItem {
  const x = l.loan;
  return {
    id: x.id, loanNo: x.loanNo, customerId: x.customerId, customerName: l.customerName, orgUnitName: l.orgUnitName, managerStaffId: x.managerStaffId, managerName: l.managerName,
    recommenderName: l.recommenderName, product: x.product, amountFen: x.amountFen, balanceFen: x.balanceFen, annualRate: x.annualRate, startDate: x.startDate, maturityDate: x.maturityDate,
    guaranteeType: x.guaranteeType, loanClass: x.loanClass as LoanClass, village: x.village, limitationStatus: x.balanceFen > 0 ? lim.status : 'settled', limitationExpiry: lim.expiry,
  };
}

async function loanInScope(db: Executor, actor: Actor, scope: DataScope, id: number): Promise<LoanJoined> {
  const [l] = await repo.loans(db, actor.tenantId, loanScope(actor, scope), { ids: [id] });
  if (!l) throw notFound();
  return l;
}

function noticeDto(n: NoticeRow, l: LoanJoined, tenantName: string, guarantors: string[]): DemandNotice {
  return {
    id: n.id, noticeNo: n.noticeNo, loanId: n.loanId, issuedOn: n.issuedOn, principalFen: n.principalFen, interestFen: n.interestFen, signedOn: n.signedOn, signedBy: n.signedBy, claimEventId: n.claimEventId,
    borrowerName: l.customerName, borrowerAddress: l.customerAddress, loanNo: l.loan.loanNo, amountFen: l.loan.amountFen, startDate: l.loan.startDate, maturityDate: l.loan.maturityDate,
    orgUnitName: l.orgUnitName, tenantName, guarantors,
  };
}

async function planDto(db: Executor, tenantId: number, loanId: number): Promise<NplPlan | null> {
  const p = await repo.nplPlan(db, tenantId, loanId);
  if (!p) return null;
  return {
    id: p.plan.id, loanId, method: p.plan.method as NplPlan['method'], targetFen: p.plan.targetFen, targetDate: p.plan.targetDate, status: p.plan.status, notes: p.plan.notes,
    recoveredFen: p.actions.reduce((s, a) => s + a.recoveredFen, 0),
    actions: p.actions.map((a) => ({ id: a.id, actionDate: a.actionDate, action: a.action, evidence: a.evidence, recoveredFen: a.recoveredFen })),
  };
}

export const creditService = {
  async list(db: Db, actor: Actor, q: LoanQuery): Promise<{ items: LoanListItem[] }> {
    const scope = authorize(actor, 'loans.read');
    const today = businessDate();
    const b = await bundle(db, actor, scope, { loanClass: q.loanClass, managerStaffId: q.managerStaffId });
    let items = b.loans.map((l) => listItem(l, computeLimitation(claimOf(l, b.inst.get(l.loan.id) ?? [], b.events.get(l.loan.id) ?? []), today)));
    if (q.npl) items = items.filter((i) => isNonPerforming(i.loanClass) === (q.npl === 'true'));
    return { items };
  },

  async get(db: Db, actor: Actor, id: number): Promise<LoanDetail> {
    const scope = authorize(actor, 'loans.read');
    return detail(db, actor, scope, id);
  },

  async addClaimEvent(db: Db, actor: Actor, loanId: number, input: ClaimEventCreate): Promise<LoanDetail> {
    const scope = authorize(actor, 'claims.manage');
    return db.transaction(async (tx) => {
      const l = await loanInScope(tx, actor, scope, loanId);
      if (input.eventDate > businessDate()) throw conflict('登记日期不能晚于今天', 'The date cannot lie in the future');
      const row = await repo.insertClaimEvent(tx, actor.tenantId, {
        loanId, kind: input.kind, eventDate: input.eventDate, debtorName: input.debtorName ?? null, proceedingsEndedOn: input.proceedingsEndedOn ?? null, endedOn: input.endedOn ?? null,
        evidence: input.evidence, recordedBy: actor.staffId,
      });
      await auditService.record(tx, actor, { action: 'create', entity: 'claim_event', entityId: row.id, after: { loanNo: l.loan.loanNo, kind: row.kind, date: row.eventDate, evidence: row.evidence } });
      return detail(tx, actor, scope, loanId);
    });
  },

  async addGuaranteeAction(db: Db, actor: Actor, guarantorId: number, input: GuaranteeActionCreate): Promise<LoanDetail> {
    const scope = authorize(actor, 'claims.manage');
    return db.transaction(async (tx) => {
      const b = await bundle(tx, actor, scope);
      const g = [...b.guarantors.values()].flat().find((x) => x.id === guarantorId);
      if (!g) throw notFound();
      if (input.actionDate > businessDate()) throw conflict('登记日期不能晚于今天', 'The date cannot lie in the future');
      const row = await repo.insertGuaranteeAction(tx, actor.tenantId, { guarantorId, kind: input.kind, actionDate: input.actionDate, evidence: input.evidence });
      await auditService.record(tx, actor, { action: 'create', entity: 'guarantee_action', entityId: row.id, after: { guarantor: g.name, kind: row.kind, date: row.actionDate } });
      return detail(tx, actor, scope, g.loanId);
    });
  },

  /** Issues a demand notice (催收通知书) for printing; it interrupts the period only once signed and recorded. */
  async issueNotice(db: Db, actor: Actor, loanId: number, input: { issuedOn?: string }): Promise<DemandNotice> {
    const scope = authorize(actor, 'claims.manage');
    return db.transaction(async (tx) => {
      const l = await loanInScope(tx, actor, scope, loanId);
      if (l.loan.balanceFen <= 0) throw conflict('该贷款已结清，无需催收', 'This loan is settled; there is nothing to demand');
      const inst = await repo.instalments(tx, actor.tenantId, [loanId]);
      const today = businessDate();
      const interestFen = inst.filter((i) => i.dueDate <= today).reduce((s, i) => s + Math.max(0, i.interestFen - i.paidInterestFen), 0);
      const n = await repo.insertNotice(tx, actor.tenantId, { loanId, issuedOn: input.issuedOn ?? today, issuedBy: actor.staffId ?? 0, principalFen: l.loan.balanceFen, interestFen });
      await auditService.record(tx, actor, { action: 'create', entity: 'demand_notice', entityId: n.id, after: { noticeNo: n.noticeNo, loanNo: l.loan.loanNo } });
      const gs = await repo.guarantors(tx, actor.tenantId, [loanId]);
      return noticeDto(n, l, await repo.tenantName(tx, actor.tenantId), gs.map((g) => g.name));
    });
  },

  async getNotice(db: Db, actor: Actor, id: number): Promise<DemandNotice> {
    const scope = authorize(actor, 'loans.read');
    const n = await repo.notice(db, actor.tenantId, id);
    if (!n) throw notFound();
    const l = await loanInScope(db, actor, scope, n.loanId);
    const gs = await repo.guarantors(db, actor.tenantId, [n.loanId]);
    return noticeDto(n, l, await repo.tenantName(db, actor.tenantId), gs.map((g) => g.name));
  },

  /** Records the borrower's signature: the notice becomes a "demand delivered" interruption (art. 195). */
  async signNotice(db: Db, actor: Actor, id: number, input: DemandNoticeSign): Promise<DemandNotice> {
    const scope = authorize(actor, 'claims.manage');
    return db.transaction(async (tx) => {
      const n = await repo.notice(tx, actor.tenantId, id);
      if (!n) throw notFound();
      const l = await loanInScope(tx, actor, scope, n.loanId);
      if (n.signedOn) throw conflict('该通知书已登记签收', 'This notice has already been recorded as signed');
      if (input.signedOn < n.issuedOn || input.signedOn > businessDate()) throw conflict('签收日期应在发出日期与今天之间', 'The signing date must lie between the issue date and today');
      const ev = await repo.insertClaimEvent(tx, actor.tenantId, {
        loanId: n.loanId, kind: 'demand_delivered', eventDate: input.signedOn, debtorName: l.customerName, evidence: `催收通知书 ${n.noticeNo}，签收人 ${input.signedBy}`, recordedBy: actor.staffId,
      });
      const row = await repo.signNotice(tx, actor.tenantId, id, { signedOn: input.signedOn, signedBy: input.signedBy, claimEventId: ev.id });
      await auditService.record(tx, actor, { action: 'sign', entity: 'demand_notice', entityId: id, before: { signedOn: null }, after: { signedOn: row.signedOn, signedBy: row.signedBy, claimEventId: ev.id } });
      const gs = await repo.guarantors(tx, actor.tenantId, [n.loanId]);
      return noticeDto(row, l, await repo.tenantName(tx, actor.tenantId), gs.map((g) => g.name));
    });
  },

  async upsertNplPlan(db: Db, actor: Actor, loanId: number, input: NplPlanUpsert): Promise<NplPlan> {
    const scope = authorize(actor, 'npl.manage');
    return db.transaction(async (tx) => {
      const l = await loanInScope(tx, actor, scope, loanId);
      if (!isNonPerforming(l.loan.loanClass as LoanClass)) throw conflict('只有不良贷款需要清收计划', 'Only a non-performing loan takes a collection plan');
      const p = await repo.upsertNplPlan(tx, actor.tenantId, loanId, actor.staffId ?? l.loan.managerStaffId, input);
      await auditService.record(tx, actor, { action: 'upsert', entity: 'npl_plan', entityId: p.id, after: { loanNo: l.loan.loanNo, ...input } });
      return (await planDto(tx, actor.tenantId, loanId))!;
    });
  },

  async addNplAction(db: Db, actor: Actor, planId: number, input: NplActionCreate): Promise<NplPlan> {
    const scope = authorize(actor, 'npl.manage');
    return db.transaction(async (tx) => {
      const p = await repo.nplPlanById(tx, actor.tenantId, planId);
      if (!p) throw notFound();
      await loanInScope(tx, actor, scope, p.loanId);
      const a = await repo.insertNplAction(tx, actor.tenantId, { planId, actionDate: input.actionDate, action: input.action, evidence: input.evidence, recoveredFen: input.recoveredFen, staffId: actor.staffId ?? p.staffId });
      await auditService.record(tx, actor, { action: 'create', entity: 'npl_action', entityId: a.id, after: { planId, ...input } });
      return (await planDto(tx, actor.tenantId, p.loanId))!;
    });
  },

  /** Foreclosed assets (抵债资产) of the loans in scope. */
  async assets(db: Db, actor: Actor) {
    const scope = authorize(actor, 'loans.read');
    const ls = await repo.loans(db, actor.tenantId, loanScope(actor, scope));
    const byId = new Map(ls.map((l) => [l.loan.id, l]));
    const rows = await repo.assets(db, actor.tenantId, ls.map((l) => l.loan.id));
    return { items: rows.map((a) => assetDto(a, byId.get(a.loanId)!)) };
  },

  async addAsset(db: Db, actor: Actor, loanId: number, input: AssetCreate) {
    const scope = authorize(actor, 'npl.manage');
    return db.transaction(async (tx) => {
      const l = await loanInScope(tx, actor, scope, loanId);
      if (input.disposalDeadline < input.receivedOn) throw conflict('处置期限不能早于取得日期', 'The disposal deadline cannot precede the day the asset was received');
      const a = await repo.insertAsset(tx, actor.tenantId, { loanId, ...input });
      await auditService.record(tx, actor, { action: 'create', entity: 'foreclosed_asset', entityId: a.id, after: { loanNo: l.loan.loanNo, ...input } });
      return assetDto(a, l);
    });
  },

  async disposeAsset(db: Db, actor: Actor, id: number, input: { disposedOn: string; proceedsFen: number }) {
    const scope = authorize(actor, 'npl.manage');
    return db.transaction(async (tx) => {
      const a = await repo.asset(tx, actor.tenantId, id);
      if (!a) throw notFound();
      const l = await loanInScope(tx, actor, scope, a.loanId);
      if (a.disposedOn) throw conflict('该资产已处置', 'This asset has already been disposed of');
      if (input.disposedOn < a.receivedOn || input.disposedOn > businessDate()) throw conflict('处置日期应在取得日期与今天之间', 'The disposal date must lie between receipt and today');
      const row = await repo.disposeAsset(tx, actor.tenantId, id, input);
      await auditService.record(tx, actor, { action: 'dispose', entity: 'foreclosed_asset', entityId: id, before: { disposedOn: null }, after: input });
      return assetDto(row, l);
    });
  },

  /** Deadlines in scope: alerts at 90/30/7 days (and 30 days past), and a calendar of the next 12 months. */
  async deadlines(db: Db, actor: Actor): Promise<DeadlineList> {
    const scope = authorize(actor, 'loans.read');
    return deadlinesOn(db, actor, scope, businessDate());
  },

  async warnings(db: Db, actor: Actor): Promise<WarningList> {
    const scope = authorize(actor, 'loans.read');
    return warningsOn(db, actor, scope, businessDate());
  },

  /** Figures evaluation and pay read: NPL ratio, interest-collection rate, due-loan recovery (this year / earlier), new NPLs. */
  async figures(db: Db, actor: Actor, year?: number): Promise<CreditFigures> {
    const scope = authorize(actor, 'credit.figures');
    const today = businessDate();
    const y = year ?? Number(today.slice(0, 4));
    const b = await bundle(db, actor, scope);
    const ids = b.loans.map((l) => l.loan.id);
    const interest = groupBy(await repo.interest(db, actor.tenantId, ids, y), (i) => i.loanId);
    const hist = await repo.classHistory(db, actor.tenantId, ids);
    const recovered = new Map((await repo.nplRecovered(db, actor.tenantId, ids, y)).map((r) => [r.loanId, r.recoveredFen]));
    const byLoanHist = groupBy(hist, (h) => h.loanId);
    const yearEnd = `${y}-12-31`;
    const cut = today < yearEnd ? today : yearEnd;

    const row = (key: string, name: string, ls: LoanJoined[], newNplFen: number): CreditFigureRow => {
      const balanceFen = ls.reduce((s, l) => s + l.loan.balanceFen, 0);
      const nplFen = ls.filter((l) => isNonPerforming(l.loan.loanClass as LoanClass)).reduce((s, l) => s + l.loan.balanceFen, 0);
      const ir = interestCollectionRate(ls.flatMap((l) => interest.get(l.loan.id) ?? []));
      const rec = dueLoanRecovery(ls.flatMap((l) => (b.inst.get(l.loan.id) ?? []).filter((i) => i.dueDate.startsWith(String(y)) && i.dueDate <= cut)
        .map((i) => ({ startDate: l.loan.startDate, dueFen: i.principalFen, recoveredFen: i.paidPrincipalFen }))), y);
      return {
        key, name, loanCount: ls.length, balanceFen, nplFen, nplRatio: ratio(nplFen, balanceFen),
        interestDueFen: ir.dueFen, interestCollectedFen: ir.collectedFen, interestRate: ir.rate,
        dueThisYearFen: rec.thisYear.dueFen, recoveredThisYearFen: rec.thisYear.recoveredFen, recoveryThisYear: rec.thisYear.rate,
        dueEarlierFen: rec.earlier.dueFen, recoveredEarlierFen: rec.earlier.recoveredFen, recoveryEarlier: rec.earlier.rate,
        newNplFen, nplRecoveredFen: ls.reduce((s, l) => s + (recovered.get(l.loan.id) ?? 0), 0),
      };
    };
    // A new NPL this year is attributed to the recommending manager (clause 23).
    const newNplByStaff = new Map<number, number>();
    const newNplByUnit = new Map<string, number>();
    for (const l of b.loans) {
      const h = (byLoanHist.get(l.loan.id) ?? []).find((x) => x.changedOn.startsWith(String(y)) && becomesNpl(x.fromClass as LoanClass | null, x.toClass as LoanClass));
      if (!h) continue;
      const staffId = h.attributedStaffId ?? l.loan.recommenderStaffId;
      newNplByStaff.set(staffId, (newNplByStaff.get(staffId) ?? 0) + l.loan.balanceFen);
      newNplByUnit.set(l.orgUnitName, (newNplByUnit.get(l.orgUnitName) ?? 0) + l.loan.balanceFen);
    }
    const byMgr = groupBy(b.loans, (l) => l.loan.managerStaffId);
    const names = new Map(b.loans.flatMap((l) => [[l.loan.managerStaffId, l.managerName], [l.loan.recommenderStaffId, l.recommenderName]] as [number, string][]));
    const staffIds = [...new Set([...byMgr.keys(), ...newNplByStaff.keys()])];
    const byManager = staffIds.map((s) => row(`staff:${s}`, names.get(s) ?? '', byMgr.get(s) ?? [], newNplByStaff.get(s) ?? 0)).sort((a, c) => a.name.localeCompare(c.name, 'zh'));
    const byUnit = [...groupBy(b.loans, (l) => l.orgUnitName).entries()].map(([u, ls]) => row(`unit:${u}`, u, ls, newNplByUnit.get(u) ?? 0));
    const total = row('total', '合计', b.loans, [...newNplByStaff.values()].reduce((s, v) => s + v, 0));

    // NPL ratio per month from the day-sums (积数): the month's average NPL balance ÷ its average loan
    // balance, each loan's class as at the month end from the class history. A month without any
    // day-sum yet has no ratio (null), rather than today's snapshot.
    const nplTrend: CreditFigures['nplTrend'] = [];
    const months: { month: string; from: string; to: string }[] = [];
    for (let m = 1; m <= 12; m += 1) {
      const month = `${y}-${String(m).padStart(2, '0')}`;
      if (`${month}-01` > today) break;
      const end = dayjs(`${month}-01`).endOf('month').format('YYYY-MM-DD');
      months.push({ month, from: `${month}-01`, to: end < today ? end : today });
    }
    const cuts = [...new Set(months.flatMap((m) => [m.to, dayjs(m.from).subtract(1, 'day').format('YYYY-MM-DD')]))];
    const sums = groupBy(await repo.loanDaySumsAt(db, actor.tenantId, b.loans.map((l) => l.loan.loanNo), cuts), (r) => r.loanNo);
    for (const m of months) {
      let bal = 0;
      let npl = 0;
      for (const l of b.loans) {
        const rows = sums.get(l.loan.loanNo);
        if (!rows) continue;
        const series: DaySum[] = [...new Map(rows.map((r) => [r.day, { date: r.day, balanceFen: r.balanceFen, cumulativeFen: r.cumulativeFen }])).values()].sort((a, c) => (a.date < c.date ? -1 : 1));
        const avg = averageDailyBalance(series, m.from, m.to).averageFen;
        const hs = (byLoanHist.get(l.loan.id) ?? []).filter((h) => h.changedOn <= m.to);
        const cls = (hs.at(-1)?.toClass ?? (byLoanHist.has(l.loan.id) ? 'normal' : l.loan.loanClass)) as LoanClass;
        bal += avg;
        if (isNonPerforming(cls)) npl += avg;
      }
      nplTrend.push({ month: m.month, nplRatio: bal > 0 ? ratio(Math.round(npl), Math.round(bal)) : null, nplFen: Math.round(npl), balanceFen: Math.round(bal) });
    }
    return { year: y, byManager, byUnit, total, nplTrend };
  },
};

async function detail(db: Executor, actor: Actor, scope: DataScope, id: number): Promise<LoanDetail> {
  const today = businessDate();
  const b = await bundle(db, actor, scope, { ids: [id] });
  const l = b.loans[0];
  if (!l) throw notFound();
  const inst = b.inst.get(id) ?? [];
  const events = b.events.get(id) ?? [];
  const lim = computeLimitation(claimOf(l, inst, events), today);
  const hist = await repo.classHistory(db, actor.tenantId, [id]);
  const gs = b.guarantors.get(id) ?? [];
  const visits = await customerReads.lastVisits(db, actor.tenantId, [l.loan.customerId]);
  const tenantName = await repo.tenantName(db, actor.tenantId);
  const warnings = l.loan.balanceFen > 0 ? loanWarnings({
    loanId: id, balanceFen: l.loan.balanceFen, maturityDate: l.loan.maturityDate,
    instalments: inst.map((i) => ({ dueDate: i.dueDate, principalFen: i.principalFen, paidFen: i.paidPrincipalFen })),
    classHistory: hist.map((h) => ({ date: h.changedOn, from: h.fromClass as LoanClass | null, to: h.toClass as LoanClass })),
    lastVisit: visits.get(l.loan.customerId) ?? null, guarantors: gs.map((g) => ({ id: g.id, problem: g.problem })),
  }, today) : [];
  return {
    ...listItem(l, lim),
    customerAddress: l.customerAddress, collateral: l.loan.collateral, coDebtors: l.loan.coDebtors,
    instalments: inst.map((i) => ({ seq: i.seq, dueDate: i.dueDate, principalFen: i.principalFen, interestFen: i.interestFen, paidPrincipalFen: i.paidPrincipalFen, paidInterestFen: i.paidInterestFen })),
    classHistory: hist.map((h) => ({ changedOn: h.changedOn, fromClass: h.fromClass, toClass: h.toClass, reason: h.reason })),
    warnings: warnings.map((w) => ({ kind: w.kind, severity: w.severity, since: w.since, detail: w.detail, zh: w.zh })),
    limitation: lim,
    claimEvents: events.map((e) => ({ id: e.id, kind: e.kind as ClaimEventKind, eventDate: e.eventDate, debtorName: e.debtorName, proceedingsEndedOn: e.proceedingsEndedOn, endedOn: e.endedOn, evidence: e.evidence })),
    guarantees: gs.map((g) => {
      const r = guaranteeOf(l, g, b.actions.get(g.id) ?? [], today);
      return {
        guarantorId: g.id, name: g.name, kind: g.guaranteeKind, agreedEnd: g.agreedEnd, problem: g.problem, deadline: r.deadline, status: r.status, type: r.type, daysLeft: r.daysLeft, trace: r.trace,
        actions: (b.actions.get(g.id) ?? []).map((a) => ({ id: a.id, kind: a.kind, date: a.actionDate, evidence: a.evidence })),
      };
    }),
    notices: (await repo.notices(db, actor.tenantId, id)).map((n) => noticeDto(n, l, tenantName, gs.map((g) => g.name))),
    nplPlan: await planDto(db, actor.tenantId, id),
  };
}

/** Deadlines of the loans in `scope` as seen on `today` (the date is passed in, so the alert run can name its day). */
export async function deadlinesOn(db: Executor, actor: Actor, scope: DataScope, today: string): Promise<DeadlineList> {
  const b = await bundle(db, actor, scope);
  return deadlinesFrom(b, await repo.assets(db, actor.tenantId, b.loans.map((l) => l.loan.id)), today);
}

function deadlinesFrom(b: Bundle, assets: AssetRow[], today: string): DeadlineList {
  type D = { key: string; kind: 'limitation' | 'guarantee' | 'disposal'; date: string; loan: LoanJoined; subject: string; subjectEn: string };
  const ds: D[] = [];
  for (const l of b.loans) {
    if (l.loan.balanceFen <= 0) continue;
    const lim = computeLimitation(claimOf(l, b.inst.get(l.loan.id) ?? [], b.events.get(l.loan.id) ?? []), today);
    if (lim.expiry && lim.status !== 'lapsed_old_rule') ds.push({ key: `claim:${l.loan.id}`, kind: 'limitation', date: lim.expiry, loan: l, subject: `诉讼时效 ${l.customerName}`, subjectEn: `Limitation period: ${l.customerName}` });
    for (const g of b.guarantors.get(l.loan.id) ?? []) {
      const r = guaranteeOf(l, g, b.actions.get(g.id) ?? [], today);
      if (r.status === 'running') ds.push({ key: `guarantee:${g.id}`, kind: 'guarantee', date: r.deadline, loan: l, subject: `保证期间 ${g.name}`, subjectEn: `Guarantee period: ${g.name}` });
    }
  }
  const loanById = new Map(b.loans.map((l) => [l.loan.id, l]));
  for (const a of assets) if (!a.disposedOn && loanById.has(a.loanId)) ds.push({ key: `asset:${a.id}`, kind: 'disposal', date: a.disposalDeadline, loan: loanById.get(a.loanId)!, subject: `抵债资产处置 ${a.description}`, subjectEn: `Disposal of foreclosed asset: ${a.description}` });
  const items = dueAlerts(ds, today, undefined, 30).map((a) => ({
    key: a.deadline.key, kind: a.deadline.kind, date: a.deadline.date, stage: a.stage, daysLeft: a.daysLeft, alertKey: a.alertKey,
    loanId: a.deadline.loan.loan.id, loanNo: a.deadline.loan.loan.loanNo, customerName: a.deadline.loan.customerName, managerName: a.deadline.loan.managerName, subject: a.deadline.subject, subjectEn: a.deadline.subjectEn,
  }));
  const horizon = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const calendar = ds.filter((d) => d.date >= today && d.date <= horizon).sort((a, c) => (a.date < c.date ? -1 : 1))
    .map((d) => ({ date: d.date, kind: d.kind, loanId: d.loan.loan.id, loanNo: d.loan.loan.loanNo, subject: d.subject, subjectEn: d.subjectEn }));
  return { today, items, calendar };
}

/** Risk warnings of the loans in `scope` on `today`. */
export async function warningsOn(db: Executor, actor: Actor, scope: DataScope, today: string): Promise<WarningList> {
  const b = await bundle(db, actor, scope);
  const hist = await repo.classHistory(db, actor.tenantId, b.loans.map((l) => l.loan.id));
  return warningsFrom(b, hist, await largeLoanVisits(db, actor.tenantId, b), today);
}

/** Last visits of the borrowers of large loans (only those are warned about visits). */
const largeLoanVisits = (db: Executor, tenantId: number, b: Bundle) =>
  customerReads.lastVisits(db, tenantId, [...new Set(b.loans.filter((l) => l.loan.balanceFen >= LARGE_LOAN_FEN).map((l) => l.loan.customerId))]);

function warningsFrom(b: Bundle, history: ClassHistoryRow[], visits: Map<number, string>, today: string): WarningList {
  const hist = groupBy(history, (h) => h.loanId);
  const items = b.loans.filter((l) => l.loan.balanceFen > 0).flatMap((l) => loanWarnings({
    loanId: l.loan.id, balanceFen: l.loan.balanceFen, maturityDate: l.loan.maturityDate,
    instalments: (b.inst.get(l.loan.id) ?? []).map((i) => ({ dueDate: i.dueDate, principalFen: i.principalFen, paidFen: i.paidPrincipalFen })),
    classHistory: (hist.get(l.loan.id) ?? []).map((h) => ({ date: h.changedOn, from: h.fromClass as LoanClass | null, to: h.toClass as LoanClass })),
    lastVisit: visits.get(l.loan.customerId) ?? null,
    guarantors: (b.guarantors.get(l.loan.id) ?? []).map((g) => ({ id: g.id, problem: g.problem })),
  }, today).map((w) => ({ ...w, loanNo: l.loan.loanNo, customerName: l.customerName, managerName: l.managerName })));
  const rank = { high: 0, medium: 1, low: 2 } as const;
  return { items: items.sort((a, c) => rank[a.severity] - rank[c.severity] || (a.since < c.since ? -1 : 1)) };
}

/**
 * What the alert run needs for a whole tenant, read once and set-based: the loans with a balance
 * (or a foreclosed asset still to dispose of) and their instalments, claim events, guarantors,
 * guarantee actions, class history and assets, each one query joined on the loans table in the
 * database rather than a list of ids; the deadlines and the warnings are both computed from it.
 */
export async function tenantAlertsOn(db: Executor, tenantId: number, today: string): Promise<{ loans: LoanJoined[]; deadlines: DeadlineList; warnings: WarningList }> {
  const live = liveLoanSet(tenantId);
  const ls = await repo.loans(db, tenantId, {}, { alertable: true });
  const inst = await repo.instalments(db, tenantId, live);
  const events = await repo.claimEvents(db, tenantId, live);
  const guarantors = await repo.guarantors(db, tenantId, live);
  const actions = await repo.guaranteeActions(db, tenantId, liveGuarantorSet(tenantId));
  const history = await repo.classHistory(db, tenantId, live);
  const assets = await repo.assets(db, tenantId, tenantLoanSet(tenantId));
  const b = bundleOf(ls, inst, events, guarantors, actions);
  const visits = await largeLoanVisits(db, tenantId, b);
  return { loans: ls, deadlines: deadlinesFrom(b, assets, today), warnings: warningsFrom(b, history, visits, today) };
}
