import { describe, expect, it } from 'vitest';
import { benefitsGrade, gradesOf, ladderById, proposeShift, shiftGrade } from './ladder.ts';

const T = ladderById('tobacco-grades')!;
const B = ladderById('bank-2005')!;
import { ageInFullYears, checkEligibility, type EligibilityRules } from './eligibility.ts';

describe('ladders', () => {
  it('tobacco has 10 levels and 60 grades, from the ladder policy, lowest first', () => {
    expect(T.levels).toHaveLength(10);
    expect(gradesOf(T)).toHaveLength(60);
    expect([gradesOf(T)[0]!.code, gradesOf(T)[59]!.code]).toEqual(['junior-qual-3-1', 'senior-technician-6']);
    expect(T.levels.filter((l) => l.qualificationRequired).map((l) => l.id)).toEqual(['mid-qual-4', 'mid-qual-3', 'mid-qual-2', 'mid-qual-1', 'senior-qual', 'technician', 'senior-technician']);
  });
  it('bank 2005 has 11 grades plus 4 senior-expert levels', () => {
    const g = gradesOf(B);
    const expert = new Set(B.levels.filter((l) => l.seniorExpert).map((l) => l.id));
    expect(g.filter((x) => !expert.has(x.level))).toHaveLength(11);
    expect(g.filter((x) => expert.has(x.level))).toHaveLength(4);
    expect(g.slice(0, 5).map((x) => x.code)).toEqual(['trainee-1', 'assistant-1', 'assistant-2', 'assistant-3', 'manager-1']);
  });
  it.each([
    ['one step up', 'junior-qual-3-6', 1, 'junior-qual-2-1'],
    ['stops at the bottom', 'junior-qual-3-1', -2, 'junior-qual-3-1'],
    ['stops at the top', 'senior-technician-6', 1, 'senior-technician-6'],
  ])('%s', (_n, from, d, to) => expect(shiftGrade(T, from, d)).toBe(to));
  it('an unknown ladder is null', () => expect(ladderById('no-such')).toBeNull());
});

describe('grade held vs grade whose benefits apply (bank 2005 clause 4)', () => {
  const std = ['A', 'B', 'C'];
  it.each([
    ['qualified and up to standard', { held: 'manager-2', qualifiedLevels: ['assistant', 'manager'], latestBand: 'B', standardBands: std }, 'manager-2', 0],
    ['not qualified for manager: assistant top step', { held: 'manager-2', qualifiedLevels: ['assistant'], latestBand: 'B', standardBands: std }, 'assistant-3', 1],
    ['qualified but below standard: trainee', { held: 'manager-2', qualifiedLevels: ['assistant', 'manager'], latestBand: 'D', standardBands: std }, 'trainee-1', 2],
    ['trainee needs nothing', { held: 'trainee-1', qualifiedLevels: [], latestBand: 'D', standardBands: std }, 'trainee-1', 0],
  ])('%s', (_n, input, applies, nReasons) => {
    const r = benefitsGrade(B, input);
    expect(r.applies).toBe(applies);
    expect(r.reasons).toHaveLength(nReasons);
  });
  it.each([['top', null, 1], ['middle', 'top', 0], ['bottom', null, -1], ['bottom', 'bottom', -2]] as const)('band at the %s after %s → %s', (b, prev, d) => expect(proposeShift(b, prev)).toBe(d));
});

describe('competition eligibility (tobacco hiring: men ≤45, women ≤43, 大专+)', () => {
  const rules: EligibilityRules = { maxAge: { male: 45, female: 43 }, minEducation: 'college', minExamScore: 60, depositRouteYuan: 3_000_000 };
  const a = { gender: 'male' as const, birthDate: '1981-03-01', education: 'bachelor' as const, examScore: 75, avgDailyDepositsYuan: null };
  it.each([
    ['birthday itself completes the year', '1981-03-01', '2026-03-01', 45],
    ['the day before', '1981-03-01', '2026-02-28', 44],
  ])('%s', (_n, b, on, age) => expect(ageInFullYears(b, on)).toBe(age));
  it.each([
    ['man aged exactly 45 (以下 includes)', { ...a }, '2026-03-01', true],
    ['man aged 46', { ...a, birthDate: '1980-03-01' }, '2026-03-01', false],
    ['woman aged 43', { ...a, gender: 'female' as const, birthDate: '1983-03-01' }, '2026-03-01', true],
    ['woman aged 44', { ...a, gender: 'female' as const, birthDate: '1982-03-01' }, '2026-03-01', false],
    ['technical secondary is below 大专', { ...a, education: 'technical_secondary' as const }, '2026-03-01', false],
    ['failed exam, no deposit route', { ...a, examScore: 50 }, '2026-03-01', false],
    ['failed exam, 3,000,000 deposits: provisional', { ...a, examScore: 50, avgDailyDepositsYuan: 3_000_000 }, '2026-03-01', true],
  ])('%s', (_n, applicant, on, ok) => {
    const o = checkEligibility(rules, applicant, on);
    expect(o.eligible).toBe(ok);
    if (!ok) expect(o.reasons.length).toBeGreaterThan(0);
    expect(o.trace.kind).toBe('eligibility');
  });
  it('refusal reasons come from the engine, rule by rule, each once', () => {
    const o = checkEligibility(rules, { ...a, birthDate: '1978-09-23', education: 'technical_secondary', examScore: 50 }, '2026-12-01');
    expect(o.reasons.map((r) => r.zh)).toEqual(['2026-12-01 时 48 周岁，超过男性 45 周岁的上限', '学历中专，低于要求的大专', '考试成绩为 50，应不低于 60', '缺少日均存款']);
  });
});
