import { DEFAULT_PORTFOLIO_RULES, type PortfolioRules } from '@kehu/domain';

/**
 * The portfolio rules in force for a tenant. Until the policy engine publishes them from the
 * tenant's preset, every tenant runs on the rural-credit / power-supply defaults.
 */
export function portfolioRules(_tenantId: number): PortfolioRules {
  return DEFAULT_PORTFOLIO_RULES;
}
