import dayjs from 'dayjs';

/**
 * Calendar arithmetic on YYYY-MM-DD dates, by dayjs. Adding months or years clamps the day to the
 * month's last day (2016-02-29 + 3 years → 2019-02-28; 01-31 + 1 month → 02-28), which is also the
 * reading of Civil Code art. 202 for legal periods.
 */
export const addYears = (d: string, n: number): string => dayjs(d).add(n, 'year').format('YYYY-MM-DD');
export const addMonths = (d: string, n: number): string => dayjs(d).add(n, 'month').format('YYYY-MM-DD');
export const addDays = (d: string, n: number): string => dayjs(d).add(n, 'day').format('YYYY-MM-DD');
/** Whole days from a to b (b − a). */
export const daysBetween = (a: string, b: string): number => Math.round(dayjs(b).diff(dayjs(a), 'day', true));
/** A real calendar date written YYYY-MM-DD (2026-02-29 and 2026-13-01 are not). */
export const isCalendarDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && dayjs(s).format('YYYY-MM-DD') === s;
