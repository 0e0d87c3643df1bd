import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { evaluate, formatFen, type CompensationResult, type EvaluationResult } from '@kehu/domain';
import { CliError, loadPolicies, pickDocument, reportFailure, type Lang } from './policy.command.ts';

/** Display width of a string in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

const pad = (s: string, width: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
};

/** A plain-text table with a header rule; columns listed in `right` are right-aligned (amounts). */
export function table(header: string[], rows: string[][], right: readonly number[] = []): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, right.includes(i))).join(' │ ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n');
}

const brief = (item: unknown): string => {
  const s = JSON.stringify(item);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

/** The JSON printed by `kehu calc` for a compensation plan: total in yuan, each component, payday. */
export function compensationOutput(r: CompensationResult) {
  return {
    policy: r.policy,
    total: r.total,
    totalFen: r.totalFen,
    components: Object.fromEntries(r.lines.map((l) => [l.id, formatFen(l.amountFen)])),
    variants: r.variants.map((v) => v.id),
    payday: r.payday,
  };
}

function explainCompensation(r: CompensationResult, lang: Lang): string {
  const h = lang === 'zh' ? ['条款', '项目', '公式', '计入', '排除', '金额（元）'] : ['clause', 'component', 'formula', 'counted', 'excluded', 'amount (yuan)'];
  const rows = r.lines.map((l) => [l.clause, l.label[lang], l.formula, String(l.counted.length), String(l.excluded.length), formatFen(l.amountFen)]);
  rows.push(['', lang === 'zh' ? '合计' : 'total', lang === 'zh' ? 'Σ 各项金额' : 'Σ line amounts', '', '', r.total]);
  const out = [table(h, rows, [3, 4, 5])];
  const excluded = r.lines.flatMap((l) => l.excluded.map((x) => `  ${l.label[lang]} #${x.index} ${brief(x.item)}: ${x.reason[lang]}`));
  if (excluded.length) out.push(`${lang === 'zh' ? '未计入' : 'Excluded'}:\n${excluded.join('\n')}`);
  const notes = r.lines.flatMap((l) => l.counted.filter((c) => c.note).map((c) => `  ${l.label[lang]} #${c.index}: ${c.note}`));
  if (notes.length) out.push(`${lang === 'zh' ? '逐项' : 'Per item'}:\n${notes.join('\n')}`);
  const multipliers = r.lines.filter((l) => l.multiplier).map((l) => `  ${l.label[lang]} × ${l.multiplier!.label[lang]} = ${l.multiplier!.expr} = ${l.multiplier!.value}${l.multiplier!.value === l.multiplier!.applied ? '' : ` → ${l.multiplier!.applied}`} (${lang === 'zh' ? '条款' : 'clause'} ${l.multiplier!.clause})`);
  if (multipliers.length) out.push(`${lang === 'zh' ? '系数' : 'Multipliers'}:\n${multipliers.join('\n')}`);
  if (r.variants.length) out.push(`${lang === 'zh' ? '适用变体' : 'Variants applied'}: ${r.variants.map((v) => `${v.label[lang]} (${v.clause})`).join(', ')}`);
  if (r.payday) {
    const p = r.payday;
    out.push(lang === 'zh'
      ? `发薪日（条款 ${p.clause}）：${p.base} 顺延 ${p.delayDays} 天 → ${p.date}${p.countedLeave.length ? `（请假：${p.countedLeave.join('、')}）` : ''}`
      : `Payday (clause ${p.clause}): ${p.base} + ${p.delayDays} day(s) → ${p.date}${p.countedLeave.length ? ` (leave: ${p.countedLeave.join(', ')})` : ''}`);
  }
  return out.join('\n\n');
}

/** The trace of any evaluation result as readable text (tables where the result has lines). */
export function explain(result: EvaluationResult, lang: Lang): string {
  switch (result.kind) {
    case 'compensation': return explainCompensation(result, lang);
    case 'scorecard': {
      const h = lang === 'zh' ? ['条款', '指标', '权重', '完成', '计分系数', '得分', '公式'] : ['clause', 'item', 'weight', 'completion', 'applied', 'points', 'formula'];
      const rows = result.lines.map((l) => [l.clause, l.label[lang], String(l.weight), l.completion, l.applied, l.points, l.formula]);
      for (const a of result.adjustments) rows.push([a.clause, a.label[lang], '', '', '', a.points, a.formula]);
      const out = [table(h, rows, [2, 3, 4, 5])];
      if (result.veto) out.push(`${lang === 'zh' ? '一票否决' : 'Veto'}: ${result.veto.label[lang]} (${result.veto.clause})`);
      out.push(`${lang === 'zh' ? '总分' : 'Score'}: ${result.score}${result.grade ? ` → ${result.grade.label[lang]} (${result.grade.grade}, ×${result.grade.coefficient})` : ''}`);
      return out.join('\n\n');
    }
    case 'eligibility': {
      const h = lang === 'zh' ? ['条款', '条件', '结果', '原因'] : ['clause', 'rule', 'result', 'reasons'];
      const yes = lang === 'zh' ? '通过' : 'pass';
      const no = lang === 'zh' ? '不通过' : 'fail';
      const rows = result.rules.map((r) => [r.clause, r.label[lang], r.passed ? yes : no, r.reasons.map((x) => x[lang]).join('; ')]);
      return `${table(h, rows)}\n\n${lang === 'zh' ? '结论' : 'Eligible'}: ${result.eligible ? yes : no}${result.grants.length ? ` (${result.grants.join(', ')})` : ''}`;
    }
    case 'ladder': {
      const held = result.held ? result.held.label[lang] : (lang === 'zh' ? '（无）' : '(none)');
      const yes = lang === 'zh' ? '享受' : 'apply';
      const no = lang === 'zh' ? '不享受' : 'do not apply';
      const reasons = result.reasons.map((x) => `  ${x[lang]}`).join('\n');
      return `${lang === 'zh' ? '所任档次' : 'Grade held'}: ${held}\n${lang === 'zh' ? '该级待遇' : 'Benefits of the level'}: ${result.benefitsApply ? yes : no}${reasons ? `\n${reasons}` : ''}`;
    }
    case 'portfolio': {
      const hv = lang === 'zh' ? ['客户', '走访间隔（月）', '规则', '条款'] : ['customer', 'visit every (months)', 'rule', 'clause'];
      const visits = result.visits.map((v) => [v.customer, v.everyMonths === null ? '-' : String(v.everyMonths), v.rule ?? '-', v.clause ?? '-']);
      const hs = lang === 'zh' ? ['条款', '配备标准', '管户数', '上限', '超出'] : ['clause', 'ratio', 'count', 'max', 'excess'];
      const staffing = result.staffing.map((x) => [x.clause, x.label[lang], String(x.count), String(x.max), String(x.excess)]);
      return `${table(hv, visits)}\n\n${table(hs, staffing, [2, 3, 4])}`;
    }
  }
}

function readFacts(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`读不到事实文件“${file}”`, `Cannot read the facts file "${file}"`);
  }
  let facts: unknown;
  try {
    facts = JSON.parse(text);
  } catch (e) {
    throw new CliError(`事实文件“${file}”不是有效的 JSON：${(e as Error).message}`, `The facts file "${file}" is not valid JSON: ${(e as Error).message}`);
  }
  if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) throw new CliError('事实文件应是一个 JSON 对象', 'The facts file must hold one JSON object');
  return facts as Record<string, unknown>;
}

/** `kehu calc --policy <id|file> --input <facts.json> [--doc <id>] [--explain] [--lang zh|en]`. */
export function registerCalcCommand(program: Command): void {
  program.command('calc').description('Evaluate a policy on one person\'s facts and print the result as JSON / 按策略计算一个人的结果')
    .requiredOption('--policy <id|file>', 'preset id or YAML file')
    .requiredOption('--input <facts.json>', 'JSON file with the person\'s facts (see docs/policies/)')
    .option('--doc <id>', 'which document of a multi-document policy to run')
    .option('--explain', 'also print the trace as a readable table')
    .option('--lang <lang>', 'zh or en, for --explain and errors', 'zh')
    .action((opts: { policy: string; input: string; doc?: string; explain?: boolean; lang?: string }) => {
      const lang: Lang = opts.lang === 'en' ? 'en' : 'zh';
      try {
        const policy = pickDocument(loadPolicies(opts.policy), opts.policy, opts.doc);
        const result = evaluate(policy, readFacts(opts.input));
        console.log(JSON.stringify(result.kind === 'compensation' ? compensationOutput(result) : result, null, 2));
        if (opts.explain) console.log(`\n${explain(result, lang)}`);
      } catch (e) {
        reportFailure(e, lang);
      }
    });
}
