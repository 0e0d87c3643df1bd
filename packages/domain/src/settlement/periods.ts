import { payday } from '../calendar/payday.ts';
/** Pay periods are calendar months written YYYY-MM (spa pay rules: 1st to the last day of the month). */
export const PAY_PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPayPeriod(s: string): boolean {
  return PAY_PERIOD_PATTERN.test(s);
}

/** First and last day of a period, YYYY-MM-DD. */
export function payPeriodBounds(period: string): { from: string; to: string } {
  const m = PAY_PERIOD_PATTERN.exec(period);
  if (!m) throw new RangeError(`not a period: ${period}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` };
}

/** The month after `period`. */
export function nextPayPeriod(period: string): string {
  const m = PAY_PERIOD_PATTERN.exec(period);
  if (!m) throw new RangeError(`not a period: ${period}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/**
 * Payday for a period when the policy does not give one: the 15th of the next month, later by
 * one day per distinct leave/absence date between the 1st and the 15th of that month inclusive
 * (spa pay rules; calendar days — the decision the spa-pay preset records as well).
 */
export function defaultPayday(period: string, leaveDates: readonly string[]): string {
  return payday(period, leaveDates, { day: 15, fromDay: 1, toDay: 15, count: 'calendar' }).date;
}
