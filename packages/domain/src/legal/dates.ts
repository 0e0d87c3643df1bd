import dayjs from 'dayjs';
import { addDays } from '../calendar/dates.ts';

/**
 * Calendar arithmetic for legal periods (Civil Code arts. 200–203).
 *
 * Reading chosen here:
 * - Art. 201: a period counted in years or months does not count its first day; counting starts the
 *   next day. Art. 202: it ends on the day of the last month that corresponds to the start day, and
 *   if that month has no such day, on its last day. So "3 years from 2020-01-10" ends on 2023-01-10
 *   (the first day, 2020-01-10, is not counted; the 3 years run 2020-01-11 … 2023-01-10), and
 *   "3 years from 2016-02-29" ends on 2019-02-28 (February 2019 has no 29th). dayjs `add` clamps to
 *   the month's last day in exactly this way.
 * - 届满 (a period "runs out") is read as including its last day (art. 1259: 届满 includes the
 *   number): the last day ends at 24:00 (art. 203), so an act done ON the expiry day is in time and
 *   one done the day after is late.
 * - Art. 203: if the last day is a statutory holiday, the day after the holiday ends is the last
 *   day. Holidays are modelled only when the caller passes a set of non-working days (ISO dates);
 *   with none given no holiday shift is made (the conservative reading for alerts: a deadline is
 *   never shown later than it may be).
 */
export type IsoDate = string;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function assertIsoDate(d: string): IsoDate {
  if (!ISO.test(d) || !dayjs(d).isValid() || dayjs(d).format('YYYY-MM-DD') !== d) throw new RangeError(`not a date: ${d}`);
  return d;
}

export { addYears, addMonths, addDays, daysBetween } from '../calendar/dates.ts';

export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);

/** Art. 203: a last day that falls on a non-working day moves to the next working day. */
export function shiftOffHolidays(d: IsoDate, nonWorkingDays?: ReadonlySet<string>): IsoDate {
  if (!nonWorkingDays || nonWorkingDays.size === 0) return d;
  let x = d;
  for (let i = 0; i < 366 && nonWorkingDays.has(x); i += 1) x = addDays(x, 1);
  return x;
}
