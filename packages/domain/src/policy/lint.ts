import { expressionNames } from './expression.ts';
import { leaves } from './conditions.ts';
import { ladderCounts } from './ladder.ts';
import type { Bound, Calc, Condition, Policy, Predicate, Text, Tier } from './schema.ts';

export type Severity = 'error' | 'warning' | 'info';
export interface Finding { severity: Severity; code: string; clause: string; path: string; message: Text; fix: Text }

const t = (zh: string, en: string): Text => ({ zh, en });
const num = (b: Bound | undefined) => b?.value;

/** Overlaps, gaps, unreachable and unbounded bands in one ordered list of bands. */
export function lintBands(bands: readonly { min?: Bound; max?: Bound; rate?: number; price?: number }[], ctx: { clause: string; path: string; monotone?: boolean; what: Text }): Finding[] {
  const out: Finding[] = [];
  const f = (severity: Severity, code: string, path: string, message: Text, fix: Text) => out.push({ severity, code, clause: ctx.clause, path, message, fix });
  for (let i = 0; i + 1 < bands.length; i++) {
    const a = bands[i]!;
    const b = bands[i + 1]!;
    const p = `${ctx.path}[${i}]–[${i + 1}]`;
    if (!a.max) {
      f('error', 'unreachable_band', `${ctx.path}[${i + 1}]`, t(`${ctx.what.zh}第${i + 2}档不可达：第${i + 1}档没有上限`, `${ctx.what.en} band ${i + 2} is unreachable: band ${i + 1} has no upper bound`), t('给前一档加上限，或删除该档', 'Give the band before an upper bound, or remove this band'));
      continue;
    }
    if (!b.min) {
      f('error', 'unreachable_band', `${ctx.path}[${i + 1}]`, t(`${ctx.what.zh}第${i + 2}档没有下限，与前面各档重叠`, `${ctx.what.en} band ${i + 2} has no lower bound and overlaps the bands before it`), t('为该档设下限', 'Give this band a lower bound'));
      continue;
    }
    const hi = a.max.value;
    const lo = b.min.value;
    if (hi > lo || (hi === lo && a.max.inclusive && b.min.inclusive)) {
      f('error', 'overlap', p, hi === lo
        ? t(`${ctx.what.zh}第${i + 1}档与第${i + 2}档都包含 ${hi}`, `${ctx.what.en} bands ${i + 1} and ${i + 2} both include ${hi}`)
        : t(`${ctx.what.zh}第${i + 1}档与第${i + 2}档在 ${lo}–${hi} 重叠`, `${ctx.what.en} bands ${i + 1} and ${i + 2} overlap between ${lo} and ${hi}`),
      t(`决定 ${hi} 属于哪一档，把另一档的该边界改为不含`, `Decide which band ${hi} belongs to and make the other bound exclusive`));
    } else if (hi < lo || (hi === lo && !a.max.inclusive && !b.min.inclusive)) {
      f('warning', 'gap', p, hi === lo
        ? t(`${ctx.what.zh}在 ${hi} 处有空档：两档都不包含它`, `${ctx.what.en} has a gap at ${hi}: neither band includes it`)
        : t(`${ctx.what.zh}在 ${hi}–${lo} 之间有空档，该区间的数值不属于任何一档`, `${ctx.what.en} has a gap between ${hi} and ${lo}: values there fall in no band`),
      t('把相邻档的边界接上（并记录为决定），或明确该区间不计', 'Join the neighbouring bounds (and record it as a decision), or state that the gap earns nothing'));
    }
    if (ctx.monotone && (a.rate ?? a.price ?? 0) > (b.rate ?? b.price ?? 0)) {
      f('error', 'not_monotone', p, t(`声明为递增，但第${i + 2}档低于第${i + 1}档`, `declared monotone, but band ${i + 2} pays less than band ${i + 1}`), t('检查档次费率的顺序', 'Check the order of the band rates'));
    }
  }
  const top = bands[bands.length - 1];
  if (top?.max) {
    f('warning', 'bounded_top', `${ctx.path}[${bands.length - 1}]`, t(`${ctx.what.zh}最高档止于 ${top.max.value}，超过 ${top.max.value} 的数值不属于任何一档`, `${ctx.what.en} stops at ${top.max.value}: values above ${top.max.value} fall in no band`), t('为最高档去掉上限，或增加更高一档', 'Remove the top band\'s upper bound or add a band above it'));
  } else if (top) {
    f('info', 'unbounded_top', `${ctx.path}[${bands.length - 1}]`, t(`${ctx.what.zh}最高档不设上限（${num(top.min) ?? ''} 以上全部按此档计）`, `${ctx.what.en} top band is unbounded (everything from ${num(top.min) ?? ''} up)`), t('确认这是细则的本意', 'Confirm this is what the rule book means'));
  }
  return out;
}

function factNames(policy: Policy): Set<string> {
  return new Set(policy.facts.map((f) => f.name));
}

/** True when `name` is declared, or is a prefix/child of a declared fact. */
function known(declared: Set<string>, name: string): boolean {
  if (declared.has(name)) return true;
  for (const d of declared) if (d.startsWith(`${name}.`) || name.startsWith(`${d}.`)) return true;
  return false;
}

function conditionFindings(c: Condition, declared: Set<string>, clause: string, path: string, policy: Policy): Finding[] {
  const out: Finding[] = [];
  for (const leaf of leaves(c)) {
    if (!known(declared, leaf.field)) out.push({ severity: 'error', code: 'unknown_fact', clause, path, message: t(`未声明的事实“${leaf.field}”`, `Unknown fact "${leaf.field}"`), fix: t('在 facts 中声明它，或改正名称', 'Declare it under facts or fix the name') });
    const decl = policy.facts.find((f) => f.name === leaf.field);
    if (decl?.values && leaf.op === 'eq' && !decl.values.includes(String(leaf.value))) {
      out.push({ severity: 'warning', code: 'never_applies', clause, path, message: t(`条件要求 ${leaf.field} = ${JSON.stringify(leaf.value)}，但它只能取 ${decl.values.join('/')}，永远不会成立`, `The condition needs ${leaf.field} = ${JSON.stringify(leaf.value)}, which is not one of ${decl.values.join('/')}: it never applies`), fix: t('改正取值', 'Fix the value') });
    }
  }
  if ('all' in c) {
    const eqs = new Map<string, unknown>();
    for (const x of c.all) if ('field' in x && x.op === 'eq') {
      if (eqs.has(x.field) && eqs.get(x.field) !== x.value) out.push({ severity: 'warning', code: 'never_applies', clause, path, message: t(`条件要求 ${x.field} 同时等于两个不同的值，永远不会成立`, `The condition needs ${x.field} to equal two different values: it never applies`), fix: t('改为“或”，或删除其一', 'Use "any" or drop one') });
      eqs.set(x.field, x.value);
    }
  }
  return out;
}

function exprFindings(expr: string, declared: Set<string>, clause: string, path: string, extra: (n: string) => boolean): Finding[] {
  try {
    return expressionNames(expr).filter((n) => !known(declared, n) && !extra(n)).map((n) => ({
      severity: 'error' as const, code: 'unknown_fact', clause, path, message: t(`公式引用了未声明的事实“${n}”`, `The formula uses an unknown fact "${n}"`), fix: t('在 facts 中声明它，或改正名称', 'Declare it under facts or fix the name'),
    }));
  } catch (e) {
    return [{ severity: 'error', code: 'bad_formula', clause, path, message: t(`公式无法解析：${(e as Error).message}`, `The formula cannot be parsed: ${(e as Error).message}`), fix: t('改正公式', 'Fix the formula') }];
  }
}

function calcFindings(calc: Calc, clause: string, path: string, policy: Policy, declared: Set<string>, extra: (n: string) => boolean): Finding[] {
  const out: Finding[] = [];
  if (calc.type === 'tiered') {
    const list = policy.facts.find((f) => f.name === calc.source);
    if (!list || list.type !== 'list') out.push({ severity: 'error', code: 'unknown_fact', clause, path: `${path}.source`, message: t(`“${calc.source}”不是已声明的列表事实`, `"${calc.source}" is not a declared list fact`), fix: t('声明该列表事实', 'Declare the list fact') });
    const itemFields = new Set(Object.keys(list?.item ?? {}));
    const checkField = (field: string, p: string) => {
      if (list?.item && !itemFields.has(field)) out.push({ severity: 'error', code: 'unknown_fact', clause, path: p, message: t(`列表“${calc.source}”的条目没有字段“${field}”`, `Items of "${calc.source}" have no field "${field}"`), fix: t('改正字段名', 'Fix the field name') });
    };
    calc.filter.forEach((fl, i) => leaves(fl.when).forEach((l) => checkField(l.field, `${path}.filter[${i}]`)));
    if (calc.basis) checkField(calc.basis, `${path}.basis`);
    out.push(...lintBands(calc.tiers, { clause, path: `${path}.tiers`, monotone: calc.monotone, what: t('档次', 'Band table') }));
    const rates = calc.tiers.map((x: Tier) => x.rate).filter((r): r is number => r !== undefined);
    for (const [i, a] of calc.adjustments.entries()) {
      leaves(a.when).forEach((l) => checkField(l.field, `${path}.adjustments[${i}]`));
      const lowest = Math.min(...rates);
      if (rates.length && lowest + a.ratePoints < 0) out.push({ severity: a.floorAtZero ? 'warning' : 'error', code: 'negative_rate', clause: a.clause, path: `${path}.adjustments[${i}]`, message: t(`调整 ${a.ratePoints} 个百分点会使 ${lowest}% 的档次低于 0%${a.floorAtZero ? '（按 0% 计）' : ''}`, `Adjusting by ${a.ratePoints} pp takes the ${lowest}% band below 0%${a.floorAtZero ? ' (floored at 0%)' : ''}`), fix: t('记录为决定：最低按 0% 计，或改变调整幅度', 'Record a decision: floor at 0%, or change the adjustment') });
    }
  } else if (calc.type === 'piece_rate') {
    out.push(...exprFindings(calc.quantity, declared, clause, `${path}.quantity`, extra));
    if (calc.target) out.push(...exprFindings(calc.target, declared, clause, `${path}.target`, extra));
  } else {
    out.push(...exprFindings(calc.expr, declared, clause, `${path}.expr`, extra));
  }
  return out;
}

function predicateFacts(p: Predicate): string[] {
  if ('all' in p) return p.all.flatMap(predicateFacts);
  if ('any' in p) return p.any.flatMap(predicateFacts);
  if ('not' in p) return predicateFacts(p.not);
  if ('ageAtMost' in p) return ['birthDate', 'gender', p.on];
  if ('educationAtLeast' in p) return ['education'];
  return [p.fact];
}

/** Finds a policy's own gaps: each finding with severity, clause, message and a suggested fix. */
export function lintPolicy(policy: Policy): Finding[] {
  const declared = factNames(policy);
  const out: Finding[] = [];
  switch (policy.kind) {
    case 'compensation': {
      const ids = new Set(policy.components.map((c) => c.id));
      for (const v of policy.variants) for (const c of v.add) ids.add(c.id);
      const extra = (n: string) => /^(measure|amount)\./.test(n) && ids.has(n.split('.')[1]!);
      policy.components.forEach((c, i) => {
        out.push(...calcFindings(c.calc, c.clause, `components[${i}].calc`, policy, declared, extra));
        if (c.multiplier) {
          out.push(...exprFindings(c.multiplier.expr, declared, c.multiplier.clause, `components[${i}].multiplier`, extra));
          if (c.multiplier.cap !== undefined && c.multiplier.floor !== undefined && c.multiplier.cap < c.multiplier.floor) out.push({ severity: 'error', code: 'cap_below_floor', clause: c.multiplier.clause, path: `components[${i}].multiplier`, message: t(`上限 ${c.multiplier.cap} 低于下限 ${c.multiplier.floor}`, `Cap ${c.multiplier.cap} is below floor ${c.multiplier.floor}`), fix: t('交换或改正上下限', 'Swap or fix cap and floor') });
        }
      });
      policy.variants.forEach((v, i) => {
        out.push(...conditionFindings(v.when, declared, v.clause, `variants[${i}].when`, policy));
        for (const [id, r] of Object.entries(v.replace)) {
          if (!ids.has(id)) out.push({ severity: 'error', code: 'unknown_component', clause: v.clause, path: `variants[${i}].replace.${id}`, message: t(`变体替换了不存在的组成项“${id}”`, `The variant replaces an unknown component "${id}"`), fix: t('改正组成项名称', 'Fix the component id') });
          if (r.calc) out.push(...calcFindings(r.calc, v.clause, `variants[${i}].replace.${id}.calc`, policy, declared, extra));
        }
      });
      break;
    }
    case 'scorecard': {
      const total = policy.items.reduce((a, x) => a + x.weight, 0);
      if (Math.abs(total - 100) > 1e-9) out.push({ severity: 'error', code: 'weights', clause: policy.items[0]!.clause, path: 'items', message: t(`各项权重合计 ${total}，应为 100`, `Item weights add up to ${total}, not 100`), fix: t('调整权重使合计为 100', 'Adjust the weights to add up to 100') });
      if (policy.raters.length) {
        const rw = policy.raters.reduce((a, r) => a + r.weight, 0);
        if (Math.abs(rw - 100) > 1e-9) out.push({ severity: 'error', code: 'weights', clause: policy.items[0]!.clause, path: 'raters', message: t(`评价人权重合计 ${rw}，应为 100`, `Rater weights add up to ${rw}, not 100`), fix: t('调整评价人权重', 'Adjust the rater weights') });
      }
      const itemIds = new Set(policy.items.map((x) => x.id));
      const extra = (n: string) => n.startsWith('score.') && itemIds.has(n.slice(6));
      policy.items.forEach((x, i) => {
        if (x.cap < x.floor) out.push({ severity: 'error', code: 'cap_below_floor', clause: x.clause, path: `items[${i}]`, message: t(`上限 ${x.cap} 低于下限 ${x.floor}`, `Cap ${x.cap} is below floor ${x.floor}`), fix: t('改正上下限', 'Fix cap and floor') });
        if (x.completion) out.push(...exprFindings(x.completion, declared, x.clause, `items[${i}].completion`, extra));
      });
      policy.adjustments.forEach((a, i) => out.push(...exprFindings(a.points, declared, a.clause, `adjustments[${i}].points`, extra)));
      policy.vetoes.forEach((v, i) => out.push(...conditionFindings(v.when, declared, v.clause, `vetoes[${i}].when`, policy)));
      const sorted = [...policy.bands].sort((a, b) => (a.min?.value ?? -Infinity) - (b.min?.value ?? -Infinity));
      out.push(...lintBands(sorted, { clause: policy.items[0]!.clause, path: 'bands', what: t('分数段', 'Score bands') }).filter((f) => f.code !== 'unbounded_top' && f.code !== 'bounded_top'));
      const quota = policy.bands.reduce((a, b) => a + (b.quotaPercent ?? 0), 0);
      if (policy.bands.every((b) => b.quotaPercent !== undefined) && quota < 100) out.push({ severity: 'warning', code: 'quota', clause: policy.items[0]!.clause, path: 'bands', message: t(`各档名额合计 ${quota}%，不足 100%，有人将无档可归`, `Band quotas add up to ${quota}%: some people fit no band`), fix: t('放开一档的名额限制', 'Leave one band without a quota') });
      break;
    }
    case 'eligibility':
      policy.rules.forEach((r, i) => {
        for (const f of predicateFacts(r.test)) if (!known(declared, f)) out.push({ severity: 'error', code: 'unknown_fact', clause: r.clause, path: `rules[${i}].test`, message: t(`未声明的事实“${f}”`, `Unknown fact "${f}"`), fix: t('在 facts 中声明它', 'Declare it under facts') });
      });
      break;
    case 'ladder': {
      const c = ladderCounts(policy);
      if (policy.expected && (policy.expected.levels !== c.levels || policy.expected.grades !== c.grades)) {
        out.push({ severity: 'error', code: 'ladder_count', clause: policy.levels[0]!.clause, path: 'levels', message: t(`等级体系为 ${c.levels} 级 ${c.grades} 档，细则规定 ${policy.expected.levels} 级 ${policy.expected.grades} 档`, `The ladder has ${c.levels} levels and ${c.grades} grades; the rule book says ${policy.expected.levels} and ${policy.expected.grades}`), fix: t('核对各级档次数', 'Check the steps per level') });
      }
      break;
    }
    case 'portfolio': {
      // Visit rules test each customer, so the customers list's item fields count as facts here.
      const withItems = new Set([...declared, ...policy.facts.flatMap((f) => Object.keys(f.item ?? {}))]);
      policy.visitFrequency.forEach((v, i) => out.push(...conditionFindings(v.when, withItems, v.clause, `visitFrequency[${i}].when`, policy)));
      break;
    }
  }
  return out;
}

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'error');
