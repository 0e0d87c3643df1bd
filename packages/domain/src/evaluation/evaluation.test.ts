import { describe, expect, it } from 'vitest';
import { loadPreset, loadPresetDocuments } from '../presets/index.ts';
import { quotaAllowed } from '../policy/scorecard.ts';
import type { ScorecardPolicy } from '../policy/schema.ts';
import { buildFacts, scorecardInputs, type CycleInputs } from './scorecard-inputs.ts';
import { runScorecard } from './scorecard-run.ts';
import { aggregate360, anonymise, type Rating } from './three-sixty.ts';
import { bandPosition, distribution, withinQuotas } from './calibration.ts';
import { appealDeadline, canAppeal, mayReReview, nextStatus } from './workflow.ts';

const T = loadPreset('tobacco-evaluation') as ScorecardPolicy;
const RC = loadPresetDocuments('rural-credit').find((d) => d.id === 'rural-credit-evaluation') as ScorecardPolicy;
const AUTO = new Set(['complaints', 'surveyRating', 'retentionRate', 'newCustomers', 'salesYuan', 'avgOrderYuan']);

describe('scorecard inputs: where each fact of the policy comes from', () => {
  it('reads figures Kehu has, asks the evaluator for targets, scores 360 items from the raters and conduct from records', () => {
    const byKey = Object.fromEntries(scorecardInputs(T, AUTO).map((i) => [i.key, i.fill]));
    expect(byKey).toMatchObject({ salesYuan: 'figure', salesTargetYuan: 'entered', complaints: 'figure', 'score.communication': '360', conductPoints: 'conduct', seriousViolation: 'conduct' });
    expect(scorecardInputs(RC, new Set())).toContainEqual(expect.objectContaining({ key: 'score.service', fill: 'survey', unit: '1–5', items: ['service'] }));
  });
  it('a survey item takes the customers\' rating 1–5; entered by hand when there is none, on the same scale', () => {
    const inputs = scorecardInputs(RC, new Set());
    const c = { figures: {}, entered: { 'score.service': entered(4) }, ratings360: {}, conduct: [] };
    expect((buildFacts(RC, inputs, { ...c, survey: { value: 4.5, source: '满意度调查 6/8' } }).facts.score as Record<string, number>).service).toBe(0.9);
    expect((buildFacts(RC, inputs, { ...c, survey: null }).facts.score as Record<string, number>).service).toBe(0.8);
  });
});

const entered = (v: number, evidence = '') => ({ value: v, comment: '', evidence });
const base: CycleInputs = {
  figures: { salesYuan: { value: 120_000, source: '薪酬事实：销售 120000 元' }, complaints: { value: 1, source: '投诉登记 1 件' }, surveyRating: { value: 4.5, source: '满意度调查 6/8 份' }, retentionRate: { value: 0.9, source: '客户管户 9/10' }, newCustomers: { value: 5, source: '客户档案' }, avgOrderYuan: { value: 100, source: '薪酬事实' } },
  entered: { salesTargetYuan: entered(100_000, '年度任务书'), newCustomersTarget: entered(5), avgOrderTargetYuan: entered(100) },
  ratings360: { communication: 80, teamwork: 90, learning: 100 }, survey: null, conduct: [],
};

describe('a scorecard with nested fact names (spa conduct counts)', () => {
  it('entered counts reach the engine as conduct.<kind>', () => {
    const spa = loadPreset('spa-conduct') as ScorecardPolicy;
    const inputs = scorecardInputs(spa, new Set());
    const counts = { 'conduct.dress': 1, 'conduct.late': 20, 'conduct.hygiene': 0, 'conduct.unauthorisedLeave': 0, 'conduct.awards': 3, 'conduct.privacyBreach': 0, 'conduct.gifts': 0, 'score.service': 90 };
    const b = buildFacts(spa, inputs, { figures: {}, entered: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, entered(v)])), ratings360: {}, survey: null, conduct: [] });
    expect(b.missing).toEqual([]);
    // The engine's own example: 90 − 2 − 20 + 10 = 78.
    expect(runScorecard(spa, inputs, b.facts, b.provenance).total).toBe('78.00');
  });
});

describe('scoring through the policy engine', () => {
  const run = (c: CycleInputs) => {
    const inputs = scorecardInputs(T, AUTO);
    const b = buildFacts(T, inputs, c);
    return { ...b, r: runScorecard(T, inputs, b.facts, b.provenance) };
  };
  it('scores as the engine does and traces every item to its inputs and their sources', () => {
    const { r, missing } = run(base);
    expect(missing).toEqual([]);
    expect(r.total).toBe((36 + 10 + 10 + 7.5 + 9 + 9 + 5.6 + 6.3 + 6).toFixed(2));
    expect(r.band.grade).toBe('A');
    const sales = r.lines.find((l) => l.id === 'sales')!;
    expect(sales.inputs.map((i) => [i.key, i.value, i.source])).toEqual([['salesYuan', '120000', '薪酬事实：销售 120000 元'], ['salesTargetYuan', '100000', '考核人录入（依据：年度任务书）']]);
    expect(sales.trace).toMatch(/^sales \[tobacco-evaluation 第2\.1条\]: 30 × clamp\(salesYuan \/ salesTargetYuan, -0\.5, 1\.5\).*= 36\.00$/);
    expect(r.trace.at(-1)).toMatch(/^total .* → band A/);
  });
  it('an entered rate is in percent; a missing input is listed, not guessed, and the engine refuses it by name', () => {
    const inputs = scorecardInputs(T, AUTO);
    const { facts, missing, provenance } = buildFacts(T, inputs, { ...base, figures: {}, entered: { ...base.entered, retentionRate: entered(90) } });
    expect(facts.retentionRate).toBe(0.9);
    expect(provenance.retentionRate!.value).toBe('90.00%');
    expect(missing).toEqual(['salesYuan', 'newCustomers', 'avgOrderYuan', 'complaints', 'surveyRating']);
    expect(() => runScorecard(T, inputs, facts, provenance)).toThrow(/salesYuan: Sales is missing/);
  });
  it.each([
    ['a reward adds its points', [{ points: 3, veto: false, ref: 'R1' }], '3.00', false],
    ['penalties are capped at −10', [{ points: -8, veto: false, ref: 'P1' }, { points: -8, veto: false, ref: 'P2' }], '-10.00', false],
    ['a veto puts the result in the lowest band', [{ points: 0, veto: true, ref: 'V' }], '0.00', true],
  ])('%s', (_n, conduct, points, vetoed) => {
    const { r } = run({ ...base, conduct });
    expect([r.conductPoints, r.vetoed]).toEqual([points, vetoed]);
    if (vetoed) expect(r.band.grade).toBe('D');
  });
});

const rating = (raterRole: Rating['raterRole'], raterId: number, v: number): Rating => ({ raterRole, raterId, scores: { communication: v, teamwork: v, learning: v } });
describe('360 aggregation with the policy weights and minimum respondents', () => {
  it.each([
    ['superior only', [rating('superior', 1, 80)], null, 80, ['superior']],
    ['two peers do not count (minimum 3)', [rating('superior', 1, 80), rating('peer', 2, 40), rating('peer', 3, 40)], null, 80, ['superior']],
    ['three peers count, weights rescaled (50, 20)', [rating('superior', 1, 80), rating('peer', 2, 45), rating('peer', 3, 45), rating('peer', 4, 45)], null, 70, ['superior', 'peer']],
    ['the same peer twice is one respondent', [rating('superior', 1, 80), rating('peer', 2, 40), rating('peer', 2, 40), rating('peer', 3, 40)], null, 80, ['superior']],
    ['four customer answers do not count (minimum 5)', [rating('superior', 1, 80)], { respondents: 4, rating: 2, source: 's' }, 80, ['superior']],
    ['five customer answers count: 4.0 → 80 at weight 10', [rating('superior', 1, 50)], { respondents: 5, rating: 4, source: '满意度调查 5/6' }, 55, ['superior', 'customer']],
    ['nobody', [], null, undefined, []],
  ])('%s', (_n, ratings, customers, expected, counted) => {
    const a = aggregate360(T, ratings, customers);
    expect(a.perItem.communication).toBe(expected);
    expect(a.roles.filter((x) => x.counted).map((x) => x.role)).toEqual(counted);
  });
  it('the anonymised view names no rater; the customers carry their source', () => {
    const view = anonymise(aggregate360(T, [rating('superior', 1, 80), rating('peer', 2, 40), rating('peer', 3, 50), rating('peer', 4, 60)], { respondents: 6, rating: 4.5, source: '满意度调查 6/8 份答卷' }));
    expect(JSON.stringify(view)).not.toMatch(/raterId/);
    expect(view.find((v) => v.role === 'peer')).toMatchObject({ respondents: 3, counted: true, averages: { communication: 50, teamwork: 50, learning: 50 } });
    expect(view.find((v) => v.role === 'customer')).toMatchObject({ respondents: 6, counted: true, source: '满意度调查 6/8 份答卷', averages: { communication: 90 } });
  });
});

describe('calibration quotas: one rule, rounded down (decision quota-rounding)', () => {
  it.each([[4, 0], [5, 1], [9, 1], [10, 2], [0, 0]])('20%% of %i people allows %i', (n, allowed) => expect(quotaAllowed(20, n)).toBe(allowed));
  it.each([
    ['10 people, 2 A allowed', ['A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'C', 'C'], true],
    ['10 people, 3 A over quota', ['A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'C'], false],
    ['5 people, one A', ['A', 'B', 'B', 'C', 'C'], true],
    ['4 people, one A is already over', ['A', 'B', 'C', 'C'], false],
  ])('%s', (_n, grades, ok) => expect(withinQuotas(T.bands, grades)).toBe(ok));
  it('reports counts per band', () => expect(distribution(T.bands, ['A', 'B', 'B', 'B', 'C'])[0]).toEqual({ grade: 'A', count: 1, allowed: 1, over: false }));
  it.each([['A', 'top'], ['B', 'middle'], ['D', 'bottom']])('band %s proposes from the %s', (g, pos) => expect(bandPosition(T.bands, g)).toBe(pos));
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
