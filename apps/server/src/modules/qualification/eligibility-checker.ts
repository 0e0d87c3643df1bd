import { checkEligibility, type Applicant, type EligibilityOutcome, type EligibilityRules } from '@kehu/domain';

/**
 * The one place competitions ask whether an applicant may compete: the competition's conditions
 * run as an `eligibility` policy document on the policy engine, and every refusal reason is the
 * engine's (packages/domain/src/grades/eligibility.ts builds the document).
 */
export const eligibilityChecker = {
  engine: true as const,
  check(rules: EligibilityRules, applicant: Applicant, on: string, title: string): EligibilityOutcome {
    return checkEligibility(rules, applicant, on, title);
  },
};
