import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, ROLES } from './roles.ts';
import { CREDIT_PERMISSIONS, keepsLoanLedger, tenantPermissions } from './tenant-features.ts';

describe('features by kind of tenant', () => {
  it('a spa chain or a hotel has no loan ledger; banks and credit cooperatives do', () => {
    expect(keepsLoanLedger('spa_chain')).toBe(false);
    expect(keepsLoanLedger('hotel')).toBe(false);
    expect(keepsLoanLedger('rural_commercial_bank')).toBe(true);
    expect(keepsLoanLedger('rural_credit_cooperative')).toBe(true);
  });

  it('drops exactly the credit permissions for a non-lender, and nothing for a lender or an unknown kind', () => {
    for (const role of ROLES) {
      expect(tenantPermissions(role, 'rural_commercial_bank')).toEqual([...ROLE_PERMISSIONS[role]]);
      expect(tenantPermissions(role, 'some_new_kind')).toEqual([...ROLE_PERMISSIONS[role]]);
      const spa = tenantPermissions(role, 'spa_chain');
      expect(spa.some((p) => CREDIT_PERMISSIONS.includes(p))).toBe(false);
      expect(spa).toEqual(ROLE_PERMISSIONS[role].filter((p) => !CREDIT_PERMISSIONS.includes(p)));
    }
    // The supervisor reads loans at a bank, not at a spa chain.
    expect(tenantPermissions('supervisor', 'rural_commercial_bank')).toContain('loans.read');
    expect(tenantPermissions('supervisor', 'spa_chain')).not.toContain('loans.read');
  });
});
