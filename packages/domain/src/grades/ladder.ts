import { loadPresetDocuments, listPresets } from '../presets/index.ts';
import type { LadderPolicy } from '../policy/schema.ts';

/**
 * Grade ladders (tobacco grades rule book; 银发〔2005〕288号) and the gap between the grade a
 * person holds and the grade whose benefits apply. The ladders are the presets' `ladder` policy
 * documents (tobacco-grades: 10 levels × 6 steps; bank-2005: 11 grades and 4 senior-expert
 * levels; city-bank-ladder); grade codes are `<level>-<step>`, ranked from the lowest.
 */
export interface LadderLevel { id: string; label: { zh: string; en: string }; steps: number; qualificationRequired: boolean; seniorExpert?: boolean }
export interface Ladder { id: string; title: { zh: string; en: string }; levels: LadderLevel[] }

/** A ladder policy as Kehu ranks it: the policy lists levels from the highest, the ladder from the lowest. */
export function ladderFromPolicy(policy: LadderPolicy): Ladder {
  return {
    id: policy.id, title: policy.title,
    levels: [...policy.levels].reverse().map((l) => ({ id: l.id, label: l.label, steps: l.steps, qualificationRequired: l.qualificationRequired, ...(l.seniorExpert ? { seniorExpert: true } : {}) })),
  };
}

/** Every ladder policy document of the shipped presets, by id. */
export function ladderById(id: string): Ladder | null {
  for (const p of listPresets()) {
    const doc = loadPresetDocuments(p.id).find((d): d is LadderPolicy => d.kind === 'ladder' && d.id === id);
    if (doc) return ladderFromPolicy(doc);
  }
  return null;
}

export interface GradeInfo { code: string; level: string; step: number; rank: number; label: { zh: string; en: string }; qualificationRequired: boolean }

/** All grades of a ladder from the lowest (rank 0) up. */
export function gradesOf(ladder: Ladder): GradeInfo[] {
  const out: GradeInfo[] = [];
  for (const l of ladder.levels) {
    for (let s = 1; s <= l.steps; s++) {
      out.push({ code: `${l.id}-${s}`, level: l.id, step: s, rank: out.length, label: { zh: `${l.label.zh}${s}档`, en: `${l.label.en} step ${s}` }, qualificationRequired: l.qualificationRequired });
    }
  }
  return out;
}

export function gradeInfo(ladder: Ladder, code: string): GradeInfo | null {
  return gradesOf(ladder).find((g) => g.code === code) ?? null;
}

/** Moves a grade `delta` steps along the ladder, stopping at both ends. */
export function shiftGrade(ladder: Ladder, code: string, delta: number): string {
  const all = gradesOf(ladder);
  const g = all.find((x) => x.code === code);
  if (!g) return code;
  return all[Math.max(0, Math.min(all.length - 1, g.rank + delta))]!.code;
}

export interface BenefitsInput { held: string; qualifiedLevels: string[]; latestBand: string | null; standardBands: string[] }
export interface BenefitsResult { held: string; applies: string; reasons: { zh: string; en: string }[] }

/**
 * Bank 2005, clause 4: without the level's qualification no benefits of that level; qualified
 * but below the level's performance standard → no benefits of that level either. The grade
 * whose benefits apply is then the top step of the nearest lower level that passes both.
 */
export function benefitsGrade(ladder: Ladder, input: BenefitsInput): BenefitsResult {
  const all = gradesOf(ladder);
  const held = all.find((g) => g.code === input.held);
  if (!held) return { held: input.held, applies: input.held, reasons: [] };
  const reasons: { zh: string; en: string }[] = [];
  const meetsStandard = input.latestBand === null || input.standardBands.includes(input.latestBand);
  for (let r = held.rank; r >= 0; r--) {
    const g = all[r]!;
    if (r !== held.rank && g.level === all[r + 1]!.level) continue; // only the top step of lower levels
    const qualified = !g.qualificationRequired || input.qualifiedLevels.includes(g.level);
    const ok = qualified && (meetsStandard || !g.qualificationRequired);
    if (ok) return { held: held.code, applies: g.code, reasons };
    const lvl = ladder.levels.find((l) => l.id === g.level)!;
    reasons.push(!qualified
      ? { zh: `未取得${lvl.label.zh}任职资格，不享受该等级待遇`, en: `Not qualified for ${lvl.label.en}: no benefits of that level` }
      : { zh: `考核结果${input.latestBand}未达到${lvl.label.zh}的业绩标准，不享受该等级待遇`, en: `Result ${input.latestBand} is below the ${lvl.label.en} standard: no benefits of that level` });
  }
  return { held: held.code, applies: all[0]!.code, reasons };
}

/**
 * Grades float (能上能下): a band proposes steps up or down, by its place in the scorecard
 * policy's bands (top first). Kehu's decision: the top band (A, 升档) → +1 step, the bottom band
 * (D, 降档) → −1 step, the others keep the grade; the bottom band twice in a row → −2 (the rule
 * books only say "up and down").
 */
export function proposeShift(position: 'top' | 'middle' | 'bottom', previous: 'top' | 'middle' | 'bottom' | null): number {
  if (position === 'top') return 1;
  if (position === 'bottom') return previous === 'bottom' ? -2 : -1;
  return 0;
}
