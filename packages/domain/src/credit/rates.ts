// Interest-collection and due-loan recovery rates (收息率, 到期贷款收回率).
import { ratio } from './classification.ts';

export interface InterestRow { dueFen: number; collectedFen: number }
/** Interest-collection rate = interest collected ÷ interest due in the period. */
export function interestCollectionRate(rows: readonly InterestRow[]): { dueFen: number; collectedFen: number; rate: string | null } {
  const dueFen = rows.reduce((s, r) => s + r.dueFen, 0);
  const collectedFen = rows.reduce((s, r) => s + r.collectedFen, 0);
  return { dueFen, collectedFen, rate: ratio(collectedFen, dueFen) };
}

export interface DueLoanRow {
  /** The loan's disbursement date. */
  startDate: string;
  /** Principal that fell due in the period. */
  dueFen: number;
  /** Of it, recovered by the period's end. */
  recoveredFen: number;
}
export interface RecoveryRate { dueFen: number; recoveredFen: number; rate: string | null }

/**
 * Due-loan recovery rate = recovered ÷ due, kept apart for loans granted this year (当年贷款) and
 * loans granted in earlier years (以前年度贷款).
 */
export function dueLoanRecovery(rows: readonly DueLoanRow[], year: number): { thisYear: RecoveryRate; earlier: RecoveryRate; all: RecoveryRate } {
  const sum = (xs: readonly DueLoanRow[]): RecoveryRate => {
    const dueFen = xs.reduce((s, r) => s + r.dueFen, 0);
    const recoveredFen = xs.reduce((s, r) => s + Math.min(r.recoveredFen, r.dueFen), 0);
    return { dueFen, recoveredFen, rate: ratio(recoveredFen, dueFen) };
  };
  const y = String(year);
  return { thisYear: sum(rows.filter((r) => r.startDate.slice(0, 4) === y)), earlier: sum(rows.filter((r) => r.startDate.slice(0, 4) < y)), all: sum(rows) };
}
