/**
 * Grade ladders (tobacco grades rule book; 银发〔2005〕288号) and the gap between the grade a
 * person holds and the grade whose benefits apply. Kept here until the policy engine ships
 * the tobacco-grades and bank-2005 ladder presets; grade codes are `<level>-<step>`.
 */
export interface LadderLevel { id: string; label: { zh: string; en: string }; steps: number; qualificationRequired: boolean; seniorExpert?: boolean }
export interface Ladder { id: string; title: { zh: string; en: string }; levels: LadderLevel[] }

/** Tobacco: 高级技师 1, 技师 1, 高级 1, 中级 4, 初级 3 levels = 10 levels × 6 档次 = 60 grades (lowest first). */
export const TOBACCO_LADDER: Ladder = {
  id: 'tobacco-grades',
  title: { zh: '烟草客户经理岗位等级', en: 'Tobacco customer-manager grades' },
  levels: [
    ...[1, 2, 3].map((n) => ({ id: `junior${n}`, label: { zh: `初级职业资格${n}级`, en: `Junior ${n}` }, steps: 6, qualificationRequired: false })),
    ...[1, 2, 3, 4].map((n) => ({ id: `mid${n}`, label: { zh: `中级职业资格${n}级`, en: `Intermediate ${n}` }, steps: 6, qualificationRequired: true })),
    { id: 'senior', label: { zh: '高级职业资格', en: 'Senior' }, steps: 6, qualificationRequired: true },
    { id: 'technician', label: { zh: '技师', en: 'Technician' }, steps: 6, qualificationRequired: true },
    { id: 'seniorTechnician', label: { zh: '高级技师', en: 'Senior technician' }, steps: 6, qualificationRequired: true },
  ],
};

/** Bank 2005: trainee 1, assistant 3, manager 3, senior 4 = 11 grades, plus 4 senior-expert levels; qualification from assistant 1 up. */
export const BANK_2005_LADDER: Ladder = {
  id: 'bank-2005',
  title: { zh: '银发〔2005〕288号 客户经理等级', en: 'Bank 2005 customer-manager grades' },
  levels: [
    { id: 'trainee', label: { zh: '见习客户经理', en: 'Trainee' }, steps: 1, qualificationRequired: false },
    { id: 'assistant', label: { zh: '助理客户经理', en: 'Assistant' }, steps: 3, qualificationRequired: true },
    { id: 'manager', label: { zh: '客户经理', en: 'Manager' }, steps: 3, qualificationRequired: true },
    { id: 'senior', label: { zh: '高级客户经理', en: 'Senior' }, steps: 4, qualificationRequired: true },
    { id: 'expert', label: { zh: '资深客户经理', en: 'Senior expert' }, steps: 4, qualificationRequired: true, seniorExpert: true },
  ],
};

const LADDERS: Record<string, Ladder> = { [TOBACCO_LADDER.id]: TOBACCO_LADDER, [BANK_2005_LADDER.id]: BANK_2005_LADDER };
export function ladderById(id: string): Ladder | null { return LADDERS[id] ?? null; }

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
