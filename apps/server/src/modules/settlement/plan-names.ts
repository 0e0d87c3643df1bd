import type { Policy } from '@kehu/domain';

type Both = { 'zh-CN': string; en: string };
type Compensation = Extract<Policy, { kind: 'compensation' }>;

/**
 * The plan's own names for what its expressions read: each fact by its label ("deductions.attendance"
 * → 差勤扣款), a component's measure and amount by the component ("measure.bookingCommission" →
 * 订房提成（计量）).
 */
export function planNames(policy: Compensation | undefined): Map<string, Both> {
  const names = new Map<string, Both>();
  if (!policy) return names;
  for (const f of policy.facts) names.set(f.name, { 'zh-CN': f.label.zh, en: f.label.en });
  for (const c of [...policy.components, ...policy.variants.flatMap((v) => v.add)]) {
    if (names.has(`measure.${c.id}`)) continue;
    names.set(`measure.${c.id}`, { 'zh-CN': `${c.label.zh}（计量）`, en: `${c.label.en} (measure)` });
    names.set(`amount.${c.id}`, { 'zh-CN': `${c.label.zh}（金额）`, en: `${c.label.en} (amount)` });
  }
  return names;
}

const PATH = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g;

/**
 * An expression (or a formula around one) with each path the plan names written by its name, and
 * `/` and `*` as ÷ and ×: "measure.bookingCommission / bookingTarget" → 订房提成（计量） ÷ 订房基数.
 * Null when it names nothing (a formula of numbers reads as it is).
 */
export function namedExpression(text: string, names: Map<string, Both>): Both | null {
  let named = false;
  const write = (lang: keyof Both) => text
    .replace(PATH, (path) => {
      const n = names.get(path);
      if (!n) return path;
      named = true;
      return n[lang];
    })
    .replace(/ \/ /g, ' ÷ ').replace(/ \* /g, ' × ');
  const both = { 'zh-CN': write('zh-CN'), en: write('en') };
  return named ? both : null;
}
