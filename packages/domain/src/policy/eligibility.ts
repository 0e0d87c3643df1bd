import { EDUCATION_LEVELS, LABELS, type EducationLevel } from '../people/staff-enums.ts';
import { readPath } from './conditions.ts';
import { dec } from '../money/fen.ts';
import type { EligibilityPolicy, Predicate, Text } from './schema.ts';
import type { PolicyRef } from './result.ts';

/** Age in full years (周岁) on `on`: birthdays not yet reached that year do not count. Dates YYYY-MM-DD. */
export function fullYears(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

export interface RuleOutcome { id: string; label: Text; clause: string; passed: boolean; reasons: Text[]; grants?: string }
export interface EligibilityResult { kind: 'eligibility'; policy: PolicyRef; eligible: boolean; rules: RuleOutcome[]; grants: string[] }

const OPS: Record<string, (a: number, b: number) => boolean> = {
  eq: (a, b) => a === b, ne: (a, b) => a !== b, gt: (a, b) => a > b, gte: (a, b) => a >= b, lt: (a, b) => a < b, lte: (a, b) => a <= b,
};
const OP_ZH: Record<string, string> = { eq: '等于', ne: '不等于', gt: '高于', gte: '不低于', lt: '低于', lte: '不高于', in: '属于' };

/** Tests a predicate; returns the reasons it failed (empty when it passed). */
export function test(p: Predicate, facts: Record<string, unknown>): Text[] {
  if ('all' in p) return p.all.flatMap((x) => test(x, facts));
  if ('any' in p) {
    const results = p.any.map((x) => test(x, facts));
    if (results.some((r) => r.length === 0)) return [];
    return [{ zh: `以下条件均不满足：${results.map((r) => r.map((t) => t.zh).join('；')).join(' 或 ')}`, en: `none of the alternatives holds: ${results.map((r) => r.map((t) => t.en).join('; ')).join(' OR ')}` }];
  }
  if ('not' in p) return test(p.not, facts).length === 0 ? [{ zh: '不得满足该条件', en: 'must not hold' }] : [];
  if ('ageAtMost' in p) {
    const birth = readPath(facts, 'birthDate') as string | undefined;
    const on = readPath(facts, p.on) as string | undefined;
    const gender = readPath(facts, 'gender');
    if (!birth || !on || (gender !== 'male' && gender !== 'female')) return [{ zh: '缺少出生日期、参照日期或性别', en: 'birth date, reference date or gender missing' }];
    const age = fullYears(birth, on);
    const limit = p.ageAtMost[gender];
    return age <= limit ? [] : [{ zh: `${on} 时 ${age} 周岁，超过${gender === 'male' ? '男性' : '女性'} ${limit} 周岁的上限`, en: `${age} full years on ${on}, above the ${gender} limit of ${limit}` }];
  }
  if ('educationAtLeast' in p) {
    const ed = readPath(facts, 'education') as EducationLevel | undefined;
    const need = EDUCATION_LEVELS.indexOf(p.educationAtLeast);
    if (!ed || !EDUCATION_LEVELS.includes(ed)) return [{ zh: '缺少学历', en: 'education missing' }];
    return EDUCATION_LEVELS.indexOf(ed) >= need ? [] : [{ zh: `学历${LABELS.education[ed].zh}，低于要求的${LABELS.education[p.educationAtLeast].zh}`, en: `education ${LABELS.education[ed].en} is below ${LABELS.education[p.educationAtLeast].en}` }];
  }
  const actual = readPath(facts, p.fact);
  const name = p.label ?? { zh: p.fact, en: p.fact };
  if (actual === undefined || actual === null) return [{ zh: `缺少${name.zh}`, en: `${name.en} missing` }];
  let ok: boolean;
  if (p.op === 'in') ok = Array.isArray(p.value) && p.value.includes(actual);
  else if (typeof actual === 'number' && typeof p.value === 'number') ok = OPS[p.op]!(dec(actual).comparedTo(dec(p.value)), 0);
  else ok = p.op === 'eq' ? actual === p.value : p.op === 'ne' ? actual !== p.value : false;
  return ok ? [] : [{ zh: `${name.zh}为 ${JSON.stringify(actual)}，应${OP_ZH[p.op]} ${JSON.stringify(p.value)}`, en: `${name.en} is ${JSON.stringify(actual)}, needs ${p.op} ${JSON.stringify(p.value)}` }];
}

/** Checks a person against each rule; refusals carry every reason. */
export function evaluateEligibility(policy: EligibilityPolicy, facts: Record<string, unknown>): EligibilityResult {
  const rules = policy.rules.map((r) => {
    const reasons = test(r.test, facts);
    return { id: r.id, label: r.label, clause: r.clause, passed: reasons.length === 0, reasons, ...(r.grants ? { grants: r.grants } : {}) };
  });
  const eligible = policy.combine === 'all' ? rules.every((r) => r.passed) : rules.some((r) => r.passed);
  return { kind: 'eligibility', policy: { id: policy.id, version: policy.version, title: policy.title }, eligible, rules, grants: rules.filter((r) => r.passed && r.grants).map((r) => r.grants!) };
}
