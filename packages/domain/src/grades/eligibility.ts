import { evaluate } from '../policy/evaluate.ts';
import { fullYears, type EligibilityResult } from '../policy/eligibility.ts';
import type { EligibilityPolicy, Predicate, Text } from '../policy/schema.ts';
import type { EducationLevel } from '../people/staff-enums.ts';

/**
 * Eligibility for a competition (公开竞聘): the conditions HR sets on the competition become an
 * `eligibility` policy document, and the policy engine checks each applicant against it — age
 * in full years (周岁) on the competition date by gender (以下 includes the number), education at
 * least X, an exam score, and the alternative average-deposit route (city bank rules, art. 9).
 * Every refusal reason is the engine's, rule by rule.
 */
export interface EligibilityRules {
  maxAge: { male: number; female: number } | null;
  minEducation: EducationLevel | null;
  minExamScore: number | null;
  /** Alternative route: average daily deposits at least this many yuan (city bank: 3,000,000). */
  depositRouteYuan: number | null;
}
export interface Applicant { gender: 'male' | 'female'; birthDate: string; education: EducationLevel; examScore: number | null; avgDailyDepositsYuan: number | null }
export interface EligibilityOutcome { eligible: boolean; route: 'standard' | 'deposits' | null; reasons: Text[]; trace: EligibilityResult }

/** Age in full years on a date: the birthday itself completes the year (the engine's rule). */
export const ageInFullYears = fullYears;

/** The competition's conditions as an eligibility policy: one route, or two (exam | deposits) when the deposit route is open. */
export function competitionPolicy(rules: EligibilityRules, title: string): EligibilityPolicy {
  const common: Predicate[] = [
    ...(rules.maxAge ? [{ ageAtMost: rules.maxAge, on: 'competitionDate' }] : []),
    ...(rules.minEducation ? [{ educationAtLeast: rules.minEducation }] : []),
  ];
  const exam: Predicate[] = rules.minExamScore === null ? [] : [{ fact: 'examScore', op: 'gte', value: rules.minExamScore, label: { zh: '考试成绩', en: 'Exam score' } }];
  const all = (ps: Predicate[]): Predicate => (ps.length === 1 ? ps[0]! : { all: ps });
  const standard = [...common, ...exam];
  const routes = [
    { id: 'standard', label: { zh: '任职条件与考试', en: 'Conditions and exam' }, clause: '竞聘条件', test: standard.length ? all(standard) : { not: { fact: 'none', op: 'eq', value: true } } as Predicate, grants: 'standard' },
    ...(rules.depositRouteYuan !== null && exam.length ? [{
      id: 'deposits', label: { zh: '考试未通过但日均存款达标（暂定资格）', en: 'Exam failed but average deposits reached (provisional)' }, clause: '城市商业银行办法第9条', grants: 'deposits',
      test: all([...common, { fact: 'avgDailyDepositsYuan', op: 'gte', value: rules.depositRouteYuan, label: { zh: '日均存款', en: 'Average daily deposits' } }]),
    }] : []),
  ];
  return {
    id: 'competition', kind: 'eligibility', title: { zh: title, en: title }, version: 1, effective: { from: '1900-01-01', to: null },
    source: { title, clauses: [] }, decisions: [], rounding: 'half_up', combine: 'any', rules: routes,
    facts: [
      { name: 'gender', type: 'enum', values: ['male', 'female'], label: { zh: '性别', en: 'Gender' }, optional: false },
      { name: 'birthDate', type: 'date', label: { zh: '出生日期', en: 'Birth date' }, optional: false },
      { name: 'competitionDate', type: 'date', label: { zh: '竞聘日期', en: 'Competition date' }, optional: false },
      { name: 'education', type: 'text', label: { zh: '学历', en: 'Education' }, optional: false },
      { name: 'examScore', type: 'number', label: { zh: '考试成绩', en: 'Exam score' }, optional: true },
      { name: 'avgDailyDepositsYuan', type: 'money', label: { zh: '日均存款', en: 'Average daily deposits' }, optional: true },
    ],
  };
}

/** Checks one applicant through the policy engine; reasons are the failed rules' reasons, each once. */
export function checkEligibility(rules: EligibilityRules, a: Applicant, on: string, title = '公开竞聘'): EligibilityOutcome {
  const facts = { gender: a.gender, birthDate: a.birthDate, competitionDate: on, education: a.education, examScore: a.examScore, avgDailyDepositsYuan: a.avgDailyDepositsYuan };
  const r = evaluate(competitionPolicy(rules, title), facts) as EligibilityResult;
  const seen = new Set<string>();
  const once = (ts: Text[]) => ts.filter((t) => !seen.has(t.zh) && seen.add(t.zh));
  if (!r.eligible) {
    // The deposit route speaks only for someone who failed the exam.
    const examFailed = rules.minExamScore !== null && (a.examScore === null || a.examScore < rules.minExamScore);
    return { eligible: false, route: null, reasons: once(r.rules.filter((x) => x.id === 'standard' || examFailed).flatMap((x) => x.reasons)), trace: r };
  }
  const route = r.rules.find((x) => x.passed && x.id === 'standard') ? 'standard' : 'deposits';
  const reasons = route === 'deposits'
    ? [{ zh: `暂定资格：${r.rules.find((x) => x.id === 'deposits')!.label.zh}`, en: `Provisional: ${r.rules.find((x) => x.id === 'deposits')!.label.en}` }, ...once(r.rules.find((x) => x.id === 'standard')!.reasons)]
    : [];
  return { eligible: true, route, reasons, trace: r };
}
