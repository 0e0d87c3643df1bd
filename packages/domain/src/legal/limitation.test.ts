import { describe, expect, it } from 'vitest';
import { computeLimitation, type ClaimEvent, type ClaimInput } from './limitation.ts';
import { addYears } from './dates.ts';

const ev = (kind: ClaimEvent['kind'], date: string, extra: Partial<ClaimEvent> = {}): ClaimEvent => ({ kind, date, ...extra });
const TODAY = '2026-11-29';

describe('calendar arithmetic (arts. 200–203)', () => {
  it.each([
    ['plain', '2020-01-10', 3, '2023-01-10'],
    ['leap day clamps to Feb 28', '2016-02-29', 3, '2019-02-28'],
    ['leap day to leap year keeps Feb 29', '2016-02-29', 4, '2020-02-29'],
    ['month end stays month end', '2021-12-31', 3, '2024-12-31'],
  ])('%s', (_n, d, y, out) => expect(addYears(d, y)).toBe(out));
});

describe('limitation period (诉讼时效)', () => {
  const one = (events: ClaimEvent[], extra: Partial<ClaimInput> = {}): ClaimInput => ({ dueDate: '2022-03-15', events, ...extra });
  it.each<[string, ClaimInput, string, { status: string; expiry: string | null; waived?: boolean }]>([
    ['3 years from the due date (art. 188)', one([]), TODAY, { status: 'expired', expiry: '2025-03-15' }],
    ['instalments run from the last instalment (art. 189)', { instalmentDueDates: ['2023-01-31', '2023-06-30', '2023-12-31'], events: [] }, TODAY, { status: 'running', expiry: '2026-12-31' }],
    ['leap-day due date ends Feb 28', { dueDate: '2024-02-29', events: [] }, TODAY, { status: 'running', expiry: '2027-02-28' }],
    ['month-end instalment stays at month end', { instalmentDueDates: ['2024-01-31', '2024-02-29'], events: [] }, TODAY, { status: 'running', expiry: '2027-02-28' }],
    ['still in time on the expiry day', { dueDate: '2023-11-29', events: [] }, TODAY, { status: 'running', expiry: '2026-11-29' }],
    ['expired the day after', { dueDate: '2023-11-28', events: [] }, TODAY, { status: 'expired', expiry: '2026-11-28' }],
    ['a signed demand restarts 3 years (art. 195)', one([ev('demand_delivered', '2024-05-20')]), TODAY, { status: 'running', expiry: '2027-05-20' }],
    ['a message that arrived restarts', one([ev('message_arrived', '2024-06-01')]), TODAY, { status: 'running', expiry: '2027-06-01' }],
    ['public notice restarts', one([ev('public_notice', '2024-07-01')]), TODAY, { status: 'running', expiry: '2027-07-01' }],
    ['part payment is consent', one([ev('part_payment', '2024-08-08')]), TODAY, { status: 'running', expiry: '2027-08-08' }],
    ['repayment plan is consent', one([ev('repayment_plan', '2024-09-09')]), TODAY, { status: 'running', expiry: '2027-09-09' }],
    ['offering security is consent', one([ev('security_offered', '2024-10-10')]), TODAY, { status: 'running', expiry: '2027-10-10' }],
    ['asking for more time is consent', one([ev('extension_requested', '2024-11-11')]), TODAY, { status: 'running', expiry: '2027-11-11' }],
    ['acknowledgement is consent', one([ev('acknowledgement', '2024-12-12')]), TODAY, { status: 'running', expiry: '2027-12-12' }],
    ['the latest of several interruptions counts', one([ev('demand_delivered', '2023-01-05'), ev('part_payment', '2024-02-29')]), TODAY, { status: 'running', expiry: '2027-02-28' }],
    ['an interruption on the expiry day counts', one([ev('demand_delivered', '2025-03-15')]), TODAY, { status: 'running', expiry: '2028-03-15' }],
    ['a demand the day after expiry does not', one([ev('demand_delivered', '2025-03-16')]), TODAY, { status: 'expired', expiry: '2025-03-15' }],
    ['a deduction on the expiry day interrupts', one([ev('account_deduction', '2025-03-15')]), TODAY, { status: 'running', expiry: '2028-03-15' }],
    ['a deduction the day after expiry does not', one([ev('account_deduction', '2025-03-16')]), TODAY, { status: 'expired', expiry: '2025-03-15' }],
    ['agreement to pay after expiry waives the defence (art. 192)', one([ev('agreed_to_pay_after_expiry', '2025-06-01')]), TODAY, { status: 'running', expiry: '2028-06-01', waived: true }],
    ['pending suit: restarts when proceedings end', one([ev('suit', '2024-04-01')]), TODAY, { status: 'in_proceedings', expiry: null }],
    ['finished suit restarts from its end', one([ev('suit', '2024-04-01', { proceedingsEndedOn: '2024-10-20' })]), TODAY, { status: 'running', expiry: '2027-10-20' }],
    ['arbitration finished restarts from its end', one([ev('arbitration', '2024-04-01', { proceedingsEndedOn: '2024-05-31' })]), TODAY, { status: 'running', expiry: '2027-05-31' }],
    ['an act before the due date does not interrupt', one([ev('demand_delivered', '2022-01-01')]), '2024-01-01', { status: 'running', expiry: '2025-03-15' }],
    ['a future-dated act is ignored', one([ev('demand_delivered', '2024-01-01')]), '2023-06-01', { status: 'running', expiry: '2025-03-15' }],
  ])('%s', (_n, input, today, want) => {
    const r = computeLimitation(input, today);
    expect({ status: r.status, expiry: r.expiry }).toEqual({ status: want.status, expiry: want.expiry });
    expect(r.defenceWaived).toBe(want.waived ?? false);
  });

  it('explains which events counted and which did not', () => {
    const r = computeLimitation(one([ev('demand_delivered', '2024-05-20', { id: 'a' }), ev('account_deduction', '2027-05-21', { id: 'b' })]), '2028-01-01');
    expect(r.trace.map((t) => [t.kind, t.counted, t.code])).toEqual([
      ['start', true, 'start_due_date'],
      ['demand_delivered', true, 'interrupts'],
      ['account_deduction', false, 'deduction_after_expiry'],
    ]);
    expect(r.status).toBe('expired');
    expect(r.trace[2]?.zh).toBe('时效已于2027-05-20届满，届满后的扣收不中断时效');
    expect(r.trace[1]?.zh).toContain('自2024-05-20起重新计算3年，至2027-05-20');
  });
});

describe('suspension (art. 194)', () => {
  // Due 2022-03-15 → expiry 2025-03-15; the last 6 months are 2024-09-16 … 2025-03-15.
  const base = (obstacle: Partial<ClaimEvent>): ClaimInput => ({ dueDate: '2022-03-15', events: [ev('obstacle', '2024-09-16', obstacle)] });
  it.each<[string, ClaimInput, string, string, string | null]>([
    ['begins on the first day of the last 6 months: suspends', base({ date: '2024-09-16', endedOn: '2024-12-01' }), '2025-05-01', 'running', '2025-06-01'],
    ['begins the day before the last 6 months and ends before them: no effect', base({ date: '2024-09-15', endedOn: '2024-09-15' }), '2025-05-01', 'expired', '2025-03-15'],
    ['begins before and continues into the last 6 months: suspends', base({ date: '2024-08-01', endedOn: '2024-12-20' }), '2025-05-01', 'running', '2025-06-20'],
    ['ended early in the window: never shortens the period', base({ date: '2024-09-16', endedOn: '2024-09-17' }), '2025-05-01', 'expired', '2025-03-17'],
    ['continuing obstacle: suspended, no expiry yet', base({ date: '2025-01-01', endedOn: null }), '2025-05-01', 'suspended', null],
    ['obstacle after expiry: no effect', base({ date: '2025-03-16', endedOn: '2025-04-01' }), '2025-05-01', 'expired', '2025-03-15'],
  ])('%s', (_n, input, today, status, expiry) => {
    const r = computeLimitation(input, today);
    expect({ status: r.status, expiry: r.expiry }).toEqual({ status, expiry });
  });

  it('an obstacle on the expiry day then an act on the extended period counts', () => {
    const r = computeLimitation({ dueDate: '2022-03-15', events: [ev('obstacle', '2025-03-15', { endedOn: '2025-04-30' }), ev('demand_delivered', '2025-10-30')] }, TODAY);
    expect(r.expiry).toBe('2028-10-30');
  });
});

describe('2017-10-01 transition (old 2-year rule)', () => {
  it.each<[string, ClaimInput, string, string | null]>([
    ['old 2 years ran out 2017-09-30: stays lapsed', { dueDate: '2015-09-30', events: [] }, 'lapsed_old_rule', '2017-09-30'],
    ['old 2 years would end 2017-10-01: 3 years apply', { dueDate: '2015-10-01', events: [] }, 'expired', '2018-10-01'],
    ['interrupted in 2016: 3 years from the interruption', { dueDate: '2014-06-30', events: [ev('demand_delivered', '2016-02-29')] }, 'expired', '2019-02-28'],
    ['old period ran out; a later demand does not revive it', { dueDate: '2014-01-10', events: [ev('demand_delivered', '2018-01-01')] }, 'lapsed_old_rule', '2016-01-10'],
    ['old period ran out; agreeing to pay later waives the defence', { dueDate: '2014-01-10', events: [ev('agreed_to_pay_after_expiry', '2025-01-10')] }, 'running', '2028-01-10'],
  ])('%s', (_n, input, status, expiry) => {
    const r = computeLimitation(input, TODAY);
    expect({ status: r.status, expiry: r.expiry }).toEqual({ status, expiry });
  });
});

describe('20-year cap (art. 188)', () => {
  it('interruptions cannot carry the period past 20 years from the harm', () => {
    const events = [2007, 2009, 2011, 2013, 2015, 2017, 2019, 2022, 2025].map((y) => ev('demand_delivered', `${y}-01-01`));
    const r = computeLimitation({ dueDate: '2005-06-30', harmDate: '2005-06-30', events }, TODAY);
    expect(r.cap).toBe('2025-06-30');
    expect(r.expiry).toBe('2025-06-30');
    expect(r.status).toBe('expired');
    expect(r.trace.some((t) => t.code === 'cap_20_years')).toBe(true);
  });
});

describe('joint debtors (art. 520)', () => {
  const claim = (events: ClaimEvent[]): ClaimInput => ({ dueDate: '2022-03-15', debtorIds: ['张三', '李四'], events });
  it('an interruption against one joint debtor reaches all', () => {
    const r = computeLimitation(claim([ev('demand_delivered', '2024-05-20', { debtorId: '李四' })]), TODAY);
    expect(r.expiry).toBe('2027-05-20');
    expect(r.trace[1]?.reason).toMatch(/reaches all joint debtors/);
  });
  it('an act against someone who is not a debtor does not count', () => {
    const r = computeLimitation(claim([ev('demand_delivered', '2024-05-20', { debtorId: '王五' })]), TODAY);
    expect(r.expiry).toBe('2025-03-15');
    expect(r.trace[1]?.code).toBe('not_a_debtor');
  });
});

describe('holidays (art. 203), only when given', () => {
  it('an expiry on a holiday moves to the next working day', () => {
    const hol = new Set(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08']);
    expect(computeLimitation({ dueDate: '2022-10-01', events: [], nonWorkingDays: hol }, '2025-09-01').expiry).toBe('2025-10-09');
    expect(computeLimitation({ dueDate: '2022-10-01', events: [] }, '2025-09-01').expiry).toBe('2025-10-01');
  });
});
