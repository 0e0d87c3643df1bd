import { describe, expect, it } from 'vitest';
import { TOBACCO_SCORECARD as T } from './tobacco-scorecard.ts';
import { completionOf, scoreBand, scoreCard } from './scorecard.ts';
import { aggregate360, anonymise, type Rating } from './three-sixty.ts';
import { distribution, withinQuotas } from './calibration.ts';
import { appealDeadline, canAppeal, mayReReview, nextStatus } from './workflow.ts';

const item = (id: string) => T.items.find((i) => i.id === id)!;

describe('completion with floor and cap', () => {
  it.each([
    ['sales at target', 'sales', 100, 1],
    ['sales over target capped at 1.2', 'sales', 150, 1.2],
    ['sales at 0 floored', 'sales', -10, 0],
    ['no complaints: full', 'complaints', 0, 1],
    ['two complaints: half', 'complaints', 2, 0.5],
    ['five complaints floored at 0', 'complaints', 5, 0],
    ['survey 4 of 5', 'surveyRating', 4, 0.8],
  ])('%s', (_n, id, figure, c) => expect(completionOf(item(id), figure)).toBe(c));
});

describe('bands (以上 includes the number)', () => {
  it.each([[90, 'A'], [89.99, 'B'], [80, 'B'], [60, 'C'], [59.99, 'D'], [0, 'D']])('%s → %s', (t, g) => expect(scoreBand(T, t).grade).toBe(g));
});

const r = (raterRole: Rating['raterRole'], raterId: number, v: number): Rating => ({ raterRole, raterId, scores: { communication: v, teamwork: v, learning: v } });

describe('360 aggregation with minimum respondents', () => {
  it.each([
    ['superior only', [r('superior', 1, 80)], 80, ['superior']],
    ['two peers do not count (minimum 3)', [r('superior', 1, 80), r('peer', 2, 40), r('peer', 3, 40)], 80, ['superior']],
    ['three peers count, weights rescaled', [r('superior', 1, 80), r('peer', 2, 40), r('peer', 3, 40), r('peer', 4, 40)], 65, ['superior', 'peer']],
    ['self and superior', [r('superior', 1, 80), r('self', 9, 100)], 83.33, ['superior', 'self']],
    ['the same peer twice is one respondent', [r('superior', 1, 80), r('peer', 2, 40), r('peer', 2, 40), r('peer', 3, 40)], 80, ['superior']],
    ['nobody', [], undefined, []],
  ])('%s', (_n, ratings, expected, counted) => {
    const a = aggregate360(T, ratings);
    expect(a.perItem.communication).toBe(expected);
    expect(a.roles.filter((x) => x.counted).map((x) => x.role)).toEqual(counted);
  });
  it('anonymised view names no rater', () => {
    const view = anonymise(aggregate360(T, [r('superior', 1, 80), r('peer', 2, 40), r('peer', 3, 50), r('peer', 4, 60)]));
    expect(JSON.stringify(view)).not.toMatch(/raterId/);
    expect(view.find((v) => v.role === 'peer')).toEqual({ role: 'peer', respondents: 3, counted: true, averages: { communication: 50, teamwork: 50, learning: 50 } });
  });
});

describe('scorecard', () => {
  const figures = { sales: { value: 100, source: 'entered' }, newCustomers: { value: 5, source: 'customers' }, avgOrder: { value: 100, source: 'entered' }, complaints: { value: 0, source: 'complaints' }, surveyRating: { value: 5, source: 'surveys' }, retention: { value: 100, source: 'customers' } };
  const ratings = { communication: 100, teamwork: 100, learning: 100 };
  it('everything at target scores 100 and the total is the sum of its lines', () => {
    const s = scoreCard(T, { figures, ratings, conduct: [] });
    expect(s.total).toBe(100);
    expect(s.lines.reduce((a, l) => a + l.points, 0)).toBe(100);
    expect(s.band.grade).toBe('A');
  });
  it.each([
    ['reward adds points', [{ points: 3, veto: false, ref: 'R1' }], 103, 'A', false],
    ['penalties are capped at −10', [{ points: -8, veto: false, ref: 'P1' }, { points: -8, veto: false, ref: 'P2' }], 90, 'A', false],
    ['veto puts the result in the lowest band', [{ points: 0, veto: true, ref: 'V' }], 100, 'D', true],
  ])('%s', (_n, conduct, total, grade, vetoed) => {
    const s = scoreCard(T, { figures, ratings, conduct });
    expect([s.total, s.band.grade, s.vetoed]).toEqual([total, grade, vetoed]);
  });
  it('a missing figure counts 0 and is traced', () => {
    const s = scoreCard(T, { figures: {}, ratings: {}, conduct: [] });
    expect(s.total).toBe(0);
    expect(s.trace[0]).toMatch(/no figure/);
  });
});

describe('calibration quotas', () => {
  it.each([
    ['10 people, 2 A allowed', ['A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'C', 'C'], true],
    ['10 people, 3 A over quota', ['A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'C'], false],
    ['3 people, one A still allowed', ['A', 'B', 'C'], true],
    ['3 people, two D over', ['D', 'D', 'B'], false],
  ])('%s', (_n, grades, ok) => expect(withinQuotas(T.bands, grades)).toBe(ok));
  it('reports counts per band', () => expect(distribution(T.bands, ['A', 'B', 'B'])[0]).toEqual({ grade: 'A', count: 1, allowed: 1, over: false }));
});

describe('workflow and appeal deadline', () => {
  it.each([
    ['pending', 'draft', 'drafted'], ['drafted', 'review', 'reviewed'], ['pending', 'review', null], ['reviewed', 'calibrate', 'calibrated'],
    ['calibrated', 'publish', 'published'], ['published', 'appeal', 'appealed'], ['acknowledged', 'appeal', null], ['appealed', 'answerAppeal', 'final'],
  ] as const)('%s + %s → %s', (from, action, to) => expect(nextStatus(from, action)).toBe(to));
  it.each([
    ['last day is in time (届满 includes)', '2026-11-08', true],
    ['the day after is late', '2026-11-09', false],
  ])('%s', (_n, today, ok) => expect(canAppeal(today, appealDeadline('2026-11-01', 7))).toBe(ok));
  it.each([
    ['the first evaluator may not re-review', 5, 5, 9, false],
    ['another supervisor may', 6, 5, 9, true],
    ['HR without a staff record may', null, 5, 9, true],
    ['the person may not', 9, 5, 9, false],
  ])('%s', (_n, reviewer, drafter, subject, ok) => expect(mayReReview(reviewer, drafter, subject)).toBe(ok));
});
