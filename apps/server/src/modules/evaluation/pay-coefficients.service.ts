import { sql } from 'drizzle-orm';
import type { Executor } from '@kehu/db';

/** The published evaluation result pay reads for a period: coefficient, band and the cycle it came from. */
export interface PayCoefficient { coefficient: string; band: string | null; cycleId: number; cycleName: string }

/**
 * What the evaluation module gives pay (issue 5: "results feed pay"): per person, the published
 * result of the latest cycle (by its end date) published on or before `onDate` — the last day of
 * the pay period — so re-running a period later reads the same result. Only published results
 * (published, acknowledged, appealed, final) count; calibration wins over the scored band.
 */
export const payCoefficientsService = {
  async forPeriodEnding(db: Executor, tenantId: number, onDate: string): Promise<Map<number, PayCoefficient>> {
    const r = await db.execute(sql`select distinct on (r.staff_id) r.staff_id as "staffId", r.coefficient::text as coefficient, coalesce(r.calibrated_band, r.band) as band,
        c.id as "cycleId", c.name as "cycleName"
      from eval_results r join eval_cycles c on c.tenant_id = r.tenant_id and c.id = r.cycle_id
      where r.tenant_id = ${tenantId} and r.status in ('published', 'acknowledged', 'appealed', 'final') and r.coefficient is not null
        and r.published_on is not null and r.published_on <= ${onDate}::date
      order by r.staff_id, c.ends_on desc, c.id desc`);
    const rows = (r as { rows: { staffId: unknown; coefficient: string; band: string | null; cycleId: unknown; cycleName: string }[] }).rows;
    return new Map(rows.map((x) => [Number(x.staffId), { coefficient: x.coefficient, band: x.band, cycleId: Number(x.cycleId), cycleName: x.cycleName }]));
  },
};
