import { ROLE_PERMISSIONS, type Permission, type Role } from './roles.ts';

/**
 * What a kind of tenant does. Only lenders keep a loan ledger (the rural-credit rule book's
 * clauses 9–23): a spa chain, a hotel, a tobacco or power-supply bureau has no loans, so its
 * people are not offered the ledger, the risk board or credit alerts. Kinds not listed here
 * (a new kind of tenant) keep every feature their roles allow.
 */
const LENDER_KINDS = ['bank', 'rural_commercial_bank', 'rural_credit_cooperative', 'city_commercial_bank'] as const;
const NON_LENDER_KINDS = ['spa_chain', 'spa', 'hotel', 'tobacco_bureau', 'power_supply_bureau'] as const;

/** The credit-ledger permissions (issue 7's features). */
export const CREDIT_PERMISSIONS: readonly Permission[] = ['loans.read', 'loans.write', 'loans.import', 'claims.manage', 'npl.manage', 'credit.rate', 'credit.figures', 'credit.setup', 'alerts.generate'];

export function keepsLoanLedger(tenantKind: string): boolean {
  if ((LENDER_KINDS as readonly string[]).includes(tenantKind)) return true;
  return !(NON_LENDER_KINDS as readonly string[]).includes(tenantKind);
}

/** A role's permissions in a tenant of this kind: the role's own, less the features the tenant does not have. */
export function tenantPermissions(role: Role, tenantKind: string): Permission[] {
  const all = ROLE_PERMISSIONS[role];
  return keepsLoanLedger(tenantKind) ? [...all] : all.filter((p) => !CREDIT_PERMISSIONS.includes(p));
}
