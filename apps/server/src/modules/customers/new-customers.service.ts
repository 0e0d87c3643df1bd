// New customers per manager over a period, for evaluation's quantitative items (tobacco rule
// book: 新客户数量; rural credit norms: new customers). One read, no writes.
import { sql } from 'drizzle-orm';
import type { Db } from '@kehu/db';
import { authorize, type Actor } from '../../lib/actor.ts';

export const newCustomersService = {
  /**
   * Customers whose first assignment to anyone began in [from, to], counted for each manager that
   * assignment went to: a customer handed over from a colleague is not new.
   */
  async byManager(db: Db, actor: Actor, staffIds: number[], period: { from: string; to: string }): Promise<Map<number, number>> {
    const scope = authorize(actor, 'compliance.read');
    const ids = scope === 'own' ? staffIds.filter((id) => id === actor.staffId) : staffIds;
    if (!ids.length) return new Map();
    const unitPath = scope === 'subtree' ? (actor.orgPath ?? '/none/') : null;
    const r = await db.execute(sql`
      select a.staff_id as "staffId", count(distinct a.customer_id)::int as n
      from customer_assignments a join staff s on s.tenant_id = a.tenant_id and s.id = a.staff_id
        join org_units u on u.tenant_id = s.tenant_id and u.id = s.org_unit_id
      where a.tenant_id = ${actor.tenantId} and a.valid_from between ${period.from}::date and ${period.to}::date
        and not exists (select 1 from customer_assignments b where b.tenant_id = a.tenant_id and b.customer_id = a.customer_id and b.valid_from < a.valid_from)
        and a.staff_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) ${unitPath ? sql`and u.path like ${`${unitPath}%`}` : sql``}
      group by a.staff_id`);
    return new Map((r as { rows: { staffId: unknown; n: unknown }[] }).rows.map((x) => [Number(x.staffId), Number(x.n)]));
  },
};
