import { Decimal } from 'decimal.js';
import { dec } from '../money/fen.ts';
import { holds, readPath } from './conditions.ts';
import { DivideByZero, evaluateNumber, expressionNames } from './expression.ts';
import { inTier } from './tiers.ts';
import type { ScorecardPolicy, Text } from './schema.ts';
import type { PolicyRef } from './result.ts';

export interface ScoreLine {
  id: string; label: Text; clause: string; group?: string; weight: number;
  /** The completion factor as computed, and as applied after floor and cap. */
  completion: string; applied: string; points: string; formula: string; inputs: Record<string, string>; source: string;
}
export interface ScorecardResult {
  kind: 'scorecard';
  policy: PolicyRef;
  /** Total points, two decimals; the sum of item and adjustment points unless a veto applies. */
  score: string;
  lines: ScoreLine[];
  adjustments: { id: string; label: Text; clause: string; points: string; formula: string }[];
  veto: { id: string; label: Text; clause: string } | null;
  grade: { grade: string; label: Text; coefficient: number } | null;
}

/** The facts an expression read, as text: `{ salesYuan: "120000" }` (a missing fact reads as "—"). */
function inputsOf(expr: string, facts: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(expressionNames(expr).map((n) => {
    const v = readPath(facts, n);
    return [n, v === undefined || v === null ? '—' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v)];
  }));
}

/** The band a score falls in, or null when the bands leave it out. */
export function scorecardBand(policy: ScorecardPolicy, score: Decimal) {
  return policy.bands.find((b) => inTier(score, { min: b.min, max: b.max, price: 0 })) ?? null;
}

/**
 * Scores one person: each item earns weight × completion, the completion held between the
 * item's floor and cap (e.g. −0.5× … 1.5×); bonus and penalty items add points (capped);
 * a veto item (一票否决) sets the score to zero. The score then falls into a band: grade and
 * pay coefficient.
 */
export function evaluateScorecard(policy: ScorecardPolicy, facts: Record<string, unknown>): ScorecardResult {
  const scope = (p: string) => readPath(facts, p);
  const lines: ScoreLine[] = policy.items.map((item) => {
    const expr = item.completion ?? `score.${item.id}`;
    let completion: Decimal;
    try {
      completion = evaluateNumber(expr, scope);
    } catch (e) {
      if (!(e instanceof DivideByZero)) throw e;
      completion = new Decimal(0);
    }
    const applied = Decimal.min(Decimal.max(completion, item.floor), item.cap);
    const points = applied.times(item.weight);
    return {
      id: item.id, label: item.label, clause: item.clause, ...(item.group ? { group: item.group } : {}), weight: item.weight,
      completion: completion.toDecimalPlaces(4).toFixed(), applied: applied.toDecimalPlaces(4).toFixed(), points: points.toFixed(2),
      formula: `${item.weight} × clamp(${expr}, ${item.floor}, ${item.cap})`, inputs: inputsOf(expr, facts), source: item.source,
    };
  });
  const adjustments = policy.adjustments.map((a) => {
    let p = evaluateNumber(a.points, scope);
    if (a.cap !== undefined) p = p.isNegative() ? Decimal.max(p, -a.cap) : Decimal.min(p, a.cap);
    return { id: a.id, label: a.label, clause: a.clause, points: p.toFixed(2), formula: a.points };
  });
  const vetoDef = policy.vetoes.find((v) => holds(v.when, facts)) ?? null;
  const raw = [...lines.map((l) => l.points), ...adjustments.map((a) => a.points)].reduce((a, p) => a.plus(dec(p)), new Decimal(0));
  const score = vetoDef ? new Decimal(0) : raw;
  const band = vetoDef ? policy.bands.reduce((lo, b) => (lo && (lo.min?.value ?? -Infinity) < (b.min?.value ?? -Infinity) ? lo : b), policy.bands[0]!) : scorecardBand(policy, score);
  return {
    kind: 'scorecard', policy: { id: policy.id, version: policy.version, title: policy.title }, score: score.toFixed(2), lines, adjustments,
    veto: vetoDef ? { id: vetoDef.id, label: vetoDef.label, clause: vetoDef.clause } : null,
    grade: band ? { grade: band.grade, label: band.label, coefficient: band.coefficient } : null,
  };
}

/**
 * How many of `people` a band with a headcount quota of `percent` % may hold: rounded DOWN,
 * with no minimum of one. "优秀比例不超过20%" is a ceiling (不超过 = at most), so 20 % of four
 * people allows nobody and 20 % of five allows one. The one rule for every scorecard and for
 * HR's calibration (decision `quota-rounding` in the scorecard presets).
 */
export function quotaAllowed(percent: number, people: number): number {
  return Math.floor((people * percent) / 100);
}

/** Checks a calibrated distribution against the bands' headcount quotas (see quotaAllowed). */
export function quotaExcess(policy: ScorecardPolicy, grades: readonly string[]): { grade: string; count: number; allowed: number }[] {
  return policy.bands.filter((b) => b.quotaPercent !== undefined).map((b) => ({
    grade: b.grade,
    count: grades.filter((g) => g === b.grade).length,
    allowed: quotaAllowed(b.quotaPercent!, grades.length),
  })).filter((x) => x.count > x.allowed);
}
