import dayjs from 'dayjs';

/**
 * Payday (spa pay rules, 薪资发放日期): the `day` of the month after the period; whoever takes
 * leave or is absent between the `fromDay` and `toDay` of that month is paid later by that many
 * days. `count` says whether weekend days count ('calendar', the rule book's plain reading) or
 * not ('working').
 */
export interface PaydayRule { day: number; fromDay: number; toDay: number; count: 'calendar' | 'working' }

export interface Payday { date: string; base: string; delayDays: number; countedLeave: string[] }

export function payday(period: string, leaveDates: readonly string[], rule: PaydayRule): Payday {
  if (!/^\d{4}-\d{2}$/.test(period)) throw new RangeError(`period must be YYYY-MM: ${period}`);
  const next = dayjs(`${period}-01`).add(1, 'month');
  const base = next.date(rule.day);
  const from = next.date(rule.fromDay);
  const to = next.date(Math.min(rule.toDay, next.daysInMonth()));
  const counted = [...new Set(leaveDates)].filter((d) => {
    const x = dayjs(d);
    if (!x.isValid() || x.isBefore(from, 'day') || x.isAfter(to, 'day')) return false;
    return rule.count === 'calendar' || (x.day() !== 0 && x.day() !== 6);
  }).sort();
  return { date: base.add(counted.length, 'day').format('YYYY-MM-DD'), base: base.format('YYYY-MM-DD'), delayDays: counted.length, countedLeave: counted };
}
