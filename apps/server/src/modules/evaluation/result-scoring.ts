import {
  aggregate360, anonymise, buildFacts, PolicyError, RATER_ROLES, runScorecard, scorecardInputs,
  type CustomerVoice, type Entry, type Figure, type Rating, type RaterRole, type RunResult, type ScorecardInput, type ScorecardPolicy,
} from '@kehu/domain';
import type { Db, Executor } from '@kehu/db';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../lib/actor.ts';
import { evaluationRepository as repo, type CycleRow } from './evaluation.repository.ts';
import { FIGURE_KEYS, readCustomerVoice, readFigures } from './figure-sources.ts';
import { scorecardPolicies } from './scorecard-policies.ts';

/**
 * Scores one result on its cycle's scorecard policy through the policy engine: Kehu's figures
 * (else the evaluator's entries), the 360 answers and the customers' survey aggregated by the
 * policy's rater weights and minimum respondents, and the period's conduct records.
 */
export interface StoredScore {
  policy: RunResult['policy']; lines: RunResult['lines']; trace: string[]; conductPoints: string | null; vetoed: boolean;
  raters: ReturnType<typeof anonymise>;
}
export interface AutoInputs { figures: Record<string, Figure>; unavailable: Record<string, string>; voice: CustomerVoice | null }

/**
 * The scorecard policy a cycle runs on. Cycles set up before scoring moved onto the policy engine
 * stored Kehu's own scorecard shape (no `kind`); they are read with the preset of the same id.
 */
export function policyOf(c: CycleRow): ScorecardPolicy {
  const stored = c.scorecard as { kind?: string };
  if (stored.kind === 'scorecard') return stored as ScorecardPolicy;
  const preset = scorecardPolicies.find(c.scorecardId);
  if (!preset) throw new Error(`cycle ${c.id}: scorecard ${c.scorecardId} is neither stored as a policy nor a preset`);
  return preset;
}

/** A stored score as the API shows it; a score stored before the engine (lines without inputs) shows its trace only. */
export function storedScore(raw: unknown): StoredScore | null {
  if (!raw) return null;
  const s = raw as Partial<Omit<StoredScore, 'conductPoints'>> & { conductPoints?: string | number | null };
  const engine = Array.isArray(s.lines) && s.lines.every((l) => Array.isArray((l as { inputs?: unknown }).inputs));
  return {
    policy: s.policy ?? { id: '', version: 0 }, lines: engine ? s.lines! : [], trace: s.trace ?? [], vetoed: s.vetoed ?? false,
    conductPoints: typeof s.conductPoints === 'number' ? s.conductPoints.toFixed(2) : (s.conductPoints ?? null),
    raters: (s.raters ?? []).map((r) => ({ ...r, minRespondents: r.minRespondents ?? 1, source: r.source ?? null })),
  };
}
export const inputsOf = (p: ScorecardPolicy): ScorecardInput[] => scorecardInputs(p, FIGURE_KEYS);
const periodOf = (c: CycleRow) => ({ from: c.startsOn, to: c.endsOn });

/** What Kehu fills itself for one person, read with the actor's own rights. */
export async function autoInputs(db: Db, actor: Actor, cycle: CycleRow, staffId: number): Promise<AutoInputs> {
  const policy = policyOf(cycle);
  const inputs = inputsOf(policy);
  const keys = inputs.filter((i) => i.fill === 'figure').map((i) => i.key);
  const { figures, unavailable } = await readFigures(db, actor, keys, [staffId], periodOf(cycle));
  let voice: CustomerVoice | null = null;
  if (policy.raters.some((r) => r.role === 'customer') || inputs.some((i) => i.fill === 'survey')) {
    try {
      voice = (await readCustomerVoice(db, actor, [staffId], periodOf(cycle))).get(staffId) ?? null;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      unavailable.survey = `满意度调查：${e.code}`;
    }
  }
  const mine = figures.get(staffId) ?? {};
  // A survey-scored item shows the customers' rating as its figure.
  if (voice && !mine.surveyRating && inputs.some((i) => i.fill === 'survey')) mine.surveyRating = { value: voice.rating, source: voice.source };
  return { figures: mine, unavailable, voice };
}

const fieldError = (fields: { path: string; zh: string; en: string }[]) =>
  new AppError('validation_failed', { fields: fields.map((f) => ({ path: f.path, code: 'invalid', message: { 'zh-CN': f.zh, en: f.en } })) });

/** Scores a result; refuses (naming each) inputs that have no value yet. */
export async function scoreResult(tx: Executor, actor: Actor, resultId: number, staffId: number, cycle: CycleRow, entered: Record<string, Entry>, auto: AutoInputs): Promise<{ stored: StoredScore; run: RunResult }> {
  const policy = policyOf(cycle);
  const inputs = inputsOf(policy);
  const ratings: Rating[] = (await repo.ratingsFor(tx, actor.tenantId, [resultId])).filter((x) => x.r.submittedAt && x.r.scores)
    .map((x) => ({ raterRole: x.r.raterRole as RaterRole, raterId: x.r.raterStaffId, scores: x.r.scores as Record<string, number> }))
    .filter((x) => RATER_ROLES.includes(x.raterRole));
  const conduct = (await repo.conduct(tx, actor.tenantId, { staffIds: [staffId], from: cycle.startsOn, to: cycle.endsOn }))
    .map((c) => ({ points: Number(c.c.points), veto: c.c.veto, ref: `${c.c.occurredOn} ${c.c.clause}` }));
  const agg = aggregate360(policy, ratings, auto.voice);
  const built = buildFacts(policy, inputs, {
    figures: auto.figures, entered, ratings360: agg.perItem, conduct,
    survey: auto.voice ? { value: auto.voice.rating, source: auto.voice.source } : null,
  });
  if (built.missing.length) {
    throw fieldError(built.missing.map((k) => {
      const i = inputs.find((x) => x.key === k)!;
      return { path: `entered.${k}`, zh: `请录入${i.label.zh}（系统无此数据）`, en: `Enter ${i.label.en} (Kehu has no figure for it)` };
    }));
  }
  let run: RunResult;
  try {
    run = runScorecard(policy, inputs, built.facts, built.provenance);
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    throw fieldError(e.issues.map((i) => ({ path: `entered.${i.path}`, zh: i.message.zh, en: i.message.en })));
  }
  const stored: StoredScore = { policy: run.policy, lines: run.lines, trace: [...agg.trace, ...run.trace], conductPoints: run.conductPoints, vetoed: run.vetoed, raters: anonymise(agg) };
  return { stored, run };
}
