import { sql } from 'drizzle-orm';
import type { Executor } from '@kehu/db';
import type { GuarantorDraft, InstalmentDraft } from './loan-extra-rows.ts';

const countOf = (r: unknown): number => Number((r as { rows: { n: unknown }[] }).rows[0]?.n ?? 0);
const CHUNK = 5000;

export const loanExtrasRepository = {
  /** Which of `loanNos` are on file for the tenant in a unit under `unitPath`. */
  async loanNosOnFile(db: Executor, tenantId: number, loanNos: string[], unitPath: string): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < loanNos.length; i += CHUNK) {
      const r = await db.execute(sql`select l.loan_no from loans l join org_units u on u.tenant_id = l.tenant_id and u.id = l.org_unit_id
        where l.tenant_id = ${tenantId} and l.loan_no in (select jsonb_array_elements_text(${JSON.stringify(loanNos.slice(i, i + CHUNK))}::jsonb)) and u.path like ${`${unitPath}%`}`);
      for (const row of (r as { rows: { loan_no: string }[] }).rows) found.add(row.loan_no);
    }
    return found;
  },

  /**
   * Guarantors by loan number (the loan must be on file by now); a guarantor already on file for the
   * loan (same ID number) is left as it is. A guarantor who is a customer is linked by ID number.
   */
  async insertGuarantors(db: Executor, tenantId: number, rows: GuarantorDraft[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK).map((g) => ({ loan_no: g.loanNo, name: g.name, id_no: g.idNo, kind: g.guaranteeKind, agreed_end: g.agreedEnd, unclear: g.agreedUnclear, related: g.related, problem: g.problem }));
      n += countOf(await db.execute(sql`with ins as (
        insert into loan_guarantors (tenant_id, loan_id, name, id_no, customer_id, guarantee_kind, agreed_end, agreed_unclear, related, problem)
        select ${tenantId}, l.id, x.name, x.id_no,
          (select c.id from customers c where c.tenant_id = ${tenantId} and c.id_no = x.id_no order by c.id limit 1),
          x.kind, x.agreed_end::date, x.unclear, x.related, x.problem
        from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as x(loan_no text, name text, id_no text, kind text, agreed_end text, unclear boolean, related boolean, problem text)
        join loans l on l.tenant_id = ${tenantId} and l.loan_no = x.loan_no
        on conflict (tenant_id, loan_id, id_no) do nothing returning 1)
        select count(*)::int as n from ins`));
    }
    return n;
  },

  /** Instalments by loan number; an instalment number already on file for the loan is left as it is. */
  async insertInstalments(db: Executor, tenantId: number, rows: InstalmentDraft[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK).map((r) => ({ loan_no: r.loanNo, seq: r.seq, due: r.dueDate, principal: r.principalFen, interest: r.interestFen }));
      n += countOf(await db.execute(sql`with ins as (
        insert into loan_instalments (tenant_id, loan_id, seq, due_date, principal_fen, interest_fen)
        select ${tenantId}, l.id, x.seq, x.due::date, x.principal, x.interest
        from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as x(loan_no text, seq int, due text, principal bigint, interest bigint)
        join loans l on l.tenant_id = ${tenantId} and l.loan_no = x.loan_no
        on conflict (tenant_id, loan_id, seq) do nothing returning 1)
        select count(*)::int as n from ins`));
    }
    return n;
  },
};
