import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { loans, orgUnits, staff, type Executor } from '@kehu/db';

export interface LoanInsert {
  loanNo: string; customerId: number; orgUnitId: number; managerStaffId: number; recommenderStaffId: number; product: string; amountFen: number; balanceFen: number;
  annualRate: string; startDate: string; maturityDate: string; guaranteeType: string; collateral: string; loanClass: string; village: string;
}

export const loansImportRepository = {
  /** Staff members among `ids` whose unit lies under `unitPath`, with their unit. */
  async staffInPath(db: Executor, tenantId: number, ids: number[], unitPath: string): Promise<Map<number, { orgUnitId: number }>> {
    if (!ids.length) return new Map();
    const rows = await db.select({ id: staff.id, orgUnitId: staff.orgUnitId }).from(staff)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId)))
      .where(and(eq(staff.tenantId, tenantId), inArray(staff.id, ids), like(orgUnits.path, `${unitPath}%`)));
    return new Map(rows.map((r) => [r.id, { orgUnitId: r.orgUnitId }]));
  },

  /**
   * Inserts loans set-based (one statement per 5,000 rows from a JSON array); a loan number already
   * on file is left as it is (the import key is tenant + loan number). Returns how many went in.
   */
  async insertLoans(db: Executor, tenantId: number, rows: LoanInsert[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < rows.length; i += 5000) {
      const part = rows.slice(i, i + 5000);
      const r = await db.execute(sql`with ins as (
        insert into loans (tenant_id, loan_no, customer_id, org_unit_id, manager_staff_id, recommender_staff_id, product, amount_fen, balance_fen, annual_rate, start_date, maturity_date,
          guarantee_type, collateral, loan_class, village)
        select ${tenantId}, x.loan_no, x.customer_id, x.org_unit_id, x.manager_staff_id, x.recommender_staff_id, x.product, x.amount_fen, x.balance_fen, x.annual_rate::numeric, x.start_date::date,
          x.maturity_date::date, x.guarantee_type, x.collateral, x.loan_class, x.village
        from jsonb_to_recordset(${JSON.stringify(part.map((p) => ({
          loan_no: p.loanNo, customer_id: p.customerId, org_unit_id: p.orgUnitId, manager_staff_id: p.managerStaffId, recommender_staff_id: p.recommenderStaffId, product: p.product,
          amount_fen: p.amountFen, balance_fen: p.balanceFen, annual_rate: p.annualRate, start_date: p.startDate, maturity_date: p.maturityDate, guarantee_type: p.guaranteeType,
          collateral: p.collateral, loan_class: p.loanClass, village: p.village,
        })))}::jsonb) as x(loan_no text, customer_id int, org_unit_id int, manager_staff_id int, recommender_staff_id int, product text, amount_fen bigint, balance_fen bigint,
          annual_rate text, start_date text, maturity_date text, guarantee_type text, collateral text, loan_class text, village text)
        on conflict (tenant_id, loan_no) do nothing returning 1)
        select count(*)::int as n from ins`);
      n += Number((r as { rows: { n: unknown }[] }).rows[0]?.n ?? 0);
    }
    return n;
  },

  async loanIdByNo(db: Executor, tenantId: number, loanNo: string): Promise<number | null> {
    const [r] = await db.select({ id: loans.id }).from(loans).where(and(eq(loans.tenantId, tenantId), eq(loans.loanNo, loanNo)));
    return r?.id ?? null;
  },
};
