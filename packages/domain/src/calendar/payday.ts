import dayjs from 'dayjs';

/**
 * Payday (spa pay rules, 薪资发放日期): the `day` of the month after the period; whoever takes
 * leave or is absent between the `fromDay` and `toDay` of that month is paid later by that many
 * days. `count` says whether weekend days count ('calendar', the rule book's plain reading) or
 * not ('working').
 */
export interface PaydayRule { day: number; fromDay: number; toDay: number; count: 'calendar' | 'working' }

export interface Payday { date: string; base: string; delayDays: number; countedLeave: string[] }

interface Window { base: dayjs.Dayjs; baseText: string; from: dayjs.Dayjs; to: dayjs.Dayjs; fromText: string; toText: string }

/** The pay month's dates of a period and rule; settling a month asks for the same ones once per person. */
const windows = new Map<string, Window>();
function windowOf(period: string, rule: PaydayRule): Window {
  const key = `${period}|${rule.day}|${rule.fromDay}|${rule.toDay}`;
  let w = windows.get(key);
  if (!w) {
    const next = dayjs(`${period}-01`).add(1, 'month');
    const base = next.date(rule.day);
    const from = next.date(rule.fromDay);
    const to = next.date(Math.min(rule.toDay, next.daysInMonth()));
    w = { base, baseText: base.format('YYYY-MM-DD'), from, to, fromText: from.format('YYYY-MM-DD'), toText: to.format('YYYY-MM-DD') };
    if (windows.size >= 256) windows.clear();
    windows.set(key, w);
  }
  return w;
}

const YMD = /^\d{4}-\d{2}-\d{2}$/;
/** Weekday (0 = Sunday) of a real calendar date written YYYY-MM-DD, or null for any other text. */
function weekdayOf(d: string): number | null {
  if (!YMD.test(d)) return null;
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1;
  const day = Number(d.slice(8, 10));
  const t = new Date(Date.UTC(y, m, day));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m && t.getUTCDate() === day ? t.getUTCDay() : null;
}

export function payday(period: string, leaveDates: readonly string[], rule: PaydayRule): Payday {
  if (!/^\d{4}-\d{2}$/.test(period)) throw new RangeError(`period must be YYYY-MM: ${period}`);
  const w = windowOf(period, rule);
  const counted = [...new Set(leaveDates)].filter((d) => {
    // A plain calendar date compares as text; anything else is read the way dayjs reads it.
    const wd = weekdayOf(d);
    if (wd !== null) return d >= w.fromText && d <= w.toText && (rule.count === 'calendar' || (wd !== 0 && wd !== 6));
    const x = dayjs(d);
    if (!x.isValid() || x.isBefore(w.from, 'day') || x.isAfter(w.to, 'day')) return false;
    return rule.count === 'calendar' || (x.day() !== 0 && x.day() !== 6);
  }).sort();
  const date = counted.length ? w.base.add(counted.length, 'day').format('YYYY-MM-DD') : w.baseText;
  return { date, base: w.baseText, delayDays: counted.length, countedLeave: counted };
}
