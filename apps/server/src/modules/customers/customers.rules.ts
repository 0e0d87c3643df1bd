import { and, desc, eq, lte } from 'drizzle-orm';
import { DEFAULT_PORTFOLIO_RULES, parsePolicies, rulesFromPortfolioPolicy, type PortfolioPolicy, type PortfolioRules } from '@kehu/domain';
import { portfolioPolicies, type Executor } from '@kehu/db';
import { businessDate } from '../../lib/business-date.ts';

export type PortfolioPolicyRow = typeof portfolioPolicies.$inferSelect;

/** The portfolio policy document in a YAML text (the first document of kind `portfolio`). */
export function portfolioDocument(yaml: string): PortfolioPolicy {
  const doc = parsePolicies(yaml).find((p): p is PortfolioPolicy => p.kind === 'portfolio');
  if (!doc) throw new RangeError('no document of kind "portfolio"');
  return doc;
}

// Rows are never changed, so a parsed row is good for as long as the process lives.
const parsed = new Map<string, PortfolioRules>();

/** The tenant's portfolio policy row in force on `day` (newest valid_from ≤ day), or null. */
export async function portfolioPolicyRow(db: Executor, tenantId: number, day: string): Promise<PortfolioPolicyRow | null> {
  const [row] = await db.select().from(portfolioPolicies)
    .where(and(eq(portfolioPolicies.tenantId, tenantId), lte(portfolioPolicies.validFrom, day)))
    .orderBy(desc(portfolioPolicies.validFrom), desc(portfolioPolicies.id)).limit(1);
  return row ?? null;
}

/**
 * The portfolio rules in force for a tenant on `day`: read off the tenant's portfolio policy
 * (visit frequencies, staffing ratios, big-customer top N, back-dating). A tenant that has not
 * set one runs on the rural-credit / power-supply defaults.
 */
export async function portfolioRules(db: Executor, tenantId: number, day: string = businessDate()): Promise<PortfolioRules> {
  const row = await portfolioPolicyRow(db, tenantId, day);
  if (!row) return DEFAULT_PORTFOLIO_RULES;
  const key = `${tenantId}/${row.id}`;
  let rules = parsed.get(key);
  if (!rules) {
    rules = rulesFromPortfolioPolicy(portfolioDocument(row.document));
    parsed.set(key, rules);
  }
  return rules;
}
