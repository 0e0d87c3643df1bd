import { evaluateCompensation } from './compensation.ts';
import { evaluateScorecard, type ScorecardResult } from './scorecard.ts';
import { evaluateEligibility, type EligibilityResult } from './eligibility.ts';
import { evaluateLadder, type LadderResult } from './ladder.ts';
import { evaluatePortfolio, type PortfolioResult } from './portfolio.ts';
import type { Policy } from './schema.ts';
import { assertFacts } from './facts-check.ts';
import type { CompensationResult } from './result.ts';

export type EvaluationResult = CompensationResult | ScorecardResult | EligibilityResult | LadderResult | PortfolioResult;

/**
 * Runs a policy on one person's facts (plain data, already aggregated per person) and returns
 * the result with its trace: every line names its clause, the inputs used, the facts counted
 * and those excluded with why, the formula and the output.
 */
export function evaluate(policy: Policy, facts: Record<string, unknown>, options: { checkFacts?: boolean } = {}): EvaluationResult {
  if (options.checkFacts !== false) assertFacts(policy, facts);
  switch (policy.kind) {
    case 'compensation': return evaluateCompensation(policy, facts);
    case 'scorecard': return evaluateScorecard(policy, facts);
    case 'eligibility': return evaluateEligibility(policy, facts);
    case 'ladder': return evaluateLadder(policy, facts);
    case 'portfolio': return evaluatePortfolio(policy, facts);
  }
}
