import { expressionNames } from '../policy/expression.ts';
import type { FactDecl, ScorecardPolicy, Text } from '../policy/schema.ts';

/**
 * What a cycle must supply to a scorecard policy, and where each value comes from. The policy
 * engine scores (see scorecard-run.ts); this file only gathers its facts:
 * - `figure`: a fact Kehu reads itself (sales, complaints, NPL ratio…), by the fact's name;
 * - `entered`: the evaluator types it, with evidence and a comment (targets, manual scores);
 * - `360`: an item scored by the raters (aggregate360), 0–100 → score.<item> 0–1;
 * - `survey`: an item scored by the customers' survey rating (1–5 → 0–1);
 * - `conduct`: conduct records (奖惩记录): the points (`conductPoints`) and the veto (`seriousViolation`).
 */
export type InputFill = 'figure' | 'entered' | '360' | 'survey' | 'conduct';
export interface ScorecardInput { key: string; label: Text; type: FactDecl['type'] | 'score'; unit: string | null; fill: InputFill; items: string[] }
export interface Figure { value: number; source: string }
export interface Entry { value: number; comment: string; evidence: string }
export interface ConductEntry { points: number; veto: boolean; ref: string }
/** One fact as it went into the engine: the value shown to people and where it came from. */
export interface Provenance { value: string; source: string }

/** Facts a cycle derives from conduct records rather than reading or asking for them. */
export const CONDUCT_FACTS: readonly string[] = ['conductPoints', 'seriousViolation'];

const SCORE = 'score';
const scoreKey = (itemId: string) => `${SCORE}.${itemId}`;

/** The inputs of a scorecard in the order its items read them; facts no item reads (vetoes, adjustments) last. */
export function scorecardInputs(policy: ScorecardPolicy, figureKeys: ReadonlySet<string>): ScorecardInput[] {
  const out = new Map<string, ScorecardInput>();
  const add = (key: string, make: () => Omit<ScorecardInput, 'items'>, itemId: string | null) => {
    const cur = out.get(key) ?? { ...make(), items: [] };
    if (itemId && !cur.items.includes(itemId)) cur.items.push(itemId);
    out.set(key, cur);
  };
  const ofFact = (d: FactDecl) => () => ({
    key: d.name, label: d.label, type: d.type, unit: d.unit ?? null,
    fill: (CONDUCT_FACTS.includes(d.name) ? 'conduct' : figureKeys.has(d.name) ? 'figure' : 'entered') as InputFill,
  });
  for (const item of policy.items) {
    if (item.completion) {
      for (const name of expressionNames(item.completion)) {
        const d = policy.facts.find((f) => f.name === name);
        if (d) add(d.name, ofFact(d), item.id);
      }
    } else {
      const fill: InputFill = item.source === '360' ? '360' : item.source === 'survey' ? 'survey' : 'entered';
      // A survey-scored item takes the customers' mean rating (1–5); a manual or 360 score is 0–100.
      add(scoreKey(item.id), () => ({ key: scoreKey(item.id), label: item.label, type: 'score', unit: fill === 'survey' ? '1–5' : '0–100', fill }), item.id);
    }
  }
  for (const d of policy.facts) if (d.name !== SCORE && !out.has(d.name)) add(d.name, ofFact(d), null);
  return [...out.values()];
}

export interface CycleInputs {
  /** Figures Kehu read, by fact name (rates as fractions 0–1). */
  figures: Record<string, Figure>;
  /** What the evaluator entered, by input key (rates in %, manual scores 0–100, yes/no as 1/0). */
  entered: Record<string, Entry>;
  /** 360 results per item id, 0–100, from the raters that counted (aggregate360). */
  ratings360: Record<string, number>;
  /** The customers' survey rating (1–5) with its source, when there is one. */
  survey: Figure | null;
  conduct: ConductEntry[];
}

/** A rate (0–1) shown as a percentage with two decimals, e.g. 0.9 → "90.00%". */
const shownRate = (fraction: number) => `${(Math.round(fraction * 10_000) / 100).toFixed(2)}%`;
/** Sets `a.b.c` as nested objects, as the engine reads fact paths (spa conduct: `conduct.late`). */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let o = target;
  for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
  o[parts.at(-1)!] = value;
}
const enteredSource = (e: Entry) => `考核人录入${e.evidence ? `（依据：${e.evidence}）` : ''}${e.comment ? `：${e.comment}` : ''}`;

/** An entered number as the fact's type wants it: % → fraction for rates and scores (a survey rating 1–5 → ÷ 5), 1/0 → yes/no. */
function fromEntered(input: ScorecardInput, v: number): number | boolean {
  if (input.type === 'score') return input.fill === 'survey' ? v / 5 : v / 100;
  if (input.type === 'rate') return v / 100;
  if (input.type === 'boolean') return v !== 0;
  return v;
}

/**
 * Assembles the facts a scorecard policy evaluates, with the provenance of each. An input with
 * no value is left out and listed in `missing`; the engine then refuses the facts, naming them.
 */
export function buildFacts(policy: ScorecardPolicy, inputs: ScorecardInput[], c: CycleInputs): { facts: Record<string, unknown>; provenance: Record<string, Provenance>; missing: string[] } {
  const facts: Record<string, unknown> = {};
  const scores: Record<string, number> = {};
  const provenance: Record<string, Provenance> = {};
  const missing: string[] = [];
  const put = (input: ScorecardInput, value: number | boolean, shown: string, source: string) => {
    if (input.type === 'score') scores[input.key.slice(SCORE.length + 1)] = value as number;
    else setPath(facts, input.key, value);
    provenance[input.key] = { value: shown, source };
  };
  for (const input of inputs) {
    const e = c.entered[input.key];
    const itemId = input.key.slice(SCORE.length + 1);
    if (input.fill === 'conduct') {
      const refs = c.conduct.map((x) => `${x.ref} ${x.points > 0 ? '+' : ''}${x.points}${x.veto ? '（一票否决）' : ''}`).join('；') || '本期无奖惩记录';
      if (input.type === 'boolean') put(input, c.conduct.some((x) => x.veto), c.conduct.some((x) => x.veto) ? '是' : '否', `奖惩记录：${refs}`);
      else { const p = Math.round(c.conduct.reduce((a, x) => a + x.points * 100, 0)) / 100; put(input, p, String(p), `奖惩记录：${refs}`); }
    } else if (input.fill === '360') {
      const r = c.ratings360[itemId];
      put(input, r === undefined ? 0 : r / 100, r === undefined ? '0' : String(r), r === undefined ? '360评价：无计入的评价人 → 0' : '360评价（按评价人权重加权）');
    } else if (input.fill === 'survey' && c.survey) {
      put(input, c.survey.value / 5, String(c.survey.value), c.survey.source);
    } else if (input.fill === 'figure' && c.figures[input.key]) {
      const f = c.figures[input.key]!;
      put(input, input.type === 'boolean' ? f.value !== 0 : f.value, input.type === 'boolean' ? (f.value !== 0 ? '是' : '否') : input.type === 'rate' ? shownRate(f.value) : String(f.value), f.source);
    } else if (e) {
      put(input, fromEntered(input, e.value), input.type === 'rate' ? shownRate(e.value / 100) : String(e.value), enteredSource(e));
    } else {
      missing.push(input.key);
    }
  }
  if (policy.facts.some((f) => f.name === SCORE)) facts[SCORE] = scores;
  return { facts, provenance, missing };
}
