import { and, asc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  balanceDaySums, claimEvents, creditVillages, foreclosedAssets, customers, demandNotices, guaranteeActions, loanClassHistory, loanGuarantors, loanInstalments, loanInterest, loans, nplActions, nplPlans, orgUnits, staff, tenants,
  type Executor,
} from '@kehu/db';

export type LoanRow = typeof loans.$inferSelect;
export type ClaimEventRow = typeof claimEvents.$inferSelect;
export type GuarantorRow = typeof loanGuarantors.$inferSelect;
export type NoticeRow = typeof demandNotices.$inferSelect;

/** Which loans the actor reaches: by manager or recommender (own), by unit path (subtree), or all. */
export interface LoanScope { staffId?: number; unitPath?: string }

const rec = alias(staff, 'recommender');

/** Loans (or guarantors) to read for: a list of ids, or a subquery the database joins on (no long id lists). */
export type LoanSet = number[] | SQL;

/** The tenant's loans with a balance left, as a subquery. */
export const liveLoanSet = (tenantId: number): SQL => sql`(select ${loans.id} from ${loans} where ${loans.tenantId} = ${tenantId} and ${loans.balanceFen} > 0)`;
/** Every loan of the tenant, as a subquery. */
export const tenantLoanSet = (tenantId: number): SQL => sql`(select ${loans.id} from ${loans} where ${loans.tenantId} = ${tenantId})`;
/** The guarantors of the tenant's loans with a balance left, as a subquery. */
export const liveGuarantorSet = (tenantId: number): SQL => sql`(select ${loanGuarantors.id} from ${loanGuarantors} where ${loanGuarantors.tenantId} = ${tenantId} and ${loanGuarantors.loanId} in ${liveLoanSet(tenantId)})`;

function scopeWhere(tenantId: number, s: LoanScope): SQL {
  const parts: (SQL | undefined)[] = [eq(loans.tenantId, tenantId)];
  if (s.staffId !== undefined) parts.push(or(eq(loans.managerStaffId, s.staffId), eq(loans.recommenderStaffId, s.staffId)));
  if (s.unitPath !== undefined) parts.push(like(orgUnits.path, `${s.unitPath}%`));
  return and(...parts)!;
}

const loanSelect = {
  loan: loans, customerName: customers.name, customerAddress: customers.address, orgUnitName: orgUnits.name, orgUnitPath: orgUnits.path, managerName: staff.name, recommenderName: rec.name,
};

export type LoanJoined = { loan: LoanRow; customerName: string; customerAddress: string; orgUnitName: string; orgUnitPath: string; managerName: string; recommenderName: string };

export const creditRepository = {
  /**
   * Refreshes the planner's statistics of the tables the ledger reads join (loans, borrowers, units,
   * staff). The embedded database has no autovacuum: after a bulk load it would keep the estimates
   * of near-empty tables and read 50,000 loans by nested loops over borrower × manager × recommender.
   */
  async refreshStatistics(db: Executor): Promise<void> {
    await db.execute(sql`analyze loans, customers, org_units, staff`);
  },
  async assets(db: Executor, tenantId: number, loanIds: LoanSet) {
    if (Array.isArray(loanIds) && !loanIds.length) return [];
    return db.select().from(foreclosedAssets).where(and(eq(foreclosedAssets.tenantId, tenantId), inArray(foreclosedAssets.loanId, loanIds))).orderBy(asc(foreclosedAssets.disposalDeadline));
  },
  async asset(db: Executor, tenantId: number, id: number) {
    const [r] = await db.select().from(foreclosedAssets).where(and(eq(foreclosedAssets.tenantId, tenantId), eq(foreclosedAssets.id, id)));
    return r ?? null;
  },
  async insertAsset(db: Executor, tenantId: number, v: Omit<typeof foreclosedAssets.$inferInsert, 'tenantId'>) {
    const [r] = await db.insert(foreclosedAssets).values({ ...v, tenantId }).returning();
    return r!;
  },
  async disposeAsset(db: Executor, tenantId: number, id: number, v: { disposedOn: string; proceedsFen: number }) {
    const [r] = await db.update(foreclosedAssets).set(v).where(and(eq(foreclosedAssets.tenantId, tenantId), eq(foreclosedAssets.id, id))).returning();
    return r!;
  },

  async unitInPath(db: Executor, tenantId: number, unitId: number, path: string): Promise<boolean> {
    const [r] = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, unitId), like(orgUnits.path, `${path}%`)));
    return !!r;
  },
  async villageLoans(db: Executor, tenantId: number, unitId: number, village: string) {
    return db.select().from(loans).where(and(eq(loans.tenantId, tenantId), eq(loans.orgUnitId, unitId), eq(loans.village, village)));
  },
  async villages(db: Executor, tenantId: number, path: string) {
    return db.select({ id: creditVillages.id, orgUnitName: orgUnits.name, name: creditVillages.name, households: creditVillages.households, status: creditVillages.status, ratedOn: creditVillages.ratedOn,
      checks: creditVillages.checks, creditLineFen: creditVillages.creditLineFen, removedOn: creditVillages.removedOn, removalReason: creditVillages.removalReason })
      .from(creditVillages).innerJoin(orgUnits, and(eq(orgUnits.tenantId, creditVillages.tenantId), eq(orgUnits.id, creditVillages.orgUnitId)))
      .where(and(eq(creditVillages.tenantId, tenantId), like(orgUnits.path, `${path}%`))).orderBy(asc(creditVillages.name));
  },
  async village(db: Executor, tenantId: number, id: number, path: string) {
    const [r] = await db.select({ v: creditVillages }).from(creditVillages).innerJoin(orgUnits, and(eq(orgUnits.tenantId, creditVillages.tenantId), eq(orgUnits.id, creditVillages.orgUnitId)))
      .where(and(eq(creditVillages.tenantId, tenantId), eq(creditVillages.id, id), like(orgUnits.path, `${path}%`)));
    return r?.v ?? null;
  },
  async upsertVillage(db: Executor, tenantId: number, v: { orgUnitId: number; name: string; households: number; status: string; ratedOn: string; checks: unknown; creditLineFen: number }) {
    const [r] = await db.insert(creditVillages).values({ tenantId, ...v })
      .onConflictDoUpdate({ target: [creditVillages.tenantId, creditVillages.orgUnitId, creditVillages.name], set: { households: v.households, status: v.status, ratedOn: v.ratedOn, checks: v.checks, creditLineFen: v.creditLineFen, removedOn: null, removalReason: null } })
      .returning();
    return r!;
  },
  async removeVillage(db: Executor, tenantId: number, id: number, on: string, reason: string) {
    const [r] = await db.update(creditVillages).set({ status: 'removed', removedOn: on, removalReason: reason }).where(and(eq(creditVillages.tenantId, tenantId), eq(creditVillages.id, id))).returning();
    return r!;
  },

  async balanceRows(db: Executor, tenantId: number, kind: string, account: string) {
    return db.select({ day: balanceDaySums.day, balanceFen: balanceDaySums.balanceFen }).from(balanceDaySums)
      .where(and(eq(balanceDaySums.tenantId, tenantId), eq(balanceDaySums.accountKind, kind), eq(balanceDaySums.accountNo, account)));
  },
  /** Writes a day-sum series in one statement per 5,000 days (unnest of arrays, no row-by-row inserts). */
  async upsertDaySums(db: Executor, tenantId: number, kind: string, account: string, customerId: number | null, sums: { date: string; balanceFen: number; cumulativeFen: number }[]): Promise<number> {
    for (let i = 0; i < sums.length; i += 5000) {
      const part = sums.slice(i, i + 5000);
      await db.execute(sql`insert into balance_day_sums (tenant_id, account_kind, account_no, day, customer_id, balance_fen, day_sum_fen)
        select ${tenantId}, ${kind}, ${account}, d::date, ${customerId}::int, b::bigint, s::bigint
        from unnest(${`{${part.map((p) => p.date).join(',')}}`}::text[], ${`{${part.map((p) => p.balanceFen).join(',')}}`}::text[], ${`{${part.map((p) => p.cumulativeFen).join(',')}}`}::text[]) as x(d, b, s)
        on conflict (tenant_id, account_kind, account_no, day) do update set balance_fen = excluded.balance_fen, day_sum_fen = excluded.day_sum_fen, customer_id = coalesce(excluded.customer_id, balance_day_sums.customer_id)`);
    }
    return sums.length;
  },
  async daySumOnOrBefore(db: Executor, tenantId: number, kind: string, account: string, day: string) {
    const [r] = await db.select({ date: balanceDaySums.day, balanceFen: balanceDaySums.balanceFen, cumulativeFen: balanceDaySums.daySumFen }).from(balanceDaySums)
      .where(and(eq(balanceDaySums.tenantId, tenantId), eq(balanceDaySums.accountKind, kind), eq(balanceDaySums.accountNo, account), sql`${balanceDaySums.day} <= ${day}`))
      .orderBy(sql`${balanceDaySums.day} desc`).limit(1);
    return r ?? null;
  },
  /** For each cut date, each loan account's last day-sum row on or before it (one statement for all cuts). */
  async loanDaySumsAt(db: Executor, tenantId: number, loanNos: string[], cuts: string[]) {
    if (!loanNos.length || !cuts.length) return [];
    const r = await db.execute(sql`select distinct on (d.account_no, k.cut) d.account_no as "loanNo", k.cut::text as cut, d.day::text as day, d.balance_fen as balance, d.day_sum_fen as "daySum"
      from balance_day_sums d cross join unnest(${`{${cuts.join(',')}}`}::date[]) as k(cut)
      where d.tenant_id = ${tenantId} and d.account_kind = 'loan' and d.account_no in (${sql.join(loanNos.map((n) => sql`${n}`), sql`, `)}) and d.day <= k.cut
      order by d.account_no, k.cut, d.day desc`);
    return (r as { rows: { loanNo: string; cut: string; day: string; balance: unknown; daySum: unknown }[] }).rows
      .map((x) => ({ loanNo: x.loanNo, cut: x.cut, day: x.day, balanceFen: Number(x.balance), cumulativeFen: Number(x.daySum) }));
  },
  async loanNoInScope(db: Executor, tenantId: number, s: LoanScope, loanNo: string): Promise<boolean> {
    const [r] = await db.select({ id: loans.id }).from(loans)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, loans.tenantId), eq(orgUnits.id, loans.orgUnitId)))
      .where(and(scopeWhere(tenantId, s), eq(loans.loanNo, loanNo)));
    return !!r;
  },

  /** `alertable`: loans with a balance left or a foreclosed asset not yet disposed of (those the alert run reads). */
  async loans(db: Executor, tenantId: number, s: LoanScope, f: { loanClass?: string; managerStaffId?: number; ids?: number[]; alertable?: boolean } = {}): Promise<LoanJoined[]> {
    const where = [scopeWhere(tenantId, s)];
    if (f.alertable) where.push(sql`(${loans.balanceFen} > 0 or exists (select 1 from ${foreclosedAssets} where ${foreclosedAssets.tenantId} = ${loans.tenantId} and ${foreclosedAssets.loanId} = ${loans.id} and ${foreclosedAssets.disposedOn} is null))`);
    if (f.loanClass) where.push(eq(loans.loanClass, f.loanClass));
    if (f.managerStaffId) where.push(eq(loans.managerStaffId, f.managerStaffId));
    if (f.ids) where.push(inArray(loans.id, f.ids.length ? f.ids : [-1]));
    return db.select(loanSelect).from(loans)
      .innerJoin(customers, and(eq(customers.tenantId, loans.tenantId), eq(customers.id, loans.customerId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, loans.tenantId), eq(orgUnits.id, loans.orgUnitId)))
      .innerJoin(staff, and(eq(staff.tenantId, loans.tenantId), eq(staff.id, loans.managerStaffId)))
      .innerJoin(rec, and(eq(rec.tenantId, loans.tenantId), eq(rec.id, loans.recommenderStaffId)))
      .where(and(...where))
      .orderBy(asc(loans.maturityDate), asc(loans.id));
  },

  async instalments(db: Executor, tenantId: number, loanIds: LoanSet) {
    if (Array.isArray(loanIds) && !loanIds.length) return [];
    return db.select().from(loanInstalments).where(and(eq(loanInstalments.tenantId, tenantId), inArray(loanInstalments.loanId, loanIds))).orderBy(asc(loanInstalments.loanId), asc(loanInstalments.seq));
  },
  async guarantors(db: Executor, tenantId: number, loanIds: LoanSet) {
    if (Array.isArray(loanIds) && !loanIds.length) return [];
    return db.select().from(loanGuarantors).where(and(eq(loanGuarantors.tenantId, tenantId), inArray(loanGuarantors.loanId, loanIds))).orderBy(asc(loanGuarantors.id));
  },
  async guaranteeActions(db: Executor, tenantId: number, guarantorIds: LoanSet) {
    if (Array.isArray(guarantorIds) && !guarantorIds.length) return [];
    return db.select().from(guaranteeActions).where(and(eq(guaranteeActions.tenantId, tenantId), inArray(guaranteeActions.guarantorId, guarantorIds))).orderBy(asc(guaranteeActions.actionDate));
  },
  async classHistory(db: Executor, tenantId: number, loanIds: LoanSet) {
    if (Array.isArray(loanIds) && !loanIds.length) return [];
    return db.select().from(loanClassHistory).where(and(eq(loanClassHistory.tenantId, tenantId), inArray(loanClassHistory.loanId, loanIds))).orderBy(asc(loanClassHistory.changedOn), asc(loanClassHistory.id));
  },
  async claimEvents(db: Executor, tenantId: number, loanIds: LoanSet) {
    if (Array.isArray(loanIds) && !loanIds.length) return [];
    return db.select().from(claimEvents).where(and(eq(claimEvents.tenantId, tenantId), inArray(claimEvents.loanId, loanIds))).orderBy(asc(claimEvents.eventDate), asc(claimEvents.id));
  },
  async interest(db: Executor, tenantId: number, loanIds: number[], year: number) {
    if (!loanIds.length) return [];
    return db.select().from(loanInterest).where(and(eq(loanInterest.tenantId, tenantId), inArray(loanInterest.loanId, loanIds), like(loanInterest.period, `${year}-%`)));
  },
  async notices(db: Executor, tenantId: number, loanId: number) {
    return db.select().from(demandNotices).where(and(eq(demandNotices.tenantId, tenantId), eq(demandNotices.loanId, loanId))).orderBy(asc(demandNotices.id));
  },
  async notice(db: Executor, tenantId: number, id: number): Promise<NoticeRow | null> {
    const [r] = await db.select().from(demandNotices).where(and(eq(demandNotices.tenantId, tenantId), eq(demandNotices.id, id)));
    return r ?? null;
  },
  async tenantName(db: Executor, tenantId: number): Promise<string> {
    const [r] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
    return r?.name ?? '';
  },
  async insertClaimEvent(db: Executor, tenantId: number, v: Omit<typeof claimEvents.$inferInsert, 'tenantId'>): Promise<ClaimEventRow> {
    const [r] = await db.insert(claimEvents).values({ ...v, tenantId }).returning();
    return r!;
  },
  async insertGuaranteeAction(db: Executor, tenantId: number, v: Omit<typeof guaranteeActions.$inferInsert, 'tenantId'>) {
    const [r] = await db.insert(guaranteeActions).values({ ...v, tenantId }).returning();
    return r!;
  },
  async insertNotice(db: Executor, tenantId: number, v: Omit<typeof demandNotices.$inferInsert, 'tenantId' | 'noticeNo'>): Promise<NoticeRow> {
    const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(demandNotices).where(eq(demandNotices.tenantId, tenantId));
    const noticeNo = `CS${v.issuedOn.slice(0, 4)}-${String((n?.n ?? 0) + 1).padStart(5, '0')}`;
    const [r] = await db.insert(demandNotices).values({ ...v, noticeNo, tenantId }).returning();
    return r!;
  },
  async signNotice(db: Executor, tenantId: number, id: number, v: { signedOn: string; signedBy: string; claimEventId: number }): Promise<NoticeRow> {
    const [r] = await db.update(demandNotices).set(v).where(and(eq(demandNotices.tenantId, tenantId), eq(demandNotices.id, id))).returning();
    return r!;
  },
  async nplPlan(db: Executor, tenantId: number, loanId: number) {
    const [p] = await db.select().from(nplPlans).where(and(eq(nplPlans.tenantId, tenantId), eq(nplPlans.loanId, loanId)));
    if (!p) return null;
    const actions = await db.select().from(nplActions).where(and(eq(nplActions.tenantId, tenantId), eq(nplActions.planId, p.id))).orderBy(asc(nplActions.actionDate), asc(nplActions.id));
    return { plan: p, actions };
  },
  async nplPlanById(db: Executor, tenantId: number, id: number) {
    const [p] = await db.select().from(nplPlans).where(and(eq(nplPlans.tenantId, tenantId), eq(nplPlans.id, id)));
    return p ?? null;
  },
  async nplRecovered(db: Executor, tenantId: number, loanIds: number[], year: number) {
    if (!loanIds.length) return [];
    return db.select({ loanId: nplPlans.loanId, recoveredFen: sql<number>`coalesce(sum(${nplActions.recoveredFen}), 0)::bigint`.mapWith(Number) }).from(nplActions)
      .innerJoin(nplPlans, and(eq(nplPlans.tenantId, nplActions.tenantId), eq(nplPlans.id, nplActions.planId)))
      .where(and(eq(nplActions.tenantId, tenantId), inArray(nplPlans.loanId, loanIds), like(sql`${nplActions.actionDate}::text`, `${year}-%`)))
      .groupBy(nplPlans.loanId);
  },
  async upsertNplPlan(db: Executor, tenantId: number, loanId: number, staffId: number, v: { method: string; targetFen: number; targetDate: string; notes: string }) {
    const [r] = await db.insert(nplPlans).values({ tenantId, loanId, staffId, ...v })
      .onConflictDoUpdate({ target: [nplPlans.tenantId, nplPlans.loanId], set: { ...v } }).returning();
    return r!;
  },
  async insertNplAction(db: Executor, tenantId: number, v: Omit<typeof nplActions.$inferInsert, 'tenantId'>) {
    const [r] = await db.insert(nplActions).values({ ...v, tenantId }).returning();
    return r!;
  },
};
