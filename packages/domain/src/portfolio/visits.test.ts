import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTFOLIO_RULES as R } from './rules.ts';
import { requiredVisitMonths, visitCompliance, visitSchedule, type VisitSubject } from './visits.ts';
import { addMonths } from '../calendar/dates.ts';

const loan = (yuan: number, extra: Partial<VisitSubject> = {}): VisitSubject => ({ loanBalanceFen: yuan * 100, bigCustomer: false, visitMonthsOverride: null, ...extra });

describe('required visit frequency (农信社细则)', () => {
  it.each([
    ['300,000 yuan exactly is monthly (以上 includes)', loan(300_000), 1],
    ['299,999.99 yuan is quarterly', { ...loan(0), loanBalanceFen: 299_999_99 }, 3],
    ['a small loan is quarterly', loan(5_000), 3],
    ['no loan: no visit required', loan(0), null],
    ['big customer as set', loan(0, { bigCustomer: true }), 1],
    ['override wins', loan(1_000_000, { visitMonthsOverride: 6 }), 6],
  ])('%s', (_n, subject, months) => expect(requiredVisitMonths(subject, R)).toBe(months));
});

describe('calendar months', () => {
  it.each([
    ['plain', '2026-01-15', 1, '2026-02-15'],
    ['clamped to month end', '2026-01-31', 1, '2026-02-28'],
    ['leap year', '2028-01-31', 1, '2028-02-29'],
    ['across the year', '2026-11-30', 3, '2027-02-28'],
  ])('%s', (_n, d, m, out) => expect(addMonths(d, m)).toBe(out));
});

describe('visit schedule', () => {
  const big = loan(500_000);
  it.each([
    ['visited today: ok', { lastVisit: '2026-11-29', today: '2026-11-29' }, 'ok', '2026-12-29', 0],
    ['due date itself is still on time', { lastVisit: '2026-10-29', today: '2026-11-29' }, 'due', '2026-11-29', 0],
    ['day after due date is overdue', { lastVisit: '2026-10-28', today: '2026-11-29' }, 'overdue', '2026-11-28', 1],
    ['within 7 days before due: due', { lastVisit: '2026-11-05', today: '2026-11-29' }, 'due', '2026-12-05', 0],
    ['8 days before due: ok', { lastVisit: '2026-11-06', today: '2026-11-28' }, 'ok', '2026-12-06', 0],
    ['never visited counts from the assignment', { lastVisit: null, today: '2026-11-29' }, 'overdue', '2026-09-01', 89],
  ])('%s', (_n, v, status, dueDate, daysOverdue) => {
    const s = visitSchedule({ subject: big, since: '2026-08-01', ...v }, R);
    expect(s).toMatchObject({ status, dueDate, daysOverdue });
  });

  it('a visit before the assignment does not count for the new manager', () => {
    expect(visitSchedule({ subject: big, lastVisit: '2026-01-01', since: '2026-11-20', today: '2026-11-29' }, R).dueDate).toBe('2026-12-20');
  });

  it('no loan, no schedule', () => {
    expect(visitSchedule({ subject: loan(0), lastVisit: null, since: '2020-01-01', today: '2026-11-29' }, R).status).toBe('not_required');
  });
});

describe('visit compliance', () => {
  it.each([
    ['all on time', ['ok', 'due', 'not_required'] as const, { required: 2, overdue: 0, rate: '1.0000' }],
    ['one of three overdue', ['ok', 'overdue', 'ok'] as const, { required: 3, overdue: 1, rate: '0.6667' }],
    ['nothing required', ['not_required'] as const, { required: 0, overdue: 0, rate: null }],
    ['all overdue', ['overdue'] as const, { required: 1, overdue: 1, rate: '0.0000' }],
  ])('%s', (_n, statuses, out) => expect(visitCompliance(statuses)).toEqual(out));
});
