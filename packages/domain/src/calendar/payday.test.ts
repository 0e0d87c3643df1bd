import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import dayjs from 'dayjs';
import { payday, type PaydayRule } from './payday.ts';

/** The rule read date by date with dayjs: what payday() must keep answering. */
function reference(period: string, leaveDates: readonly string[], rule: PaydayRule) {
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

const pad = (n: number) => String(n).padStart(2, '0');
const period = fc.tuple(fc.integer({ min: 2023, max: 2028 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}`);
/** Dates around the pay month, some impossible (02-30, 13th month), some not dates at all. */
const leaveDate = fc.oneof(
  fc.tuple(fc.integer({ min: 2023, max: 2029 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
  fc.tuple(fc.integer({ min: 1, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([m, d]) => `2026-${pad(m)}-${pad(d)}`),
  fc.constantFrom('', 'not a date', '2026-11-5', '2026-11-05T10:00:00', '20261105', '2026/11/05'),
);
const rule = fc.record({ day: fc.integer({ min: 1, max: 28 }), fromDay: fc.integer({ min: 1, max: 15 }), toDay: fc.integer({ min: 10, max: 31 }), count: fc.constantFrom('calendar' as const, 'working' as const) });

describe('payday', () => {
  it('gives what reading every leave date with dayjs gives, for any dates and rule', () => {
    fc.assert(fc.property(period, fc.array(leaveDate, { maxLength: 12 }), rule, (p, dates, r) => {
      expect(payday(p, dates, r)).toEqual(reference(p, dates, r));
    }), { numRuns: 2000 });
  });

  it('moves the 15th by leave days between the 1st and the 15th, weekends only when counted', () => {
    const leave = ['2026-11-01', '2026-11-07', '2026-11-07', '2026-11-16', '2026-10-31'];
    expect(payday('2026-10', leave, { day: 15, fromDay: 1, toDay: 15, count: 'calendar' })).toEqual({ date: '2026-11-17', base: '2026-11-15', delayDays: 2, countedLeave: ['2026-11-01', '2026-11-07'] });
    // 2026-11-01 is a Sunday and 11-07 a Saturday.
    expect(payday('2026-10', leave, { day: 15, fromDay: 1, toDay: 15, count: 'working' }).delayDays).toBe(0);
  });
});
