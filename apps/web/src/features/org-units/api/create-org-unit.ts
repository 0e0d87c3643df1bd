import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrgUnit, OrgUnitCreate } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { orgUnitsKey } from './list-org-units.ts';

export function createOrgUnit(body: OrgUnitCreate): Promise<OrgUnit> {
  return apiRequest('/api/v1/org-units', { method: 'POST', json: body });
}

export function useCreateOrgUnit() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createOrgUnit, onSuccess: () => qc.invalidateQueries({ queryKey: orgUnitsKey }) });
}
