import { EDUCATION_LEVELS, type EducationLevel } from '../people/staff-enums.ts';

/**
 * Eligibility for a competition (公开竞聘), until the policy engine evaluates eligibility
 * documents: age in full years (周岁) on the competition date by gender, education at least X,
 * an exam score, and "or" alternatives such as the average-deposit route (city bank rules).
 */
export interface EligibilityRules {
  maxAge: { male: number; female: number } | null;
  minEducation: EducationLevel | null;
  minExamScore: number | null;
  /** Alternative route: average daily deposits at least this many yuan (city bank: 3,000,000). */
  depositRouteYuan: number | null;
}
export interface Applicant { gender: 'male' | 'female'; birthDate: string; education: EducationLevel; examScore: number | null; avgDailyDepositsYuan: number | null }
export interface EligibilityOutcome { eligible: boolean; route: 'standard' | 'deposits' | null; reasons: { zh: string; en: string }[] }

/** Age in full years on a date: the birthday itself completes the year. */
export function ageInFullYears(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function checkEligibility(rules: EligibilityRules, a: Applicant, on: string): EligibilityOutcome {
  const reasons: { zh: string; en: string }[] = [];
  if (rules.maxAge) {
    const max = rules.maxAge[a.gender];
    const age = ageInFullYears(a.birthDate, on);
    // 以下 includes the number: 45 is still eligible.
    if (age > max) reasons.push({ zh: `${on}年满${age}周岁，超过${a.gender === 'male' ? '男' : '女'}性${max}周岁以下的要求`, en: `Aged ${age} on ${on}, over the limit of ${max} for ${a.gender === 'male' ? 'men' : 'women'}` });
  }
  if (rules.minEducation && EDUCATION_LEVELS.indexOf(a.education) < EDUCATION_LEVELS.indexOf(rules.minEducation)) {
    reasons.push({ zh: `学历低于要求（至少${rules.minEducation}）`, en: `Education below the minimum (${rules.minEducation})` });
  }
  const examOk = rules.minExamScore === null || (a.examScore !== null && a.examScore >= rules.minExamScore);
  if (reasons.length) return { eligible: false, route: null, reasons };
  if (examOk) return { eligible: true, route: 'standard', reasons: [] };
  if (rules.depositRouteYuan !== null && a.avgDailyDepositsYuan !== null && a.avgDailyDepositsYuan >= rules.depositRouteYuan) {
    return { eligible: true, route: 'deposits', reasons: [{ zh: `考试未通过，但日均存款达到${rules.depositRouteYuan}元，可暂定资格`, en: `Exam failed, but average daily deposits reach ${rules.depositRouteYuan}: provisional qualification` }] };
  }
  return { eligible: false, route: null, reasons: [{ zh: `考试成绩${a.examScore ?? '无'}低于${rules.minExamScore}分`, en: `Exam score ${a.examScore ?? 'none'} below ${rules.minExamScore}` }] };
}
