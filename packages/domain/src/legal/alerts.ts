// Deadline alerts: 90, 30 and 7 days before any deadline. Pure: deadlines + today → the alerts due.
import { daysBetween, type IsoDate } from './dates.ts';

export const ALERT_THRESHOLDS = [90, 30, 7] as const;

export interface Deadline {
  /** Stable key, e.g. `claim:<id>` or `guarantee:<id>`. */
  key: string;
  kind: 'limitation' | 'guarantee' | 'disposal';
  date: IsoDate;
}

export interface DueAlert<D extends Deadline = Deadline> {
  deadline: D;
  /** The stage reached: 90, 30 or 7 days before, or 0 on/after the day itself (expired when daysLeft < 0). */
  stage: number;
  daysLeft: number;
  /** Dedup key: one notification per deadline and stage. */
  alertKey: string;
}

/**
 * For each deadline within the largest threshold, the tightest stage reached today: 45 days left →
 * stage 90; 30 → stage 30; 7 → stage 7; the day itself → stage 0; past it → stage 0 with daysLeft < 0
 * (only shown while `overdueDays` has not passed).
 */
export function dueAlerts<D extends Deadline>(deadlines: readonly D[], today: IsoDate, thresholds: readonly number[] = ALERT_THRESHOLDS, overdueDays = 0): DueAlert<D>[] {
  const sorted = [...thresholds].sort((a, b) => a - b);
  const out: DueAlert<D>[] = [];
  for (const d of deadlines) {
    const left = daysBetween(today, d.date);
    if (left < -overdueDays) continue;
    const stage = left <= 0 ? 0 : sorted.find((t) => left <= t);
    if (stage === undefined) continue;
    out.push({ deadline: d, stage, daysLeft: left, alertKey: `${d.key}:${d.date}:${stage}` });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.deadline.key.localeCompare(b.deadline.key));
}
