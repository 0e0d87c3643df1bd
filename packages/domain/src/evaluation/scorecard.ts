/**
 * Kehu's own scorecard arithmetic, used until the policy engine (issue 3) evaluates
 * scorecards itself. Scores are points with two decimals, computed on integer hundredths
 * (no float accumulation): every item's points = weight × clamp(completion, floor, cap),
 * rounded half-up to 0.01 point. The total is the sum of its lines, always.
 */

export type RaterRole = 'superior' | 'peer' | 'subordinate' | 'self' | 'customer';
export const RATER_ROLES: readonly RaterRole[] = ['superior', 'peer', 'subordinate', 'self', 'customer'];

/** Where an item's figure comes from: a Kehu figure source, the evaluator, or the 360 ratings. */
export type ItemSource = 'data' | 'evaluator' | '360';

export interface ScoreItemDef {
  id: string;
  label: { zh: string; en: string };
  clause: string;
  group: string;
  /** Points at 100 % completion. */
  weight: number;
  source: ItemSource;
  /** For data items: the figure key read from the figure-source registry. */
  figure?: string;
  /** How the figure becomes completion: ratio to target, "fewer is better" per unit, or a 0..max scale. */
  completion:
    | { kind: 'ratio'; target: number }
    | { kind: 'fewerIsBetter'; perUnit: number }
    | { kind: 'scale'; max: number };
  floor: number;
  cap: number;
}

export interface BandDef { grade: string; label: { zh: string; en: string }; min: number | null; quotaPercent: number | null; coefficient: number }

export interface ScorecardDef {
  id: string;
  version: number;
  title: { zh: string; en: string };
  cycle: 'month' | 'quarter' | 'half_year' | 'year';
  raters: { role: RaterRole; weight: number; minRespondents: number; anonymous: boolean }[];
  items: ScoreItemDef[];
  /** Conduct records (rewards +, penalties −) add their points, bounded by ±cap. */
  conduct: { clause: string; cap: number };
  /** A penalty conduct record marked as veto (一票否决) puts the result in the lowest band. */
  vetoClause: string;
  /** Bands from the highest; `min` inclusive (以上 includes the number). The last band has min null. */
  bands: BandDef[];
  appealDays: number;
}

export interface ItemLine {
  id: string; label: { zh: string; en: string }; clause: string; source: ItemSource;
  figure: number | null; figureSource: string | null; completion: number | null; points: number; note: string;
}

export interface ScoreResult {
  lines: ItemLine[];
  conductPoints: number;
  total: number;
  vetoed: boolean;
  band: BandDef;
  trace: string[];
}

const cents = (x: number) => Math.round(x * 100);
const fromCents = (c: number) => c / 100;

/** Clamps completion to [floor, cap] (inclusive) and rounds to 4 decimals. */
export function completionOf(item: ScoreItemDef, figure: number): number {
  let c: number;
  switch (item.completion.kind) {
    case 'ratio': c = item.completion.target > 0 ? figure / item.completion.target : 0; break;
    case 'fewerIsBetter': c = 1 - figure * item.completion.perUnit; break;
    case 'scale': c = figure / item.completion.max; break;
  }
  return Math.round(Math.min(item.cap, Math.max(item.floor, c)) * 10000) / 10000;
}

/** The band a total falls in: the first band from the top whose `min` the total reaches. */
export function scoreBand(def: ScorecardDef, total: number): BandDef {
  return def.bands.find((b) => b.min === null || total >= b.min) ?? def.bands[def.bands.length - 1]!;
}

export interface ScoreInputs {
  /** Data and evaluator figures by item id, with their source text. */
  figures: Record<string, { value: number; source: string } | undefined>;
  /** 360 scores 0..100 per item id, already aggregated (see aggregate360). */
  ratings: Record<string, number | undefined>;
  conduct: { points: number; veto: boolean; ref: string }[];
}

/** Scores one person on a scorecard; missing figures count 0 and say so. */
export function scoreCard(def: ScorecardDef, inputs: ScoreInputs): ScoreResult {
  const trace: string[] = [];
  const lines: ItemLine[] = def.items.map((item) => {
    if (item.source === '360') {
      const r = inputs.ratings[item.id];
      const completion = r === undefined ? null : completionOf(item, r);
      const points = completion === null ? 0 : fromCents(cents(item.weight * completion));
      const note = r === undefined ? 'no counted ratings' : `${item.weight} × ${completion}`;
      trace.push(`${item.id} [${item.clause}]: 360 average ${r ?? '—'} → ${points}`);
      return { id: item.id, label: item.label, clause: item.clause, source: item.source, figure: r ?? null, figureSource: '360', completion, points, note };
    }
    const f = inputs.figures[item.id];
    if (!f) {
      trace.push(`${item.id} [${item.clause}]: no figure → 0`);
      return { id: item.id, label: item.label, clause: item.clause, source: item.source, figure: null, figureSource: null, completion: null, points: 0, note: 'no figure' };
    }
    const completion = completionOf(item, f.value);
    const points = fromCents(cents(item.weight * completion));
    trace.push(`${item.id} [${item.clause}]: ${f.value} (${f.source}) → completion ${completion} × ${item.weight} = ${points}`);
    return { id: item.id, label: item.label, clause: item.clause, source: item.source, figure: f.value, figureSource: f.source, completion, points, note: `${item.weight} × ${completion}` };
  });
  const rawConduct = inputs.conduct.reduce((a, c) => a + cents(c.points), 0);
  const conductCents = Math.max(-cents(def.conduct.cap), Math.min(cents(def.conduct.cap), rawConduct));
  if (inputs.conduct.length) trace.push(`conduct [${def.conduct.clause}]: ${inputs.conduct.map((c) => `${c.ref} ${c.points}`).join(', ')} → ${fromCents(conductCents)} (cap ±${def.conduct.cap})`);
  const totalCents = lines.reduce((a, l) => a + cents(l.points), 0) + conductCents;
  const total = fromCents(totalCents);
  const vetoed = inputs.conduct.some((c) => c.veto);
  const band = vetoed ? def.bands[def.bands.length - 1]! : scoreBand(def, total);
  trace.push(vetoed ? `veto [${def.vetoClause}] → ${band.grade}` : `total ${total} → band ${band.grade}`);
  return { lines, conductPoints: fromCents(conductCents), total, vetoed, band, trace };
}
