import { evaluateCompensation } from './compensation.ts';
import type { Policy } from './schema.ts';
import type { CompensationResult } from './result.ts';

export type EvaluationResult = CompensationResult;

/**
 * Runs a policy on one person's facts (plain data, already aggregated per person) and returns
 * the result with its trace: every line names its clause, the inputs used, the facts counted
 * and those excluded with why, the formula and the output.
 */
export function evaluate(policy: Policy, facts: Record<string, unknown>): EvaluationResult {
  switch (policy.kind) {
    case 'compensation': return evaluateCompensation(policy, facts);
    default: throw new RangeError(`evaluate: kind ${policy.kind} not supported yet`);
  }
}
