import { sql, type SQL } from 'drizzle-orm';

/**
 * Which of a period's facts a computation reads: those up to `watermark` (the highest fact id),
 * less the files and facts voided by void `voidWatermark` (pay_fact_voids ids, in order).
 */
export interface FactCut { watermark: number; voidWatermark: number; voidedFiles: number[]; voidedFacts: number[] }

const ints = (xs: readonly number[]) => `{${xs.map((x) => Math.trunc(x)).join(',')}}`;

/**
 * The condition that leaves voided facts out (`f` the facts' alias, if any): empty when nothing
 * is voided, so a computation with no voids reads the facts exactly as before.
 */
export function notVoided(cut: Pick<FactCut, 'voidedFiles' | 'voidedFacts'>, alias?: string): SQL {
  const col = (c: string) => sql.raw(alias ? `${alias}.${c}` : c);
  return sql.join([
    ...(cut.voidedFiles.length ? [sql` and ${col('file_id')} <> all(${ints(cut.voidedFiles)}::int[])`] : []),
    ...(cut.voidedFacts.length ? [sql` and ${col('id')} <> all(${ints(cut.voidedFacts)}::bigint[])`] : []),
  ]);
}

