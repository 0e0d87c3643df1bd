/**
 * Half-yearly market-research reports (农信社细则: 客户经理每半年写出一份市场调研报告).
 * A half-year is written "2026-H1" (1 Jan–30 Jun) or "2026-H2" (1 Jul–31 Dec).
 */
export const REPORT_STATUSES = ['missing', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

const HALF_RE = /^(\d{4})-H([12])$/;

export function isHalfYear(s: string): boolean {
  return HALF_RE.test(s);
}

/** The half-year a date falls in: 2026-07-01 → 2026-H2. */
export function halfYearOf(date: string): string {
  return `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** First and last day of a half-year, inclusive. */
export function halfYearRange(period: string): { from: string; to: string } {
  const m = HALF_RE.exec(period);
  if (!m) throw new RangeError(`not a half-year: ${period}`);
  return m[2] === '1' ? { from: `${m[1]}-01-01`, to: `${m[1]}-06-30` } : { from: `${m[1]}-07-01`, to: `${m[1]}-12-31` };
}

/**
 * A report is owed for a half-year until one is submitted; it is overdue once the half-year
 * has ended (the day after its last day) and none was accepted or is awaiting review.
 */
export function reportOverdue(period: string, status: ReportStatus, today: string): boolean {
  return (status === 'missing' || status === 'returned') && today > halfYearRange(period).to;
}
