import { describe, expect, it } from 'vitest';
import { halfYearOf, halfYearRange, isHalfYear, reportOverdue } from './research.ts';

describe('half-years for market-research reports', () => {
  it.each([
    ['first day of the year', '2026-01-01', '2026-H1'],
    ['30 June is still H1', '2026-06-30', '2026-H1'],
    ['1 July starts H2', '2026-07-01', '2026-H2'],
    ['31 December', '2026-12-31', '2026-H2'],
  ])('%s', (_n, d, p) => expect(halfYearOf(d)).toBe(p));

  it('knows the ranges', () => {
    expect(halfYearRange('2026-H1')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(halfYearRange('2026-H2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(isHalfYear('2026-H3')).toBe(false);
    expect(() => halfYearRange('2026')).toThrow(RangeError);
  });

  it.each([
    ['missing, period still running', '2026-H2', 'missing', '2026-12-31', false],
    ['missing, the day after the period', '2026-H2', 'missing', '2027-01-01', true],
    ['returned after the period', '2026-H1', 'returned', '2026-07-01', true],
    ['submitted is not overdue', '2026-H1', 'submitted', '2027-01-01', false],
    ['accepted is not overdue', '2026-H1', 'accepted', '2027-01-01', false],
  ] as const)('%s', (_n, p, s, today, overdue) => expect(reportOverdue(p, s, today)).toBe(overdue));
});
