import { sql } from 'drizzle-orm';
import type { Executor } from '@kehu/db';
import { num } from './settlement.repository.ts';

/**
 * Shared customers (管户比例) in settlement. A card sale of a customer who, on the sale's date, is
 * assigned to two or more managers is credited to each of them by their share, split exactly in
 * fen with the largest remainder (the same rule as `creditFact` in packages/domain); what the
 * shares leave below 100% stays with the staff member the fact was booked to. Bookings (counted
 * rooms) are never split. See docs/pay-settlement.md.
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
   * fact's staff member. Grouped per recipient, amount band, gift flag, customer and share.
   */
  async sharedCardGroups(db: Executor, tenantId: number, periodId: number, watermark: number, customers: readonly number[], cardFloorsFen: readonly number[]): Promise<SharedCardGroup[]> {
    if (!customers.length) return [];
    const floors = [0, ...cardFloorsFen];
    const r = await db.execute(sql`
      with f as (
        select f.id, f.staff_id as own, f.customer_id, f.amount_fen as amt, f.quantity as qty, f.gifted,
          width_bucket(f.amount_fen, ${sql.raw(`array[${floors.join(',')}]::bigint[]`)}) - 1 as band,
          a.id as aid, a.staff_id as sid, a.share,
          count(a.id) over w as k, coalesce(sum(a.share) over w, 0) as tot
        from pay_facts f
        left join customer_assignments a on a.tenant_id = f.tenant_id and a.customer_id = f.customer_id and a.share > 0
          and a.valid_from <= f.fact_date and (a.valid_to is null or a.valid_to >= f.fact_date)
        where f.tenant_id = ${tenantId} and f.period_id = ${periodId} and f.id <= ${watermark} and f.kind = 'card'
          and f.customer_id = any(${intArray(customers)}::int[])
        window w as (partition by f.id)
      ),
      s1 as (
        select f.*, abs(amt) * share / 100 as exact, floor(abs(amt) * share / 100) as fl, round(abs(amt) * tot / 100) as total from f
      ),
      s2 as (
        select s1.*, total - sum(fl) over (partition by id) as lft,
          row_number() over (partition by id order by exact - fl desc, aid) as rnk from s1
      ),
      parts as (
        -- Each manager's part of a split fact.
        select sid as staff_id, customer_id, share, band, gifted, qty, amt, sign(amt) * (fl + case when rnk <= lft then 1 else 0 end) * qty as credited, true as split
        from s2 where k >= 2
        union all
        -- What the shares leave below 100% stays with the fact's own staff member.
        select own, customer_id, null, band, gifted, qty, amt, (amt - sign(amt) * total) * qty, true from s2 where k >= 2 and rnk = 1 and amt - sign(amt) * total <> 0
        union all
        -- Fewer than two managers that day: an ordinary card of its own staff member.
        select own, customer_id, null, band, gifted, qty, amt, amt * qty, false from s2 where k < 2 and rnk = 1
      )
      select p.staff_id as "staffId", p.band as "bandIndex", p.gifted, p.split, p.customer_id as "customerId", c.name as "customerName", p.share::text as share,
        sum(p.qty) as cards, min(p.amt) as "minWholeFen", sum(p.amt * p.qty) as "wholeFen", sum(p.credited) as "creditedFen"
      from parts p join customers c on c.tenant_id = ${tenantId} and c.id = p.customer_id
      group by p.staff_id, p.band, p.gifted, p.split, p.customer_id, c.name, p.share
      order by p.staff_id, p.customer_id, p.share nulls last, p.band, p.gifted`);
    return (r as { rows: Record<string, unknown>[] }).rows.map((x) => ({
      staffId: num(x.staffId), bandIndex: Math.max(0, num(x.bandIndex)), gifted: x.gifted === true, split: x.split === true, customerId: num(x.customerId), customerName: String(x.customerName),
      share: typeof x.share === 'string' ? x.share : null, cards: num(x.cards), minWholeFen: num(x.minWholeFen), wholeFen: num(x.wholeFen), creditedFen: num(x.creditedFen),
    }));
  },
};
