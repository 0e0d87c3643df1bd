// Sales per person over a period from the pay facts (kind `sale`), for evaluation's quantitative
// items (tobacco rule book: sales amount and average order value). One read, no writes.
import { sql } from 'drizzle-orm';
import type { Db } from '@kehu/db';
import { authorize, type Actor } from '../../lib/actor.ts';
import { notVoided } from './fact-cut.ts';
import { factVoidsRepository } from './fact-voids.repository.ts';

export interface SalesFigure { salesFen: number; orders: number; averageOrderFen: number | null }

export const salesFiguresService = {
  /**
   * Sum and count of the sale facts dated in [from, to] per person, whichever pay period they
   * were loaded into (voided ones left out); the average order is the sum ÷ the number of sale rows, rounded half up to
   * the fen. People with no sale fact are absent (no figure, not zero).
   */
  async salesByStaff(db: Db, actor: Actor, staffIds: number[], period: { from: string; to: string }): Promise<Map<number, SalesFigure>> {
    const scope = authorize(actor, 'pay.readAll');
    const ids = scope === 'own' ? staffIds.filter((id) => id === actor.staffId) : staffIds;
    if (!ids.length) return new Map();
    const unitPath = scope === 'subtree' ? (actor.orgPath ?? '/none/') : null;
    const voided = await factVoidsRepository.allVoids(db, actor.tenantId);
    const r = await db.execute(sql`
      select f.staff_id as "staffId", sum(f.amount_fen)::bigint as "salesFen", count(*)::int as orders
      from pay_facts f join staff s on s.tenant_id = f.tenant_id and s.id = f.staff_id
        join org_units u on u.tenant_id = s.tenant_id and u.id = s.org_unit_id
      where f.tenant_id = ${actor.tenantId} and f.kind = 'sale' and f.fact_date between ${period.from}::date and ${period.to}::date${notVoided(voided, 'f')}
        and f.staff_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) ${unitPath ? sql`and u.path like ${`${unitPath}%`}` : sql``}
      group by f.staff_id`);
    const out = new Map<number, SalesFigure>();
    for (const x of (r as { rows: { staffId: unknown; salesFen: unknown; orders: unknown }[] }).rows) {
      const salesFen = Number(x.salesFen);
      const orders = Number(x.orders);
      out.set(Number(x.staffId), { salesFen, orders, averageOrderFen: orders ? Math.round(salesFen / orders) : null });
    }
    return out;
  },
};
