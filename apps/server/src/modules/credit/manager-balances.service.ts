// Average daily deposit and loan balances per manager over a period, for evaluation (issue 7:
// credit figures appear in an evaluation cycle). Kept apart from credit.service.ts on purpose:
// one read, no writes. Added by the evaluation work; the credit module owns it from here.
import { sql } from 'drizzle-orm';
import { averageDailyBalance, type DaySum } from '@kehu/domain';
import type { Db, Executor } from '@kehu/db';
import { authorize, type Actor } from '../../lib/actor.ts';

interface Row { kind: string; account: string; cut: string; day: string; balance: unknown; daySum: unknown; staffId: unknown; share: unknown }

/** The last day-sum row on or before each cut date, per account, with the manager it is credited to. */
async function lastRows(db: Executor, tenantId: number, cuts: [string, string], to: string, unitPath: string | null, staffIds: number[]): Promise<Row[]> {
  const r = await db.execute(sql`
    with last as (
      select distinct on (d.account_kind, d.account_no, k.cut) d.account_kind, d.account_no, d.customer_id, k.cut, d.day, d.balance_fen, d.day_sum_fen
      from balance_day_sums d cross join (values (${cuts[0]}::date), (${cuts[1]}::date)) as k(cut)
      where d.tenant_id = ${tenantId} and d.day <= k.cut
      order by d.account_kind, d.account_no, k.cut, d.day desc
    ), owner as (
      -- loans: the loan's manager; deposits: the customer's managers on the last day, by their share (管户比例)
      select l.account_kind, l.account_no, ln.manager_staff_id as staff_id, 100::numeric as share
        from (select distinct account_kind, account_no from last where account_kind = 'loan') l
        join loans ln on ln.tenant_id = ${tenantId} and ln.loan_no = l.account_no
      union all
      select l.account_kind, l.account_no, a.staff_id, a.share
        from (select distinct account_kind, account_no, customer_id from last where account_kind = 'deposit') l
        join customer_assignments a on a.tenant_id = ${tenantId} and a.customer_id = l.customer_id
          and a.valid_from <= ${to}::date and (a.valid_to is null or a.valid_to >= ${to}::date)
    )
    select last.account_kind as kind, last.account_no as account, last.cut::text as cut, last.day::text as day, last.balance_fen as balance, last.day_sum_fen as "daySum",
      o.staff_id as "staffId", o.share
    from last join owner o on o.account_kind = last.account_kind and o.account_no = last.account_no
      join staff s on s.tenant_id = ${tenantId} and s.id = o.staff_id
      join org_units u on u.tenant_id = s.tenant_id and u.id = s.org_unit_id
    where o.staff_id in (${sql.join(staffIds.length ? staffIds.map((id) => sql`${id}`) : [sql`-1`], sql`, `)})
      ${unitPath ? sql`and u.path like ${`${unitPath}%`}` : sql``}`);
  return (r as { rows: Row[] }).rows;
}

const prevDay = (d: string): string => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export interface ManagerBalance { depositAverageFen: number | null; loanAverageFen: number | null; depositAccounts: number; loanAccounts: number; days: number }

export const managerBalancesService = {
  /**
   * Per manager, the average daily balance (日均余额) of the deposit and loan accounts credited to
   * them over [from, to], from the day-sums (积数): one subtraction per account. A deposit shared
   * by several managers counts by each one's share. Managers with no account have no figure.
   */
  async averagesByManager(db: Db, actor: Actor, staffIds: number[], period: { from: string; to: string }): Promise<Map<number, ManagerBalance>> {
    const scope = authorize(actor, 'credit.figures');
    const ids = scope === 'own' ? staffIds.filter((id) => id === actor.staffId) : staffIds;
    const rows = await lastRows(db, actor.tenantId, [period.to, prevDay(period.from)], period.to, scope === 'subtree' ? (actor.orgPath ?? '/none/') : null, ids);
    const accounts = new Map<string, { kind: string; staffId: number; share: number; series: DaySum[] }>();
    for (const r of rows) {
      const key = `${r.kind}|${r.account}|${Number(r.staffId)}`;
      const a = accounts.get(key) ?? { kind: r.kind, staffId: Number(r.staffId), share: Number(r.share), series: [] };
      if (!a.series.some((s) => s.date === r.day)) a.series.push({ date: r.day, balanceFen: Number(r.balance), cumulativeFen: Number(r.daySum) });
      accounts.set(key, a);
    }
    const out = new Map<number, ManagerBalance>();
    for (const a of accounts.values()) {
      a.series.sort((x, y) => (x.date < y.date ? -1 : 1));
      const avg = averageDailyBalance(a.series, period.from, period.to);
      const m = out.get(a.staffId) ?? { depositAverageFen: null, loanAverageFen: null, depositAccounts: 0, loanAccounts: 0, days: avg.days };
      // fen × share% rounded to the fen, half up.
      const part = Math.round((avg.averageFen * a.share) / 100);
      if (a.kind === 'deposit') { m.depositAverageFen = (m.depositAverageFen ?? 0) + part; m.depositAccounts += 1; }
      else { m.loanAverageFen = (m.loanAverageFen ?? 0) + part; m.loanAccounts += 1; }
      out.set(a.staffId, m);
    }
    return out;
  },
};
