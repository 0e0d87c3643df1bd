import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { orgUnitsKey } from './list-org-units.ts';

export function deleteOrgUnit(id: number): Promise<unknown> {
  return apiRequest(`/api/v1/org-units/${id}`, { method: 'DELETE' });
}

export function useDeleteOrgUnit() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deleteOrgUnit, onSuccess: () => qc.invalidateQueries({ queryKey: orgUnitsKey }) });
}
