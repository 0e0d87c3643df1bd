// Average daily balance from day-sums (积数). Each account keeps a running day-sum: the sum of its
// end-of-day balance over every day up to and including a date. A missing day carries the last
// known balance forward (the balance did not change). Any period's average is then
// (S(end) − S(start − 1)) ÷ calendar days: a subtraction, not a rescan.
import dayjs from 'dayjs';

export interface DailyBalance { date: string; balanceFen: number }
export interface DaySum { date: string; balanceFen: number; cumulativeFen: number }

const nextDay = (d: string): string => dayjs(d).add(1, 'day').format('YYYY-MM-DD');
export const calendarDays = (from: string, to: string): number => Math.round(dayjs(to).diff(dayjs(from), 'day', true)) + 1;

/**
 * Fills every calendar day from the first balance to `through` (missing days carry the previous
 * balance) and returns the running day-sums. `previous` continues an existing series.
 */
export function buildDaySums(balances: readonly DailyBalance[], through: string, previous?: DaySum): DaySum[] {
  const sorted = [...balances].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: DaySum[] = [];
  let cur = previous ? nextDay(previous.date) : sorted[0]?.date;
  if (cur === undefined) return out;
  let bal = previous?.balanceFen ?? 0;
  let cum = previous?.cumulativeFen ?? 0;
  let i = 0;
  while (i < sorted.length && sorted[i]!.date < cur) i += 1;
  while (cur <= through) {
    while (i < sorted.length && sorted[i]!.date === cur) {
      bal = sorted[i]!.balanceFen;
      i += 1;
    }
    cum += bal;
    out.push({ date: cur, balanceFen: bal, cumulativeFen: cum });
    cur = nextDay(cur);
  }
  return out;
}

/** Day-sum on `date` from a sorted series: the entry on or before it (carried forward), 0 before the series. */
export function daySumOn(series: readonly DaySum[], date: string): number {
  let lo = 0;
  let hi = series.length - 1;
  let found: DaySum | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = series[mid]!;
    if (s.date <= date) {
      found = s;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (!found) return 0;
  // past the end: the last balance carries forward
  return found.cumulativeFen + found.balanceFen * (calendarDays(found.date, date) - 1);
}

/** Average daily balance (日均余额) over [from, to], in fen (2 decimals). */
export function averageDailyBalance(series: readonly DaySum[], from: string, to: string): { daySumFen: number; days: number; averageFen: number } {
  const daySumFen = daySumOn(series, to) - daySumOn(series, dayjs(from).subtract(1, 'day').format('YYYY-MM-DD'));
  const days = calendarDays(from, to);
  return { daySumFen, days, averageFen: Math.round((daySumFen / days) * 100) / 100 };
}

/** Deviation (存款偏离度) = (month-end balance − month average) ÷ month average. */
export function deviation(monthEndFen: number, averageFen: number): number | null {
  if (averageFen === 0) return null;
  return Math.round(((monthEndFen - averageFen) / averageFen) * 10_000) / 10_000;
}
