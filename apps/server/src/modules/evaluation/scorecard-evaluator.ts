import { aggregate360, scoreCard, scorecardById, type Rating, type ScorecardDef, type ScoreResult, type Aggregate360 } from '@kehu/domain';

/**
 * The one place the evaluation module turns a scorecard plus inputs into a score. It runs
 * Kehu's own scorecard arithmetic (packages/domain/src/evaluation) until the policy engine
 * (issue 3) evaluates `scorecard` documents; then only this file changes.
 */
export const scorecardEvaluator = {
  engine: false as const,
  find(id: string): ScorecardDef | null {
    return scorecardById(id);
  },
  score(def: ScorecardDef, input: {
    figures: Record<string, { value: number; source: string } | undefined>;
    ratings: Rating[];
    conduct: { points: number; veto: boolean; ref: string }[];
  }): { score: ScoreResult; agg: Aggregate360 } {
    const agg = aggregate360(def, input.ratings);
    const score = scoreCard(def, { figures: input.figures, ratings: agg.perItem, conduct: input.conduct });
    return { score: { ...score, trace: [...agg.trace, ...score.trace] }, agg };
  },
};
