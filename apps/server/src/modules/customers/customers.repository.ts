import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { assignmentRequests, customerAssignments, customers, orgUnits, staff, territories, visits, type Executor } from '@kehu/db';

export type CustomerRow = typeof customers.$inferSelect;
export type CustomerInsert = Omit<typeof customers.$inferInsert, 'tenantId' | 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type AssignmentRow = typeof customerAssignments.$inferSelect;
export type RequestRow = typeof assignmentRequests.$inferSelect;

/**
 * Which customers a query may touch: the whole tenant, those of a unit subtree, or those
 * assigned to one manager on `today`.
 */
export type CustomerScope = { kind: 'tenant' } | { kind: 'subtree'; path: string } | { kind: 'own'; staffId: number | null; today: string };

const activeOn = (today: string) => and(sql`${customerAssignments.validFrom} <= ${today}`, or(isNull(customerAssignments.validTo), sql`${customerAssignments.validTo} >= ${today}`));

/** Customer ids assigned to a manager on a day: a semi-join the (tenant, staff, customer) index answers. */
const ownedBy = (tenantId: number, staffId: number, today: string) => sql`${customers.id} in (select ${customerAssignments.customerId} from ${customerAssignments}
  where ${customerAssignments.tenantId} = ${tenantId} and ${customerAssignments.staffId} = ${staffId} and ${activeOn(today)})`;

function scopeCondition(tenantId: number, scope: CustomerScope): SQL | undefined {
  switch (scope.kind) {
    case 'tenant': return undefined;
    case 'subtree': return sql`${orgUnits.path} like ${scope.path + '%'}`;
    case 'own': return scope.staffId === null ? sql`false` : ownedBy(tenantId, scope.staffId, scope.today);
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
const nameC = sql`(${customers.name} collate "C")`;
const select = { customer: customers, orgUnitName: orgUnits.name, orgPath: orgUnits.path };

/** An assignment as the list query returns it (JSON built in the database). */
export interface ManagerJson { id: number; customerId: number; staffId: number; staffName: string; role: string; share: string; validFrom: string; validTo: string | null }

/**
 * A list row with what its DTO needs — managers in force and the last visit — computed in the
 * same statement for the page's rows only, so a page is one round trip (plus its count).
 * Written out in full: inside a sub-select Drizzle would print the outer columns unqualified.
 */
const listSelect = (today: string) => ({
  ...select,
  managers: sql<ManagerJson[]>`(select coalesce(json_agg(json_build_object('id', a.id, 'customerId', a.customer_id, 'staffId', a.staff_id, 'staffName', s.name,
      'role', a.role, 'share', a.share::text, 'validFrom', a.valid_from::text, 'validTo', a.valid_to::text) order by a.valid_from desc, a.id), '[]'::json)
    from customer_assignments a join staff s on s.tenant_id = a.tenant_id and s.id = a.staff_id
    where a.tenant_id = "customers"."tenant_id" and a.customer_id = "customers"."id" and a.valid_from <= ${today}::date and (a.valid_to is null or a.valid_to >= ${today}::date))`,
  lastVisit: sql<string | null>`(select max(v.visit_date)::text from visits v where v.tenant_id = "customers"."tenant_id" and v.customer_id = "customers"."id")`,
});
const unitJoin = and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.orgUnitId));

export interface CustomerFilter { q?: string; unitPath?: string; staffId?: number; kind?: string; territoryId?: number; unassigned?: boolean; today: string; page: number; pageSize: number }

export const customersRepository = {
  /** A page of customers in name order. Name search is a prefix match; customer and ID numbers match from the start. */
  async page(db: Executor, tenantId: number, scope: CustomerScope, f: CustomerFilter) {
    const where: (SQL | undefined)[] = [eq(customers.tenantId, tenantId), scopeCondition(tenantId, scope)];
    if (f.q) {
      // One index per kind of search and no OR between them: an OR would let the planner walk
      // the whole name index for "order by name limit 20" when few rows match.
      const prefix = `${escapeLike(f.q)}%`;
      if (/^\d{6,17}[\dXx]?$/.test(f.q)) where.push(or(sql`(${customers.idNo} collate "C") like ${prefix.toUpperCase()}`, eq(customers.customerNo, f.q)));
      else if (/^[A-Za-z]{0,4}\d+$/.test(f.q)) where.push(eq(customers.customerNo, f.q.toUpperCase()));
      else where.push(sql`${nameC} like ${prefix}`);
    }
    if (f.unitPath) where.push(sql`${orgUnits.path} like ${f.unitPath + '%'}`);
    if (f.staffId) where.push(ownedBy(tenantId, f.staffId, f.today));
    if (f.kind) where.push(eq(customers.kind, f.kind));
    if (f.territoryId) where.push(eq(customers.territoryId, f.territoryId));
    if (f.unassigned) {
      where.push(sql`not exists (select 1 from ${customerAssignments} where ${customerAssignments.tenantId} = ${customers.tenantId}
        and ${customerAssignments.customerId} = ${customers.id} and (${customerAssignments.validTo} is null or ${customerAssignments.validTo} >= ${f.today}))`);
    }
    const cond = and(...where);
    // The page's ids first (from the name index alone when only name and unit filter), then
    // those 20 rows with their managers and last visit: the heap is read for the page only.
    const pageIds = db.select({ id: customers.id }).from(customers).innerJoin(orgUnits, unitJoin).where(cond)
      .orderBy(asc(nameC), asc(customers.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
    const [items, [count]] = await Promise.all([
      db.select(listSelect(f.today)).from(customers).innerJoin(orgUnits, unitJoin)
        .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, pageIds))).orderBy(asc(nameC), asc(customers.id)),
      db.select({ n: sql<number>`count(*)::int` }).from(customers).innerJoin(orgUnits, unitJoin).where(cond),
    ]);
    return { items, total: count?.n ?? 0 };
  },

  /**
   * A manager's own customers without filters, in customer order: the page is cut from the
   * (tenant, staff, customer) index of the assignments alone, so only 20 customers are read
   * however many the manager holds.
   */
  async ownPage(db: Executor, tenantId: number, staffId: number, today: string, page: number, pageSize: number) {
    const mine = and(eq(customerAssignments.tenantId, tenantId), eq(customerAssignments.staffId, staffId), activeOn(today));
    const pageIds = db.selectDistinct({ id: customerAssignments.customerId }).from(customerAssignments).where(mine)
      .orderBy(asc(customerAssignments.customerId)).limit(pageSize).offset((page - 1) * pageSize);
    const [items, [count]] = await Promise.all([
      db.select(listSelect(today)).from(customers).innerJoin(orgUnits, unitJoin)
        .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, pageIds))).orderBy(asc(customers.id)),
      db.select({ n: sql<number>`count(distinct ${customerAssignments.customerId})::int` }).from(customerAssignments).where(mine),
    ]);
    return { items, total: count?.n ?? 0 };
  },

  async get(db: Executor, tenantId: number, id: number) {
    const [row] = await db.select(select).from(customers).innerJoin(orgUnits, unitJoin).where(and(eq(customers.tenantId, tenantId), eq(customers.id, id)));
    return row ?? null;
  },

  /** True when the manager holds an assignment of the customer on `today`. */
  async isAssigned(db: Executor, tenantId: number, customerId: number, staffId: number, today: string): Promise<boolean> {
    const [r] = await db.select({ id: customerAssignments.id }).from(customerAssignments)
      .where(and(eq(customerAssignments.tenantId, tenantId), eq(customerAssignments.customerId, customerId), eq(customerAssignments.staffId, staffId), activeOn(today))).limit(1);
    return !!r;
  },

  async insert(db: Executor, tenantId: number, v: CustomerInsert): Promise<CustomerRow> {
    const [row] = await db.insert(customers).values({ ...v, tenantId }).returning();
    return row!;
  },

  /** Many customers in one statement (imports). */
  async insertMany(db: Executor, tenantId: number, rows: CustomerInsert[]): Promise<CustomerRow[]> {
    if (rows.length === 0) return [];
    return db.insert(customers).values(rows.map((r) => ({ ...r, tenantId }))).returning();
  },

  async byNumbers(db: Executor, tenantId: number, numbers: string[]): Promise<CustomerRow[]> {
    if (numbers.length === 0) return [];
    return db.select().from(customers).where(and(eq(customers.tenantId, tenantId), inArray(customers.customerNo, numbers)));
  },

  async update(db: Executor, tenantId: number, id: number, version: number, v: Partial<CustomerInsert>): Promise<CustomerRow | null> {
    const [row] = await db.update(customers).set({ ...v, version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(customers.tenantId, tenantId), eq(customers.id, id), eq(customers.version, version))).returning();
    return row ?? null;
  },

  /** Assignments of these customers: those in force on `today`, or (today null) the whole history. */
  async assignments(db: Executor, tenantId: number, customerIds: number[], today: string | null) {
    if (customerIds.length === 0) return [];
    return db.select({ a: customerAssignments, staffName: staff.name }).from(customerAssignments)
      .innerJoin(staff, and(eq(staff.tenantId, customerAssignments.tenantId), eq(staff.id, customerAssignments.staffId)))
      .where(and(eq(customerAssignments.tenantId, tenantId), inArray(customerAssignments.customerId, customerIds), today ? activeOn(today) : undefined))
      .orderBy(asc(customerAssignments.customerId), desc(customerAssignments.validFrom), asc(customerAssignments.id));
  },

  /** Assignments that are in force on or after `from` (the ones a new set must share 100% with). */
  async assignmentsFrom(db: Executor, tenantId: number, customerId: number, from: string): Promise<AssignmentRow[]> {
    return db.select().from(customerAssignments).where(and(eq(customerAssignments.tenantId, tenantId), eq(customerAssignments.customerId, customerId),
      or(isNull(customerAssignments.validTo), sql`${customerAssignments.validTo} >= ${from}`)));
  },

  async insertAssignments(db: Executor, tenantId: number, rows: Omit<typeof customerAssignments.$inferInsert, 'tenantId'>[]): Promise<AssignmentRow[]> {
    if (rows.length === 0) return [];
    return db.insert(customerAssignments).values(rows.map((r) => ({ ...r, tenantId }))).returning();
  },

  /** Ends assignments the day before `from`; those that would start on or after it are closed on their first day minus one (never in force). */
  async endAssignments(db: Executor, tenantId: number, ids: number[], lastDay: string): Promise<void> {
    if (ids.length === 0) return;
    await db.update(customerAssignments).set({ validTo: sql`greatest(${lastDay}::date, ${customerAssignments.validFrom} - 1)` })
      .where(and(eq(customerAssignments.tenantId, tenantId), inArray(customerAssignments.id, ids)));
  },

  /** Last visit date per customer (anyone's visit counts for the customer). */
  async lastVisits(db: Executor, tenantId: number, customerIds: number[]): Promise<Map<number, string>> {
    if (customerIds.length === 0) return new Map();
    const rows = await db.select({ customerId: visits.customerId, last: sql<string>`max(${visits.visitDate})::text` }).from(visits)
      .where(and(eq(visits.tenantId, tenantId), inArray(visits.customerId, customerIds))).groupBy(visits.customerId);
    return new Map(rows.map((r) => [r.customerId, r.last]));
  },

  /**
   * One row per assignment in force on `today` for managers in the scope (or the listed managers):
   * the facts the visit schedule needs. Set-based: one query with the last visit on or before `today` joined in.
   */
  async scheduleRows(db: Executor, tenantId: number, f: { staffIds?: number[]; unitPath?: string; today: string }) {
    // Only visits on or before the as-of date count: a later visit cannot make a customer compliant on an earlier day.
    const last = sql<string | null>`(select max(v.visit_date)::text from visits v where v.tenant_id = ${customers.tenantId} and v.customer_id = ${customers.id} and v.visit_date <= ${f.today}::date)`;
    return db.select({
      staffId: customerAssignments.staffId, staffName: staff.name, staffUnitId: staff.orgUnitId, since: customerAssignments.validFrom,
      customerId: customers.id, customerName: customers.name, customerNo: customers.customerNo, segment: customers.segment, kind: customers.kind,
      loanBalanceFen: customers.loanBalanceFen, bigCustomer: customers.bigCustomer, visitMonthsOverride: customers.visitMonthsOverride, lastVisit: last,
    }).from(customerAssignments)
      .innerJoin(customers, and(eq(customers.tenantId, customerAssignments.tenantId), eq(customers.id, customerAssignments.customerId)))
      .innerJoin(staff, and(eq(staff.tenantId, customerAssignments.tenantId), eq(staff.id, customerAssignments.staffId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId)))
      .where(and(eq(customerAssignments.tenantId, tenantId), activeOn(f.today), eq(customers.status, 'active'),
        f.staffIds ? (f.staffIds.length ? inArray(customerAssignments.staffId, f.staffIds) : sql`false`) : undefined,
        f.unitPath ? sql`${orgUnits.path} like ${f.unitPath + '%'}` : undefined));
  },

  /**
   * Visit figures per manager and per unit on `day`, set-based: assignments in force for active
   * customers, the required interval from the policy (`requiredMonths`), due from the later of the
   * last visit and the assignment start, overdue when the due date lies before `day`.
   */
  async complianceCounts(db: Executor, tenantId: number, f: { staffIds?: number[]; unitPath?: string; day: string; requiredMonths: SQL }) {
    // The last visit as of `day`: visits after it do not count for compliance on that day.
    const last = sql`(select max(v.visit_date) from visits v where v.tenant_id = ${customers.tenantId} and v.customer_id = ${customers.id} and v.visit_date <= ${f.day}::date)`;
    const rows = db.select({
      staffId: sql<number>`${customerAssignments.staffId}`.as('staff_id'), unitId: sql<number>`${staff.orgUnitId}`.as('unit_id'),
      customerId: sql<number>`${customers.id}`.as('customer_id'), months: sql<string | null>`${f.requiredMonths}`.as('months'),
      fromDate: sql<string>`greatest(${customerAssignments.validFrom}, ${last})`.as('from_date'),
    }).from(customerAssignments)
      .innerJoin(customers, and(eq(customers.tenantId, customerAssignments.tenantId), eq(customers.id, customerAssignments.customerId)))
      .innerJoin(staff, and(eq(staff.tenantId, customerAssignments.tenantId), eq(staff.id, customerAssignments.staffId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId)))
      .where(and(eq(customerAssignments.tenantId, tenantId), activeOn(f.day), eq(customers.status, 'active'),
        f.staffIds ? (f.staffIds.length ? inArray(customerAssignments.staffId, f.staffIds) : sql`false`) : undefined,
        f.unitPath ? sql`${orgUnits.path} like ${f.unitPath + '%'}` : undefined))
      .as('r');
    // Whole months, as the domain's calendar adds them (a fraction is cut off); PostgreSQL clamps to the month end like dayjs.
    const overdue = sql`(${rows.fromDate} + make_interval(months => trunc(${rows.months})::int))::date < ${f.day}::date`;
    return db.select({
      staffId: sql<number | null>`${rows.staffId}`, unitId: rows.unitId,
      customers: sql<number>`count(distinct ${rows.customerId})::int`,
      required: sql<number>`count(${rows.months})::int`,
      overdue: sql<number>`(count(*) filter (where ${rows.months} is not null and ${overdue}))::int`,
    }).from(rows).groupBy(sql`grouping sets ((${rows.staffId}, ${rows.unitId}), (${rows.unitId}))`);
  },

  /** Customers per manager and segment on `day` (staffing ratios), set-based. */
  async staffingCounts(db: Executor, tenantId: number, f: { unitPath?: string; day: string }) {
    return db.select({
      staffId: customerAssignments.staffId,
      retail: sql<number>`(count(distinct ${customers.id}) filter (where ${customers.segment} <> 'corporate'))::int`,
      corporate: sql<number>`(count(distinct ${customers.id}) filter (where ${customers.segment} = 'corporate'))::int`,
    }).from(customerAssignments)
      .innerJoin(customers, and(eq(customers.tenantId, customerAssignments.tenantId), eq(customers.id, customerAssignments.customerId)))
      .innerJoin(staff, and(eq(staff.tenantId, customerAssignments.tenantId), eq(staff.id, customerAssignments.staffId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId)))
      .where(and(eq(customerAssignments.tenantId, tenantId), activeOn(f.day), eq(customers.status, 'active'),
        f.unitPath ? sql`${orgUnits.path} like ${f.unitPath + '%'}` : undefined))
      .groupBy(customerAssignments.staffId);
  },

  /** Staff of a unit subtree (or one unit) who may hold customers, with their unit. */
  async staffIn(db: Executor, tenantId: number, f: { unitPath?: string; unitId?: number; ids?: number[] }) {
    return db.select({ id: staff.id, name: staff.name, orgUnitId: staff.orgUnitId, orgUnitName: orgUnits.name, orgPath: orgUnits.path, status: staff.status, position: staff.position })
      .from(staff).innerJoin(orgUnits, and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId)))
      .where(and(eq(staff.tenantId, tenantId),
        f.unitPath ? sql`${orgUnits.path} like ${f.unitPath + '%'}` : undefined,
        f.unitId ? eq(staff.orgUnitId, f.unitId) : undefined,
        f.ids ? (f.ids.length ? inArray(staff.id, f.ids) : sql`false`) : undefined))
      .orderBy(asc(orgUnits.path), asc(staff.name));
  },

  async territories(db: Executor, tenantId: number, unitPath: string | null) {
    return db.select({ t: territories }).from(territories)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, territories.tenantId), eq(orgUnits.id, territories.orgUnitId)))
      .where(and(eq(territories.tenantId, tenantId), unitPath ? sql`${orgUnits.path} like ${unitPath + '%'}` : undefined)).orderBy(asc(territories.code));
  },

  async territory(db: Executor, tenantId: number, id: number) {
    const [r] = await db.select().from(territories).where(and(eq(territories.tenantId, tenantId), eq(territories.id, id)));
    return r ?? null;
  },

  async insertTerritory(db: Executor, tenantId: number, v: { orgUnitId: number; code: string; name: string }) {
    const [r] = await db.insert(territories).values({ ...v, tenantId }).returning();
    return r!;
  },

  // ---- claim / transfer requests ----
  async insertRequest(db: Executor, tenantId: number, v: Omit<typeof assignmentRequests.$inferInsert, 'tenantId'>): Promise<RequestRow> {
    const [r] = await db.insert(assignmentRequests).values({ ...v, tenantId }).returning();
    return r!;
  },

  async requestPage(db: Executor, tenantId: number, f: { id?: number; unitPath?: string; staffId?: number; status?: string; page: number; pageSize: number }) {
    const fromStaff = alias(staff, 'from_staff');
    const toStaff = alias(staff, 'to_staff');
    const where = and(eq(assignmentRequests.tenantId, tenantId),
      f.id ? eq(assignmentRequests.id, f.id) : undefined,
      f.status ? eq(assignmentRequests.status, f.status) : undefined,
      f.unitPath ? sql`${orgUnits.path} like ${f.unitPath + '%'}` : undefined,
      f.staffId ? or(eq(assignmentRequests.toStaffId, f.staffId), eq(assignmentRequests.fromStaffId, f.staffId)) : undefined);
    const base = () => db.select({ r: assignmentRequests, customerName: customers.name, fromName: fromStaff.name, toName: toStaff.name }).from(assignmentRequests)
      .innerJoin(customers, and(eq(customers.tenantId, assignmentRequests.tenantId), eq(customers.id, assignmentRequests.customerId)))
      .innerJoin(orgUnits, unitJoin)
      .innerJoin(toStaff, and(eq(toStaff.tenantId, assignmentRequests.tenantId), eq(toStaff.id, assignmentRequests.toStaffId)))
      .leftJoin(fromStaff, and(eq(fromStaff.tenantId, assignmentRequests.tenantId), eq(fromStaff.id, assignmentRequests.fromStaffId)));
    const [items, [count]] = await Promise.all([
      base().where(where).orderBy(desc(assignmentRequests.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(assignmentRequests)
        .innerJoin(customers, and(eq(customers.tenantId, assignmentRequests.tenantId), eq(customers.id, assignmentRequests.customerId)))
        .innerJoin(orgUnits, unitJoin).where(where),
    ]);
    return { items, total: count?.n ?? 0 };
  },

  async request(db: Executor, tenantId: number, id: number) {
    const [r] = await db.select({ r: assignmentRequests, orgPath: orgUnits.path }).from(assignmentRequests)
      .innerJoin(customers, and(eq(customers.tenantId, assignmentRequests.tenantId), eq(customers.id, assignmentRequests.customerId)))
      .innerJoin(orgUnits, unitJoin)
      .where(and(eq(assignmentRequests.tenantId, tenantId), eq(assignmentRequests.id, id)));
    return r ?? null;
  },

  async pendingFor(db: Executor, tenantId: number, customerId: number): Promise<number> {
    const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(assignmentRequests)
      .where(and(eq(assignmentRequests.tenantId, tenantId), eq(assignmentRequests.customerId, customerId), eq(assignmentRequests.status, 'pending')));
    return r?.n ?? 0;
  },

  /** Marks a pending request decided; returns null when someone decided it first. */
  async decideRequest(db: Executor, tenantId: number, id: number, v: { status: 'approved' | 'rejected'; decidedByName: string; decisionNote: string }): Promise<RequestRow | null> {
    const [r] = await db.update(assignmentRequests).set({ ...v, decidedAt: sql`now()` })
      .where(and(eq(assignmentRequests.tenantId, tenantId), eq(assignmentRequests.id, id), eq(assignmentRequests.status, 'pending'))).returning();
    return r ?? null;
  },
};
