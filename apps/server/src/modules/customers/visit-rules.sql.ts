import { sql, type SQL } from 'drizzle-orm';
import type { Condition, PortfolioRules } from '@kehu/domain';
import { customers } from '@kehu/db';

/**
 * The portfolio policy's visit rules as one SQL expression over `customers`, so compliance can be
 * counted set-based. It mirrors the domain's `requiredVisitMonths` (a frequency set on the customer
 * wins, else the first rule whose condition holds) and the policy engine's `holds` for the facts a
 * visit rule may read; a field it does not know, or a value of the wrong type, holds only for `ne`.
 */
const FIELDS: Record<string, { expr: SQL; type: 'number' | 'boolean' | 'string' }> = {
  // Yuan, exact: the policies state loan amounts in yuan (农信社细则: 30万元以上).
  loanAmount: { expr: sql`(${customers.loanBalanceFen}::numeric / 100)`, type: 'number' },
  bigCustomer: { expr: sql`${customers.bigCustomer}`, type: 'boolean' },
  segment: { expr: sql`${customers.segment}`, type: 'string' },
  kind: { expr: sql`${customers.kind}`, type: 'string' },
};

const OPS = { eq: sql`=`, ne: sql`<>`, gt: sql`>`, gte: sql`>=`, lt: sql`<`, lte: sql`<=` } as const;

export function conditionSql(c: Condition): SQL {
  if ('all' in c) return sql`(${sql.join(c.all.map(conditionSql), sql` and `)})`;
  if ('any' in c) return sql`(${sql.join(c.any.map(conditionSql), sql` or `)})`;
  if ('not' in c) return sql`(not ${conditionSql(c.not)})`;
  const f = FIELDS[c.field];
  const fits = (v: unknown) => f !== undefined && typeof v === f.type;
  if (c.op === 'in') {
    const values = Array.isArray(c.value) ? c.value.filter(fits) : [];
    return values.length && f ? sql`(${f.expr} in (${sql.join(values.map((v) => sql`${v}`), sql`, `)}))` : sql`false`;
  }
  if (!f || !fits(c.value)) return c.op === 'ne' ? sql`true` : sql`false`;
  // Booleans compare only for equality in the engine.
  if (f.type === 'boolean' && c.op !== 'eq' && c.op !== 'ne') return sql`false`;
  return sql`(${f.expr} ${OPS[c.op]} ${c.value})`;
}

/** Required visit interval in months for each customer row (null: no visit required). */
export function requiredMonthsSql(rules: Pick<PortfolioRules, 'visitRules'>): SQL {
  const cases = rules.visitRules.map((r) => sql`when ${conditionSql(r.when)} then ${r.everyMonths}::numeric`);
  const byPolicy = cases.length ? sql`(case ${sql.join(cases, sql` `)} end)` : sql`null::numeric`;
  return sql`coalesce(${customers.visitMonthsOverride}::numeric, ${byPolicy})`;
}
