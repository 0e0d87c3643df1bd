import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { evaluate, yuanOfFen, isPreset, listPresets, loadPresetDocuments, PolicyError, type EvaluationResult, type Policy } from '@kehu/domain';
import { loadPolicyArg } from './policy-source.ts';

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

/** A plain-text table whose columns stay aligned with Chinese text; columns in `right` are right-aligned. */
export function table(head: string[], rows: string[][], right: readonly number[] = []): string[] {
  const width = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i] ?? ''))));
  const pad = (c: string, i: number) => {
    const fill = ' '.repeat(width[i]! - displayWidth(c));
    return right.includes(i) ? fill + c : c + fill;
  };
  const fmt = (cells: string[]) => cells.map(pad).join(' │ ').trimEnd();
  return [fmt(head), width.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(fmt)];
}

/**
 * The document `calc` runs: `--doc <id>` picks one of a multi-document policy; a document id of a
 * preset (e.g. `rural-credit-pay`) may also be given directly as `--policy`.
 */
export function pickCalcDocument(policyArg: string, docId?: string): Policy {
  let docs: Policy[] | undefined;
  if (!isPreset(policyArg) && !existsSync(policyArg)) {
    const owner = listPresets().find((p) => loadPresetDocuments(p.id).some((d) => d.id === policyArg));
    if (owner) {
      docs = loadPresetDocuments(owner.id);
      docId ??= policyArg;
    }
  }
  docs ??= loadPolicyArg(policyArg);
  if (!docId) return docs[0]!;
  const doc = docs.find((d) => d.id === docId);
  if (!doc) {
    console.error(`${policyArg}: no document "${docId}" / 没有文档“${docId}”（${docs.map((d) => d.id).join(', ')}）`);
    process.exit(1);
  }
  return doc;
}

/** The JSON printed by `kehu calc`: for pay, `total` in yuan with two decimals, `components` and `payday`. */
export function calcOutput(r: EvaluationResult): Record<string, unknown> {
  if (r.kind !== 'compensation') return r as unknown as Record<string, unknown>;
  return {
    policy: r.policy.id, version: r.policy.version, total: r.total, totalFen: r.totalFen,
    components: r.lines.map((l) => ({ id: l.id, label: l.label, clause: l.clause, amount: yuanOfFen(l.amountFen), amountFen: l.amountFen })),
    payday: r.payday?.date ?? null,
    paydayDetail: r.payday,
    variants: r.variants.map((v) => v.id),
  };
}

/** The trace as a readable table: each line, its clause, formula, output, and the facts counted and left out. */
export function explainText(r: EvaluationResult): string {
  if (r.kind !== 'compensation') return explainOther(r);
  const rows = r.lines.map((l) => [l.clause, `${l.label.zh} ${l.label.en}`, l.formula, yuanOfFen(l.amountFen), String(l.counted.length), String(l.excluded.length)]);
  const head = ['clause', 'component 组成', 'formula 公式', 'amount 金额', 'counted', 'excluded'];
  const out = [...table(head, rows, [3, 4, 5]), '', `total 合计: ${r.total}`];
  if (r.payday) out.push(`payday 发薪日: ${r.payday.date} (${r.payday.base} + ${r.payday.delayDays} leave day(s) ${r.payday.countedLeave.join(', ')})`);
  for (const v of r.variants) out.push(`variant 特殊情形: ${v.label.zh} / ${v.label.en} (clause ${v.clause})`);
  for (const l of r.lines) {
    if (l.multiplier) out.push(`${l.id}: × ${l.multiplier.label.zh} ${l.multiplier.expr} = ${l.multiplier.value} → ${l.multiplier.applied}`);
    const reasons = new Map<string, number>();
    for (const x of l.excluded) reasons.set(`${x.reason.zh} / ${x.reason.en}`, (reasons.get(`${x.reason.zh} / ${x.reason.en}`) ?? 0) + 1);
    for (const [reason, n] of reasons) out.push(`${l.id}: ${n} left out — ${reason}`);
  }
  return out.join('\n');
}

const both = (t: { zh: string; en: string }) => `${t.zh} ${t.en}`;

/** Scorecards, eligibility, ladders and portfolio rules as tables, with the conclusion under them. */
function explainOther(r: Exclude<EvaluationResult, { kind: 'compensation' }>): string {
  switch (r.kind) {
    case 'scorecard': {
      const rows = r.lines.map((l) => [l.clause, both(l.label), String(l.weight), l.completion, l.applied, l.points, l.formula]);
      for (const a of r.adjustments) rows.push([a.clause, both(a.label), '', '', '', a.points, a.formula]);
      const out = table(['clause', 'item 指标', 'weight 权重', 'completion 完成', 'applied 计分', 'points 得分', 'formula 公式'], rows, [2, 3, 4, 5]);
      if (r.veto) out.push('', `veto 一票否决: ${both(r.veto.label)} (clause ${r.veto.clause})`);
      out.push('', `score 总分: ${r.score}${r.grade ? ` → ${r.grade.grade} ${both(r.grade.label)} ×${r.grade.coefficient}` : ''}`);
      return out.join('\n');
    }
    case 'eligibility': {
      const rows = r.rules.map((x) => [x.clause, both(x.label), x.passed ? 'pass 通过' : 'fail 不通过', x.reasons.map((t) => `${t.zh} / ${t.en}`).join('; ')]);
      const out = table(['clause', 'rule 条件', 'result 结果', 'reasons 原因'], rows);
      out.push('', `eligible 结论: ${r.eligible ? 'yes 符合' : 'no 不符合'}${r.grants.length ? ` (${r.grants.join(', ')})` : ''}`);
      return out.join('\n');
    }
    case 'ladder': {
      const out = [`grade held 所任档次: ${r.held ? `${r.held.code} ${both(r.held.label)}` : 'none 无'}`, `benefits 该级待遇: ${r.benefitsApply ? 'apply 享受' : 'do not apply 不享受'}`];
      for (const x of r.reasons) out.push(`  ${x.zh} / ${x.en}`);
      return out.join('\n');
    }
    case 'portfolio': {
      const visits = table(['customer 客户', 'every (months) 走访间隔（月）', 'rule 规则', 'clause'], r.visits.map((v) => [v.customer, v.everyMonths === null ? '-' : String(v.everyMonths), v.rule ?? '-', v.clause ?? '-']), [1]);
      const staffing = table(['clause', 'ratio 配备标准', 'count 管户数', 'max 上限', 'excess 超出'], r.staffing.map((x) => [x.clause, both(x.label), String(x.count), String(x.max), String(x.excess)]), [2, 3, 4]);
      return [...visits, '', ...staffing].join('\n');
    }
  }
}

/** `kehu calc --policy <id|file> --input <facts.json> [--doc <id>] [--explain]`. */
export function registerCalcCommand(program: Command): void {
  program.command('calc').description('Evaluate a policy on one person\'s facts / 按策略计算')
    .requiredOption('--policy <policy>', 'preset id or YAML file')
    .requiredOption('--input <file>', 'facts as JSON')
    .option('--doc <id>', 'which document of a multi-document policy (default: the first)')
    .option('--explain', 'print the trace as a table')
    .action((opts: { policy: string; input: string; doc?: string; explain?: boolean }) => {
      const doc = pickCalcDocument(opts.policy, opts.doc);
      let facts: Record<string, unknown>;
      try {
        facts = JSON.parse(readFileSync(opts.input, 'utf8')) as Record<string, unknown>;
      } catch (e) {
        console.error(`${opts.input}: cannot read JSON / 无法读取 JSON — ${(e as Error).message}`);
        process.exit(1);
      }
      try {
        const r = evaluate(doc, facts);
        console.log(opts.explain ? explainText(r) : JSON.stringify(calcOutput(r), null, 2));
      } catch (e) {
        if (!(e instanceof PolicyError)) throw e;
        console.error('bad facts / 输入数据有误:');
        for (const i of e.issues) console.error(`  ${i.path}: ${i.message.zh} / ${i.message.en}`);
        process.exit(1);
      }
    });
}
