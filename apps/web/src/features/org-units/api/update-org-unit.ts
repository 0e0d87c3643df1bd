import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrgUnit, OrgUnitUpdate } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { orgUnitsKey } from './list-org-units.ts';

export function updateOrgUnit({ id, body }: { id: number; body: OrgUnitUpdate }): Promise<OrgUnit> {
  return apiRequest(`/api/v1/org-units/${id}`, { method: 'PATCH', json: body });
}

export function useUpdateOrgUnit() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateOrgUnit, onSuccess: () => qc.invalidateQueries({ queryKey: orgUnitsKey }) });
}
