import { holds } from './conditions.ts';
import type { PortfolioPolicy, Text } from './schema.ts';
import type { PolicyRef } from './result.ts';

export interface PortfolioResult {
  kind: 'portfolio';
  policy: PolicyRef;
  /** Required visit interval for each customer given, by the first rule that applies. */
  visits: { customer: string; everyMonths: number | null; rule: string | null; clause: string | null }[];
  /** Per customer type: how many a manager holds, the maximum, and the excess. */
  staffing: { id: string; label: Text; clause: string; count: number; max: number; excess: number }[];
}

/** How often a customer must be visited (rural credit norms, clause 11: ≥300,000 monthly, others quarterly). */
export function visitRuleFor(policy: PortfolioPolicy, customer: Record<string, unknown>) {
  return policy.visitFrequency.find((r) => holds(r.when, customer)) ?? null;
}

export function evaluatePortfolio(policy: PortfolioPolicy, facts: Record<string, unknown>): PortfolioResult {
  const customers = Array.isArray(facts.customers) ? (facts.customers as Record<string, unknown>[]) : [];
  const counts = (facts.counts ?? {}) as Record<string, number>;
  return {
    kind: 'portfolio',
    policy: { id: policy.id, version: policy.version, title: policy.title },
    visits: customers.map((c) => {
      const r = visitRuleFor(policy, c);
      const key = c.id ?? c.name;
      return { customer: typeof key === 'string' || typeof key === 'number' ? String(key) : '', everyMonths: r?.everyMonths ?? null, rule: r?.id ?? null, clause: r?.clause ?? null };
    }),
    staffing: policy.staffingRatios.map((s) => {
      const count = counts[s.customerType] ?? 0;
      return { id: s.id, label: s.label, clause: s.clause, count, max: s.maxPerManager, excess: Math.max(0, count - s.maxPerManager) };
    }),
  };
}
