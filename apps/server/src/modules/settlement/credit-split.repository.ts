import { sql } from 'drizzle-orm';
import type { Executor } from '@kehu/db';
import type { CreditKeptReason } from '@kehu/domain';
import { num } from './settlement.repository.ts';
import { notVoided, type FactCut } from './fact-cut.ts';

/**
 * Shared customers (管户比例) in settlement. A card sale of a customer who, on the sale's date, is
 * assigned to two or more managers is credited to each of them by their share, split exactly in
 * fen with the largest remainder (the same rule as `creditFact` in packages/domain); what the
 * shares leave below 100% stays with the staff member the fact was booked to, and so does the share
 * of a manager who gets no slip in the period (left, or no pay plan), named with the reason.
 * Bookings (counted rooms) are never split. See docs/pay-settlement.md.
 */

/** A text literal of an int array, passed as one parameter on both drivers. */
const intArray = (ids: readonly number[]) => `{${ids.join(',')}}`;

/** A group of card sales credited (in part) to one person: per band/gift bucket and customer/share. */
export interface SharedCardGroup {
  staffId: number;
  /** The card's whole amount decides its band (rate); `creditedFen` is what this person is credited. */
  bandIndex: number;
  gifted: boolean;
  /** False when the customer had fewer than two managers on the sale's date: an ordinary card. */
  split: boolean;
  customerId: number;
  customerName: string;
  /** The manager's share ("60.00"), or null for the rest kept by the fact's own staff member. */
  share: string | null;
  /** Set when `share` is that of another manager who gets no slip, kept by this person (the seller). */
  keptFor: { staffId: number; staffName: string; reason: CreditKeptReason } | null;
  cards: number;
  minWholeFen: number;
  wholeFen: number;
  creditedFen: number;
}

export const creditSplitRepository = {
  /**
   * Customers with two or more assignments in force at some time of [from, to): the only ones
   * whose card facts can be split. Usually a short list, so the main aggregate stays one scan.
   */
  async sharedCustomers(db: Executor, tenantId: number, from: string, to: string): Promise<number[]> {
    const r = await db.execute(sql`select customer_id as id from customer_assignments
      where tenant_id = ${tenantId} and valid_from < ${to}::date and (valid_to is null or valid_to >= ${from}::date) and share > 0
      group by customer_id having count(*) > 1 order by customer_id`);
    return (r as { rows: { id: unknown }[] }).rows.map((x) => num(x.id));
  },

  /**
   * The card facts of those customers, split set-based: every fact joins the assignments in force
   * on its date; each assignee gets ⌊amount × share⌋ plus one fen for the largest remainders
   * (ties to the earlier assignment) until Σ = round(amount × Σshares); the rest goes to the
   * fact's staff member, and so does the part of an assignee not in `paidStaff` (who gets no slip:
   * reason `left` when their status is left, else `no_plan`). Grouped per recipient, amount band,
   * gift flag, customer, share and whose share was kept.
   */
  async sharedCardGroups(db: Executor, tenantId: number, periodId: number, cut: FactCut, customers: readonly number[], cardFloorsFen: readonly number[], paidStaff: readonly number[]): Promise<SharedCardGroup[]> {
    if (!customers.length) return [];
    const floors = [0, ...cardFloorsFen];
    // Integer arithmetic throughout: shares in hundredths of a percent (sh, Σ = tot ≤ 10000), so the
    // exact part is aa × sh / 10000 fen, its remainder (aa × sh) mod 10000. One sort per fact's rows
    // gives the count, Σshares, Σfloors and the remainder rank; a lateral pair emits each part and,
    // once per fact, the rest kept by the seller. No row is materialised twice.
    // Inside the run's transaction: a little more memory keeps the sort and grouping off disk.
    await db.execute(sql`set local work_mem = '64MB'`);
    const r = await db.execute(sql`
      with paid as (select distinct unnest(${intArray(paidStaff)}::int[]) as id),
      f as (
        select f.id, f.staff_id as own, f.customer_id, f.amount_fen as amt, abs(f.amount_fen) as aa, case when f.amount_fen < 0 then -1 else 1 end as sg,
          f.quantity as qty, f.gifted, width_bucket(f.amount_fen, ${sql.raw(`array[${floors.join(',')}]::bigint[]`)}) - 1 as band,
          a.id as aid, a.staff_id as sid, (a.share * 100)::bigint as sh,
          -- An assignee who gets no slip (and is not the seller): their part stays with the seller.
          case when a.staff_id is not null and paid.id is null and a.staff_id <> f.staff_id then a.staff_id end as gone
        from pay_facts f
        left join customer_assignments a on a.tenant_id = f.tenant_id and a.customer_id = f.customer_id and a.share > 0
          and a.valid_from <= f.fact_date and (a.valid_to is null or a.valid_to >= f.fact_date)
        left join paid on paid.id = a.staff_id
        where f.tenant_id = ${tenantId} and f.period_id = ${periodId} and f.id <= ${cut.watermark}${notVoided(cut, 'f')} and f.kind = 'card'
          and f.customer_id = any(${intArray(customers)}::int[])
      ),
      w as (
        select f.*, count(aid) over p as k, coalesce(sum(sh) over p, 0)::bigint as tot, coalesce(sum(aa * sh / 10000) over p, 0)::bigint as fls,
          row_number() over (partition by id order by (aa * sh) % 10000 desc, aid) as rnk
        from f window p as (partition by id)
      ),
      parts as (
        select case when r.rest or k < 2 or gone is not null then own else sid end as staff_id, customer_id, case when r.rest or k < 2 then null else sh end as sh,
          case when r.rest or k < 2 then null else gone end as kept_for, band, gifted, qty, amt, k >= 2 as split,
          case
            when k < 2 then amt * qty
            -- What the shares leave below 100% stays with the fact's own staff member.
            when r.rest then (amt - sg * ((aa * tot + 5000) / 10000)) * qty
            -- ⌊exact⌋, plus one fen for the largest remainders until Σ = round(aa × Σshares).
            else sg * (aa * sh / 10000 + case when rnk <= (aa * tot + 5000) / 10000 - fls then 1 else 0 end) * qty
          end as credited
        from w cross join lateral (values (false), (true)) as r(rest)
        where (not r.rest and (k >= 2 or rnk = 1)) or (r.rest and k >= 2 and rnk = 1 and (aa * tot + 5000) / 10000 <> aa)
      ),
      g as (
        select staff_id, band, gifted, split, customer_id, sh, kept_for, sum(qty) as cards, min(amt) as "minWholeFen", sum(amt * qty) as "wholeFen", sum(credited) as "creditedFen"
        from parts group by staff_id, band, gifted, split, customer_id, sh, kept_for
      )
      select g.staff_id as "staffId", g.band as "bandIndex", g.gifted, g.split, g.customer_id as "customerId", c.name as "customerName", (g.sh::numeric / 100)::numeric(5, 2)::text as share,
        g.kept_for as "keptForId", ks.name as "keptForName", case when ks.status = 'left' then 'left' else 'no_plan' end as "keptReason",
        g.cards, g."minWholeFen", g."wholeFen", g."creditedFen"
      from g join customers c on c.tenant_id = ${tenantId} and c.id = g.customer_id
      left join staff ks on ks.tenant_id = ${tenantId} and ks.id = g.kept_for
      order by g.staff_id, g.customer_id, g.sh desc nulls last, g.kept_for nulls first, g.band, g.gifted`);
    await db.execute(sql`reset work_mem`);
    return (r as { rows: Record<string, unknown>[] }).rows.map((x) => ({
      staffId: num(x.staffId), bandIndex: Math.max(0, num(x.bandIndex)), gifted: x.gifted === true, split: x.split === true, customerId: num(x.customerId), customerName: String(x.customerName),
      share: typeof x.share === 'string' ? x.share : null,
      keptFor: x.keptForId === null || x.keptForId === undefined ? null : { staffId: num(x.keptForId), staffName: String(x.keptForName), reason: x.keptReason === 'left' ? 'left' as const : 'no_plan' as const },
      cards: num(x.cards), minWholeFen: num(x.minWholeFen), wholeFen: num(x.wholeFen), creditedFen: num(x.creditedFen),
    }));
  },
};
