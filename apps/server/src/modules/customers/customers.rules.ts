import { and, desc, eq, lte } from 'drizzle-orm';
import { DEFAULT_PORTFOLIO_RULES, parsePolicies, rulesFromPortfolioPolicy, type PortfolioPolicy, type PortfolioRules } from '@kehu/domain';
import { portfolioPolicies, type Executor } from '@kehu/db';
import { businessDate } from '@kehu/domain/business-date';

export type PortfolioPolicyRow = typeof portfolioPolicies.$inferSelect;

/** The portfolio policy document in a YAML text (the first document of kind `portfolio`). */
export function portfolioDocument(yaml: string): PortfolioPolicy {
  const doc = parsePolicies(yaml).find((p): p is PortfolioPolicy => p.kind === 'portfolio');
  if (!doc) throw new RangeError('no document of kind "portfolio"');
  return doc;
}

// Parsed once per document text (rows are never changed; a text parses the same everywhere).
const parsed = new Map<string, PortfolioRules>();

/** The tenant's portfolio policy row in force on `day` (newest valid_from ≤ day), or null. */
export async function portfolioPolicyRow(db: Executor, tenantId: number, day: string): Promise<PortfolioPolicyRow | null> {
  const [row] = await db.select().from(portfolioPolicies)
    .where(and(eq(portfolioPolicies.tenantId, tenantId), lte(portfolioPolicies.validFrom, day)))
    .orderBy(desc(portfolioPolicies.validFrom), desc(portfolioPolicies.id)).limit(1);
  return row ?? null;
}

// Which row is in force per tenant and day, remembered briefly: every list page needs the rules,
// and the lookup would otherwise be one more round trip per request. A policy set in this process
// shows at once (forgetPortfolioRules); other worker processes see it within CURRENT_TTL_MS.
const CURRENT_TTL_MS = 5_000;
// Per database handle: tests open several databases in one process, with the same tenant ids.
const current = new WeakMap<Executor, Map<string, { at: number; rules: PortfolioRules }>>();

/** Drops the remembered rules of a tenant (after its policy changed). */
export function forgetPortfolioRules(db: Executor, tenantId: number): void {
  const m = current.get(db);
  if (m) for (const k of m.keys()) if (k.startsWith(`${tenantId}/`)) m.delete(k);
}

/**
 * The portfolio rules in force for a tenant on `day`: read off the tenant's portfolio policy
 * (visit frequencies, staffing ratios, big-customer top N, back-dating). A tenant that has not
 * set one runs on the rural-credit / power-supply defaults.
 */
export async function portfolioRules(db: Executor, tenantId: number, day: string = businessDate()): Promise<PortfolioRules> {
  const key = `${tenantId}/${day}`;
  let mine = current.get(db);
  if (!mine) current.set(db, (mine = new Map<string, { at: number; rules: PortfolioRules }>()));
  const hit = mine.get(key);
  if (hit && performance.now() - hit.at < CURRENT_TTL_MS) return hit.rules;
  const row = await portfolioPolicyRow(db, tenantId, day);
  let rules = DEFAULT_PORTFOLIO_RULES;
  if (row) {
    rules = parsed.get(row.document) ?? rulesFromPortfolioPolicy(portfolioDocument(row.document));
    parsed.set(row.document, rules);
  }
  mine.set(key, { at: performance.now(), rules });
  return rules;
}
