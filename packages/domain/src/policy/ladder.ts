import type { LadderPolicy, Text } from './schema.ts';
import type { PolicyRef } from './result.ts';

export interface Grade { track: string; level: string; step: number; code: string; label: Text }

/** Every grade of the ladder: tracks × levels × steps (senior-expert levels count as levels of their own). */
export function ladderGrades(policy: LadderPolicy): Grade[] {
  return policy.tracks.flatMap((t) => policy.levels.flatMap((l) => Array.from({ length: l.steps }, (_, i) => ({
    track: t.id, level: l.id, step: i + 1, code: `${t.id}/${l.id}/${i + 1}`,
    label: { zh: `${t.label.zh}·${l.label.zh}${i + 1}档`, en: `${t.label.en} · ${l.label.en} step ${i + 1}` },
  }))));
}

/** Levels and grades per track, as the rule book counts them (senior-expert levels apart). */
export function ladderCounts(policy: LadderPolicy) {
  const regular = policy.levels.filter((l) => !l.seniorExpert);
  return {
    levels: regular.length,
    grades: regular.reduce((a, l) => a + l.steps, 0),
    seniorExpertLevels: policy.levels.filter((l) => l.seniorExpert).length,
    tracks: policy.tracks.length,
  };
}

export interface LadderResult {
  kind: 'ladder';
  policy: PolicyRef;
  held: Grade | null;
  /** Whether the held level's benefits apply, and why not. */
  benefitsApply: boolean;
  reasons: Text[];
}

/**
 * The grade a person holds and whether its benefits apply (bank 2005 rules, clause 4: without
 * the level's qualification, or below the level's performance standard, no benefits of that level).
 */
export function evaluateLadder(policy: LadderPolicy, facts: Record<string, unknown>): LadderResult {
  const level = policy.levels.find((l) => l.id === facts.level);
  const track = policy.tracks.find((t) => t.id === (facts.track ?? policy.tracks[0]!.id));
  const step = Number(facts.step ?? 1);
  const ref = { id: policy.id, version: policy.version, title: policy.title };
  if (!level || !track || !Number.isInteger(step) || step < 1 || step > level.steps) {
    return { kind: 'ladder', policy: ref, held: null, benefitsApply: false, reasons: [{ zh: '该档次不在本等级体系中', en: 'No such grade on this ladder' }] };
  }
  const reasons: Text[] = [];
  if (level.qualificationRequired && facts.qualified !== true) reasons.push({ zh: `未取得${level.label.zh}任职资格，不享受该级别待遇（第${level.clause}条）`, en: `Not qualified for ${level.label.en}: no benefits of that level (clause ${level.clause})` });
  if (facts.meetsStandard === false) reasons.push({ zh: `业绩未达到${level.label.zh}标准，不享受该级别待遇`, en: `Results below the ${level.label.en} standard: no benefits of that level` });
  const held: Grade = {
    track: track.id, level: level.id, step, code: `${track.id}/${level.id}/${step}`,
    label: { zh: `${track.label.zh}·${level.label.zh}${step}档`, en: `${track.label.en} · ${level.label.en} step ${step}` },
  };
  return { kind: 'ladder', policy: ref, held, benefitsApply: reasons.length === 0, reasons };
}
