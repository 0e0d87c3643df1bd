import { describe, expect, it } from 'vitest';
import { listPresets, loadPreset, loadPresetDocuments } from './index.ts';
import { SPA_PAY_LITERAL_YAML } from './spa-pay-literal.fixture.ts';
import { evaluate, hasErrors, ladderCounts, lintPolicy, parsePolicy, renderPolicy, type EligibilityResult, type LadderResult, type PortfolioResult, type ScorecardResult, type CompensationResult } from '../policy/index.ts';

const doc = (preset: string, id: string) => loadPresetDocuments(preset).find((d) => d.id === id)!;

describe('all nine rule books', () => {
  it('ship as presets that parse, lint without errors and render in both languages', () => {
    const ids = listPresets().map((p) => p.id);
    expect(ids).toEqual(['tobacco-grades', 'tobacco-evaluation', 'spa-conduct', 'spa-pay', 'city-bank', 'bank-2005', 'hotel-service', 'power-big-customers', 'rural-credit']);
    for (const id of ids) for (const d of loadPresetDocuments(id)) {
      expect(hasErrors(lintPolicy(d)), `${d.id}: ${JSON.stringify(lintPolicy(d).filter((f) => f.severity === 'error'))}`).toBe(false);
      expect(renderPolicy(d, 'zh')).toContain(d.title.zh);
      expect(renderPolicy(d, 'en')).toContain(d.title.en);
    }
  });
});

describe('spa pay transcribed literally', () => {
  const findings = lintPolicy(parsePolicy(SPA_PAY_LITERAL_YAML));
  it('reports the overlap at 80', () => {
    const overlaps = findings.filter((f) => f.code === 'overlap');
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0]!.message.en).toBe('Band table bands 1 and 2 both include 80');
    expect(overlaps[0]!.clause).toBe('1');
  });
  it('reports the five gaps between card bands and nothing above 10000', () => {
    const gaps = findings.filter((f) => f.code === 'gap').map((f) => f.message.en.match(/between (\d+) and (\d+)/)!.slice(1).join('–'));
    expect(gaps).toEqual(['700–800', '1000–1500', '2000–3000', '3000–5000', '5000–10000']);
    expect(findings.filter((f) => f.code === 'bounded_top').map((f) => f.message.en)).toEqual(['Band table stops at 10000: values above 10000 fall in no band']);
    expect(findings.every((f) => f.fix.zh.length > 0 && f.fix.en.length > 0)).toBe(true);
  });
  it('is resolved by the shipped preset with a recorded decision for each', () => {
    const shipped = loadPreset('spa-pay');
    expect(lintPolicy(shipped).filter((f) => f.severity !== 'info')).toEqual([]);
    expect(shipped.decisions.map((d) => d.id)).toEqual(expect.arrayContaining(['booking-80', 'card-gaps', 'completion-cap', 'gift-floor', 'leave-days']));
    expect(renderPolicy(shipped, 'zh')).toContain('## 决定');
  });
});

describe('tobacco grades and hiring', () => {
  it('has 10 levels and 60 grades', () => {
    const ladder = doc('tobacco-grades', 'tobacco-grades');
    if (ladder.kind !== 'ladder') throw new Error('kind');
    expect(ladderCounts(ladder)).toMatchObject({ levels: 10, grades: 60 });
  });
  const hiring = doc('tobacco-grades', 'tobacco-hiring');
  const person = { gender: 'male', birthDate: '1981-06-01', competitionDate: '2026-06-01', education: 'college', characterReview: true, trainingExamScore: 75 };
  it.each([
    ['a man of exactly 45 (以下 includes the number)', { birthDate: '1981-06-01' }, true],
    ['a man one day past 46th birthday eve is still 45', { birthDate: '1980-06-02' }, true],
    ['a man who turned 46 on the day', { birthDate: '1980-06-01' }, false],
    ['a woman of exactly 43', { gender: 'female', birthDate: '1983-06-01' }, true],
    ['a woman of 44', { gender: 'female', birthDate: '1982-06-01' }, false],
    ['senior high school only', { education: 'senior_middle' }, false],
    ['a bachelor', { education: 'bachelor' }, true],
    ['failed the training exam', { trainingExamScore: 59.5 }, false],
  ])('%s', (_n, over, ok) => {
    const r = evaluate(hiring, { ...person, ...over }) as EligibilityResult;
    expect(r.eligible).toBe(ok);
    if (!ok) expect(r.rules.find((x) => !x.passed)!.reasons[0]!.zh.length).toBeGreaterThan(0);
  });
  it('says why a refusal happened', () => {
    const r = evaluate(hiring, { ...person, gender: 'female', birthDate: '1980-01-01' }) as EligibilityResult;
    expect(r.rules.find((x) => x.id === 'age')!.reasons[0]!.zh).toBe('2026-06-01 时 46 周岁，超过女性 43 周岁的上限');
  });
});

describe('bank 2005 rules', () => {
  const ladder = doc('bank-2005', 'bank-2005');
  it('has 11 grades over 4 levels, 4 senior-expert levels and four categories', () => {
    if (ladder.kind !== 'ladder') throw new Error('kind');
    expect(ladderCounts(ladder)).toEqual({ levels: 4, grades: 11, seniorExpertLevels: 4, tracks: 4 });
  });
  it.each([
    ['qualified and meeting the standard', { qualified: true, meetsStandard: true }, true, 0],
    ['not qualified', { qualified: false, meetsStandard: true }, false, 1],
    ['qualified but below the standard', { qualified: true, meetsStandard: false }, false, 1],
  ])('assistant level: %s', (_n, f, applies, reasons) => {
    const r = evaluate(ladder, { track: 'credit', level: 'assistant', step: 2, ...f }) as LadderResult;
    expect(r.held?.code).toBe('credit/assistant/2');
    expect(r.benefitsApply).toBe(applies);
    expect(r.reasons).toHaveLength(reasons);
  });
  it('lets a trainee have benefits without the qualification', () => {
    expect((evaluate(ladder, { track: 'market', level: 'trainee', step: 1, qualified: false }) as LadderResult).benefitsApply).toBe(true);
  });
});

describe('city commercial bank', () => {
  const q = doc('city-bank', 'city-bank');
  it.each([
    ['passes both tests', { writtenScore: 70, interviewScore: 65, avgDailyDeposit2003: 0 }, true, ['per-exam-level']],
    ['fails the test but had exactly 3,000,000 of deposits', { writtenScore: 50, interviewScore: 40, avgDailyDeposit2003: 3_000_000 }, true, ['provisional-junior']],
    ['fails the test with 2,999,999.99', { writtenScore: 50, interviewScore: 70, avgDailyDeposit2003: 2_999_999.99 }, false, []],
  ])('%s', (_n, f, ok, grants) => {
    const r = evaluate(q, f) as EligibilityResult;
    expect(r.eligible).toBe(ok);
    expect(r.grants).toEqual(grants);
  });
});

describe('rural credit cooperative', () => {
  const rules = doc('rural-credit', 'rural-credit');
  it('visits loans of 300,000 or more monthly and other borrowers quarterly', () => {
    const r = evaluate(rules, { customers: [{ id: 'a', loanAmount: 300_000 }, { id: 'b', loanAmount: 299_999.99 }, { id: 'c', loanAmount: 0 }] }) as PortfolioResult;
    expect(r.visits.map((v) => v.everyMonths)).toEqual([1, 3, null]);
    expect(r.visits[0]!.clause).toBe('11');
  });
  it('keeps at most 1,000 retail and 50 corporate borrowers per manager', () => {
    const r = evaluate(rules, { counts: { retail: 1000, corporate: 53 } }) as PortfolioResult;
    expect(r.staffing.map((s) => [s.id, s.excess])).toEqual([['retail', 0], ['corporate', 3]]);
  });
  it('pays position, management and uncapped performance pay', () => {
    const pay = doc('rural-credit', 'rural-credit-pay');
    const r = evaluate(pay, { positionPayYuan: 3000, managementPoolYuan: 1000, managementCoefficient: 1.1, newDepositsYuan: 1_500_000, depositTargetYuan: 1_000_000, nplRecoveredYuan: 50_000, expenseLinkYuan: 200 }) as CompensationResult;
    expect(r.lines.map((l) => [l.id, l.amountFen])).toEqual([['position', 300_000], ['management', 110_000], ['deposits', 350_000], ['recovery', 50_000], ['expenses', 20_000]]);
    const falling = evaluate(pay, { positionPayYuan: 0, managementPoolYuan: 0, managementCoefficient: 0, newDepositsYuan: -200_000, depositTargetYuan: 1_000_000, nplRecoveredYuan: 0, expenseLinkYuan: 0 }) as CompensationResult;
    expect(falling.lines.find((l) => l.id === 'deposits')!.amountFen).toBe(-40_000);
  });
});

describe('scorecards', () => {
  const tob = loadPreset('tobacco-evaluation');
  const facts = { salesYuan: 120_000, salesTargetYuan: 100_000, newCustomers: 5, newCustomersTarget: 5, avgOrderYuan: 100, avgOrderTargetYuan: 100, complaints: 1, surveyRating: 4.5, retentionRate: 0.9, score: { communication: 0.8, teamwork: 0.9, learning: 1 }, seriousViolation: false, conductPoints: 0 };
  it('weights each item, holds completion within floor and cap, and bands the score', () => {
    const r = evaluate(tob, facts) as ScorecardResult;
    expect(r.lines.find((l) => l.id === 'sales')!.points).toBe('36.00');
    expect(r.score).toBe((36 + 10 + 10 + 7.5 + 9 + 9 + 5.6 + 6.3 + 6).toFixed(2));
    expect(r.grade?.grade).toBe('A');
    const capped = evaluate(tob, { ...facts, salesYuan: 1_000_000 }) as ScorecardResult;
    expect(capped.lines.find((l) => l.id === 'sales')!.applied).toBe('1.5');
    const floored = evaluate(tob, { ...facts, salesYuan: -100_000 }) as ScorecardResult;
    expect(floored.lines.find((l) => l.id === 'sales')!.points).toBe('-15.00');
  });
  it('zeroes the score on a veto', () => {
    const r = evaluate(tob, { ...facts, seriousViolation: true }) as ScorecardResult;
    expect(r.score).toBe('0.00');
    expect(r.veto?.id).toBe('violation');
    expect(r.grade?.grade).toBe('D');
  });
  it('adds conduct penalties and awards with caps (spa conduct)', () => {
    const spa = loadPreset('spa-conduct');
    const r = evaluate(spa, { score: { service: 0.9 }, conduct: { dress: 1, late: 20, hygiene: 0, unauthorisedLeave: 0, awards: 3, privacyBreach: false, gifts: false } }) as ScorecardResult;
    expect(r.adjustments.map((a) => [a.id, a.points])).toEqual([['dress', '-2.00'], ['late', '-20.00'], ['hygiene', '0.00'], ['leave', '0.00'], ['awards', '10.00']]);
    expect(r.score).toBe('78.00');
  });
});

describe('example facts for the remaining documents', () => {
  it('hotel service: complaints in time, satisfaction, training and violations', () => {
    const r = evaluate(loadPreset('hotel-service'), { complaintsHandled: 4, complaintsInTime: 3, surveyRating: 4, trainingHours: 8, score: { teamwork: 0.5 }, violations: 1 }) as ScorecardResult;
    // 30 × 0.75 + 30 × 0.8 + 20 × 0.5 + 20 × 1 − 5 = 71.5
    expect(r.score).toBe('71.50');
    expect(r.grade?.grade).toBe('B');
    const none = evaluate(loadPreset('hotel-service'), { complaintsHandled: 0, complaintsInTime: 0, surveyRating: 5, trainingHours: 10, score: { teamwork: 1 }, violations: 0 }) as ScorecardResult;
    expect(none.score).toBe('100.00');
  });
  it('power supply: big customers are followed up monthly, others have no set interval', () => {
    const r = evaluate(loadPreset('power-big-customers'), { customers: [{ id: 'cement', bigCustomer: true }, { id: 'shop', bigCustomer: false }] }) as PortfolioResult;
    expect(r.visits.map((v) => [v.customer, v.everyMonths])).toEqual([['cement', 1], ['shop', null]]);
  });
  it('bank 2005 evaluation: performance held between −0.5× and 1.5×, new NPL vetoes', () => {
    const doc2005 = doc('bank-2005', 'bank-2005-evaluation');
    const facts = { performanceCompletion: 0.9, score: { ethics: 1, basics: 0.9, credit: 0.8, service: 1 }, newNplResponsible: false };
    const r = evaluate(doc2005, facts) as ScorecardResult;
    expect(r.score).toBe('90.00'); // 45 + 10 + 9 + 16 + 10
    expect(r.grade?.grade).toBe('keep');
    expect((evaluate(doc2005, { ...facts, performanceCompletion: 2 }) as ScorecardResult).grade?.grade).toBe('up');
    expect((evaluate(doc2005, { ...facts, newNplResponsible: true }) as ScorecardResult).grade?.grade).toBe('down');
  });
  it('rural credit evaluation: deposits and loans against targets, NPL lower is better, conduct capped', () => {
    const rc = doc('rural-credit', 'rural-credit-evaluation');
    const facts = { avgDailyDepositYuan: 5_500_000, depositTargetYuan: 5_000_000, avgDailyLoanYuan: 3_000_000, loanTargetYuan: 4_000_000, nplRatio: 0.02, interestCollectionRate: 0.95, dueLoanRecoveryRate: 0.9, visitCompliance: 1, newCustomers: 3, newCustomersTarget: 6, score: { ledgers: 0.8, service: 0.9 }, conductPoints: -15, seriousViolation: false };
    const r = evaluate(rc, facts) as ScorecardResult;
    // 20×1.1 + 15×0.75 + 15×0.6 + 10×0.95 + 10×0.9 + 10×1 + 5×0.5 + 10×0.8 + 5×0.9 − 10 (capped) = 75.75
    expect(r.lines.find((l) => l.id === 'npl')).toMatchObject({ applied: '0.6', inputs: { nplRatio: '0.02' } });
    expect(r.adjustments[0]!.points).toBe('-10.00');
    expect(r.score).toBe('75.75');
    expect(r.grade?.grade).toBe('B');
    expect((evaluate(rc, { ...facts, nplRatio: 0.05 }) as ScorecardResult).lines.find((l) => l.id === 'npl')!.points).toBe('0.00');
  });
  it('city bank ladder: three levels, each needing the qualification', () => {
    const r = evaluate(doc('city-bank', 'city-bank-ladder'), { level: 'junior', step: 1, qualified: false }) as LadderResult;
    expect(r.benefitsApply).toBe(false);
    expect(r.held?.code).toBe('cm/junior/1');
  });
  it('rural credit selection: the double exam, and past abuse bars', () => {
    const sel = doc('rural-credit', 'rural-credit-selection');
    expect((evaluate(sel, { applied: true, knowledgeScore: 60, characterReview: true, pastAbuse: false }) as EligibilityResult).eligible).toBe(true);
    const barred = evaluate(sel, { applied: true, knowledgeScore: 95, characterReview: true, pastAbuse: true }) as EligibilityResult;
    expect(barred.eligible).toBe(false);
    expect(barred.rules.find((x) => !x.passed)!.id).toBe('barred');
  });
});
