import { readPath } from './conditions.ts';
import type { FactDecl, Policy } from './schema.ts';
import { PolicyError, type PolicyIssue } from './parse.ts';

const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

function problem(type: FactDecl['type'], v: unknown, values?: string[]): { zh: string; en: string } | null {
  switch (type) {
    case 'money': case 'number': case 'rate': return isNum(v) ? null : { zh: '应为数字', en: 'must be a number' };
    case 'count': return isNum(v) && Number.isInteger(v) && (v as number) >= 0 ? null : { zh: '应为非负整数', en: 'must be a whole number ≥ 0' };
    case 'boolean': return typeof v === 'boolean' ? null : { zh: '应为 true 或 false', en: 'must be true or false' };
    case 'date': return isDate(v) ? null : { zh: '应为日期 YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' };
    case 'text': return typeof v === 'string' ? null : { zh: '应为文本', en: 'must be text' };
    case 'enum': return typeof v === 'string' && (!values || values.includes(v)) ? null : { zh: `应为 ${values?.join('/') ?? ''} 之一`, en: `must be one of ${values?.join('/') ?? ''}` };
    case 'dates': return Array.isArray(v) && v.every(isDate) ? null : { zh: '应为日期列表', en: 'must be a list of dates' };
    case 'map': return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(isNum) ? null : { zh: '应为“名称: 数字”的对象', en: 'must be an object of numbers' };
    case 'list': return Array.isArray(v) ? null : { zh: '应为列表', en: 'must be a list' };
  }
}

/**
 * Checks facts against the policy's declarations before evaluation, so bad input gets an error
 * naming its path (`cards.3.amount: must be a number`) instead of a failure deep inside.
 */
export function checkFacts(policy: Policy, facts: Record<string, unknown>): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  for (const d of policy.facts) {
    const v = readPath(facts, d.name);
    if (v === undefined || v === null) {
      if (!d.optional) issues.push({ path: d.name, message: { zh: `缺少${d.label.zh}`, en: `${d.label.en} is missing` } });
      continue;
    }
    const p = problem(d.type, v, d.values);
    if (p) { issues.push({ path: d.name, message: p }); continue; }
    if (d.type === 'list' && d.item) {
      (v as unknown[]).forEach((item, i) => {
        for (const [field, type] of Object.entries(d.item!)) {
          const fp = problem(type, readPath(item, field));
          if (fp) issues.push({ path: `${d.name}.${i}.${field}`, message: fp });
        }
      });
    }
  }
  return issues;
}

/** Throws a PolicyError listing every bad fact. */
export function assertFacts(policy: Policy, facts: Record<string, unknown>): void {
  const issues = checkFacts(policy, facts);
  if (issues.length) throw new PolicyError(issues);
}
