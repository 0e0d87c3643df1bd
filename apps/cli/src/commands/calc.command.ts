import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { evaluate, formatFen, PolicyError, type EvaluationResult } from '@kehu/domain';
import { loadPolicyArg } from './policy-source.ts';

/** The JSON printed by `kehu calc`: for pay, `total` in yuan with two decimals, `components` and `payday`. */
export function calcOutput(r: EvaluationResult): Record<string, unknown> {
  if (r.kind !== 'compensation') return r as unknown as Record<string, unknown>;
  return {
    policy: r.policy.id, version: r.policy.version, total: r.total, totalFen: r.totalFen,
    components: r.lines.map((l) => ({ id: l.id, label: l.label, clause: l.clause, amount: formatFen(l.amountFen), amountFen: l.amountFen })),
    payday: r.payday?.date ?? null,
    paydayDetail: r.payday,
    variants: r.variants.map((v) => v.id),
  };
}

/** The trace as a readable table: each line, its clause, formula, output, and the facts counted and left out. */
export function explainText(r: EvaluationResult): string {
  if (r.kind !== 'compensation') return JSON.stringify(r, null, 2);
  const rows = r.lines.map((l) => [l.clause, `${l.label.zh} ${l.label.en}`, l.formula, formatFen(l.amountFen), String(l.counted.length), String(l.excluded.length)]);
  const head = ['clause', 'component 组成', 'formula 公式', 'amount 金额', 'counted', 'excluded'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i]!)).join(' │ ');
  const out = [fmt(head), width.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(fmt), '', `total 合计: ${r.total}`];
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

/** `kehu calc --policy <id|file> --input <facts.json> [--explain]`. */
export function registerCalcCommand(program: Command): void {
  program.command('calc').description('Evaluate a policy on one person\'s facts / 按策略计算')
    .requiredOption('--policy <policy>', 'preset id or YAML file')
    .requiredOption('--input <file>', 'facts as JSON')
    .option('--explain', 'print the trace as a table')
    .action((opts: { policy: string; input: string; explain?: boolean }) => {
      const [doc] = loadPolicyArg(opts.policy);
      let facts: Record<string, unknown>;
      try {
        facts = JSON.parse(readFileSync(opts.input, 'utf8')) as Record<string, unknown>;
      } catch (e) {
        console.error(`${opts.input}: cannot read JSON / 无法读取 JSON — ${(e as Error).message}`);
        process.exit(1);
      }
      try {
        const r = evaluate(doc!, facts);
        console.log(opts.explain ? explainText(r) : JSON.stringify(calcOutput(r), null, 2));
      } catch (e) {
        if (!(e instanceof PolicyError)) throw e;
        console.error('bad facts / 输入数据有误:');
        for (const i of e.issues) console.error(`  ${i.path}: ${i.message.zh} / ${i.message.en}`);
        process.exit(1);
      }
    });
}
