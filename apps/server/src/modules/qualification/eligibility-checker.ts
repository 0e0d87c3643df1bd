import { checkEligibility, type Applicant, type EligibilityOutcome, type EligibilityRules } from '@kehu/domain';

/**
 * The one place competitions ask whether an applicant may compete. It runs Kehu's own
 * eligibility predicates (packages/domain/src/grades) until the policy engine evaluates
 * `eligibility` documents (tobacco hiring, city-bank deposit route); then only this file changes.
 */
export const eligibilityChecker = {
  engine: false as const,
  check(rules: EligibilityRules, applicant: Applicant, on: string): EligibilityOutcome {
    return checkEligibility(rules, applicant, on);
  },
};
