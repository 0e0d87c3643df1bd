import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isCalendarDate } from './dates.ts';

describe('calendar dates', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    for (const ok of ['2026-01-31', '2024-02-29', '2000-02-29', '2026-12-31']) expect(isCalendarDate(ok), ok).toBe(true);
    for (const bad of ['2026-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '2026-1-5', '2026/01/05', '20260105', '', '2026-01-05T00:00']) expect(isCalendarDate(bad), bad).toBe(false);
  });

  it('counts days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-10-01', '2026-12-31')).toBe(91);
  });
});
