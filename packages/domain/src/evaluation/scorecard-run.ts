import { evaluate } from '../policy/evaluate.ts';
import type { ScorecardPolicy, Text } from '../policy/schema.ts';
import type { ScorecardResult } from '../policy/scorecard.ts';
import type { Provenance, ScorecardInput } from './scorecard-inputs.ts';

/**
 * One person's score in a cycle, as the policy engine computed it (`evaluate` on the cycle's
 * scorecard document) and explained line by line: each item's inputs with their sources, the
 * engine's formula, the completion before and after floor and cap, the points, and a trace
 * line naming the clause. Points are the engine's decimals as text (two places).
 */
export interface RunLine {
  id: string; label: Text; clause: string; group: string | null; source: string; weight: number;
  inputs: { key: string; label: Text; value: string; source: string }[];
  formula: string; completion: string; applied: string; points: string; trace: string;
}
export interface RunResult {
  policy: { id: string; version: number };
  total: string;
  band: { grade: string; label: Text; coefficient: number };
  vetoed: boolean;
  /** Points the adjustments (conduct records) added after their cap, or null when the policy has none. */
  conductPoints: string | null;
  lines: RunLine[];
  trace: string[];
}

/**
 * Runs the scorecard policy on assembled facts. The engine checks the facts first (a missing or
 * malformed one throws PolicyError naming it). A score the bands leave out is a policy error.
 */
export function runScorecard(policy: ScorecardPolicy, inputs: ScorecardInput[], facts: Record<string, unknown>, provenance: Record<string, Provenance>): RunResult {
  const r = evaluate(policy, facts) as ScorecardResult;
  if (!r.grade) throw new RangeError(`${policy.id}: no band holds the score ${r.score}`);
  const clause = (c: string) => `${policy.id} 第${c}条`;
  const lines: RunLine[] = r.lines.map((l) => {
    const mine = inputs.filter((i) => i.items.includes(l.id)).map((i) => ({ key: i.key, label: i.label, value: provenance[i.key]?.value ?? '—', source: provenance[i.key]?.source ?? '—' }));
    const used = mine.map((i) => `${i.key}=${i.value}（${i.source}）`).join('，');
    return {
      id: l.id, label: l.label, clause: l.clause, group: l.group ?? null, source: l.source, weight: l.weight, inputs: mine,
      formula: l.formula, completion: l.completion, applied: l.applied, points: l.points,
      trace: `${l.id} [${clause(l.clause)}]: ${l.formula}；${used} → 完成 ${l.completion}，计 ${l.applied} × ${l.weight} = ${l.points}`,
    };
  });
  const trace = [
    ...lines.map((l) => l.trace),
    ...r.adjustments.map((a) => `${a.id} [${clause(a.clause)}]: ${a.formula} = ${a.points}${provenance[a.formula] ? `（${provenance[a.formula]!.source}）` : ''}`),
    ...(r.veto ? [`${r.veto.id} [${clause(r.veto.clause)}]: ${r.veto.label.zh} → 0`] : []),
    `total ${r.score} → band ${r.grade.grade}（${r.grade.label.zh}，系数 ${r.grade.coefficient}）`,
  ];
  const adj = r.adjustments.length ? r.adjustments.reduce((a, x) => a + Math.round(Number(x.points) * 100), 0) / 100 : null;
  return {
    policy: { id: policy.id, version: policy.version }, total: r.score, band: r.grade, vetoed: r.veto !== null,
    conductPoints: adj === null ? null : adj.toFixed(2), lines, trace,
  };
}
