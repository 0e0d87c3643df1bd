// The staging table of a loan import: checked rows are COPYed in as they stream (flat memory), then
// duplicates, borrowers and staff are checked and the loans inserted set-based, all in one transaction.
import { sql } from 'drizzle-orm';
import type { Executor } from '@kehu/db';
import { copyText, openCopy, type TxCopy } from '../../lib/bulk-copy.ts';
import type { LoanDraft } from './loan-rows.ts';

const STAGE_COLUMNS = 'row, loan_no, customer_no, id_no, product, amount_fen, balance_fen, annual_rate, start_date, maturity_date, guarantee_type, collateral, loan_class, manager_staff_id, recommender_staff_id, village';
const rowsOf = <R>(r: unknown): R[] => (r as { rows: R[] }).rows;

/** A reference check that failed: the row and which check (order = the columns' order in a report). */
export interface StageProblem { row: number; problem: 'borrower' | 'id_mismatch' | 'manager' | 'recommender'; customer_no: string; id_no: string; manager_staff_id: number; recommender_staff_id: number }

export const loanStageRepository = {
  /** Creates the transaction's staging table (dropped at commit) and opens a COPY into it. */
  async open(tx: Executor): Promise<TxCopy> {
    await tx.execute(sql.raw(`create temp table loan_import_stage (row int not null, loan_no text not null, customer_no text not null, id_no text not null, product text not null,
      amount_fen bigint not null, balance_fen bigint not null, annual_rate text not null, start_date text not null, maturity_date text not null, guarantee_type text not null,
      collateral text not null, loan_class text not null, manager_staff_id int not null, recommender_staff_id int not null, village text not null) on commit drop`));
    return openCopy(tx, `copy loan_import_stage (${STAGE_COLUMNS})`);
  },

  /** One checked row as a line of COPY's text format. */
  line(d: LoanDraft): string {
    return `${[d.row, copyText(d.loanNo), copyText(d.customerNo), copyText(d.idNo), d.product, d.amountFen, d.balanceFen, d.annualRate, d.startDate, d.maturityDate, d.guaranteeType,
      copyText(d.collateral), d.loanClass, d.managerStaffId, d.recommenderStaffId, copyText(d.village)].join('\t')}\n`;
  },

  /** After the COPY: an index for the checks, and fresh statistics so the planner joins by hash. */
  async index(tx: Executor): Promise<void> {
    await tx.execute(sql.raw('create index on loan_import_stage (loan_no)'));
    await tx.execute(sql.raw('analyze loan_import_stage'));
  },

  /** Rows whose loan number an earlier row already had, with that row (first `limit`). */
  async duplicates(tx: Executor, limit: number): Promise<{ row: number; first: number }[]> {
    return rowsOf(await tx.execute(sql`select s.row, d.first from loan_import_stage s
      join (select loan_no, min(row) as first from loan_import_stage group by loan_no having count(*) > 1) d on d.loan_no = s.loan_no
      where s.row > d.first order by s.row limit ${limit}`));
  },

  /** Which of `loanNos` the file holds. */
  async loanNosInFile(tx: Executor, loanNos: string[]): Promise<Set<string>> {
    if (!loanNos.length) return new Set();
    const r = rowsOf<{ loan_no: string }>(await tx.execute(sql`select distinct loan_no from loan_import_stage where loan_no in (select jsonb_array_elements_text(${JSON.stringify(loanNos)}::jsonb))`));
    return new Set(r.map((x) => x.loan_no));
  },

  /**
   * Resolves borrowers (customer number, else ID number) and staff in the units under `unitPath`
   * into a second staging table; returns the first `limit` failed checks in row order.
   */
  async resolve(tx: Executor, tenantId: number, unitPath: string, limit: number): Promise<StageProblem[]> {
    const path = `${unitPath}%`;
    await tx.execute(sql`create temp table loan_import_resolved on commit drop as
      select s.*, coalesce(cn.id, ci.id) as customer_id, coalesce(cn.id_no, ci.id_no) as customer_id_no, m.org_unit_id, r.id as recommender_ok
      from loan_import_stage s
      left join lateral (select c.id, c.id_no from customers c join org_units u on u.tenant_id = c.tenant_id and u.id = c.org_unit_id
        where s.customer_no <> '' and c.tenant_id = ${tenantId} and c.customer_no = s.customer_no and u.path like ${path} limit 1) cn on true
      left join lateral (select c.id, c.id_no from customers c join org_units u on u.tenant_id = c.tenant_id and u.id = c.org_unit_id
        where s.customer_no = '' and c.tenant_id = ${tenantId} and c.id_no = s.id_no and u.path like ${path} order by c.id limit 1) ci on true
      left join lateral (select st.org_unit_id from staff st join org_units u on u.tenant_id = st.tenant_id and u.id = st.org_unit_id
        where st.tenant_id = ${tenantId} and st.id = s.manager_staff_id and u.path like ${path}) m on true
      left join lateral (select st.id from staff st join org_units u on u.tenant_id = st.tenant_id and u.id = st.org_unit_id
        where st.tenant_id = ${tenantId} and st.id = s.recommender_staff_id and u.path like ${path}) r on true`);
    return rowsOf(await tx.execute(sql`select row, problem, customer_no, id_no, manager_staff_id, recommender_staff_id from (
        select row, 1 as k, 'borrower' as problem, customer_no, id_no, manager_staff_id, recommender_staff_id from loan_import_resolved where customer_id is null
        union all select row, 2, 'id_mismatch', customer_no, id_no, manager_staff_id, recommender_staff_id from loan_import_resolved
          where customer_id is not null and customer_no <> '' and id_no <> '' and upper(customer_id_no) <> id_no
        union all select row, 3, 'manager', customer_no, id_no, manager_staff_id, recommender_staff_id from loan_import_resolved where org_unit_id is null
        union all select row, 4, 'recommender', customer_no, id_no, manager_staff_id, recommender_staff_id from loan_import_resolved where recommender_ok is null
      ) p order by row, k limit ${limit}`));
  },

  /** One INSERT … SELECT of the resolved rows; a loan number already on file is left as it is. Returns how many went in. */
  async insert(tx: Executor, tenantId: number): Promise<number> {
    const r = rowsOf<{ n: unknown }>(await tx.execute(sql`with ins as (
      insert into loans (tenant_id, loan_no, customer_id, org_unit_id, manager_staff_id, recommender_staff_id, product, amount_fen, balance_fen, annual_rate, start_date, maturity_date,
        guarantee_type, collateral, loan_class, village)
      select ${tenantId}, loan_no, customer_id, org_unit_id, manager_staff_id, recommender_staff_id, product, amount_fen, balance_fen, annual_rate::numeric, start_date::date, maturity_date::date,
        guarantee_type, collateral, loan_class, village
      from loan_import_resolved order by row
      on conflict (tenant_id, loan_no) do nothing returning 1)
      select count(*)::int as n from ins`));
    return Number(r[0]?.n ?? 0);
  },
};
