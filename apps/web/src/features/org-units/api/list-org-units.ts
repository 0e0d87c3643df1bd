import { useQuery } from '@tanstack/react-query';
import type { OrgUnit } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

export const orgUnitsKey = ['org-units'] as const;

/** Every unit the caller may see, flat; the tree is built from parentId. */
export function listOrgUnits(): Promise<{ items: OrgUnit[] }> {
  return apiRequest('/api/v1/org-units');
}

export function useOrgUnits(enabled = true) {
  return useQuery({ queryKey: orgUnitsKey, queryFn: listOrgUnits, enabled });
}
