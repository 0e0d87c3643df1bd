import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Staff, StaffUpdate } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { staffKey } from './list-staff.ts';
import { orgUnitsKey } from '../../org-units/api/list-org-units.ts';

/** The body carries the version the edit started from; a stale one answers 409 stale_version. */
export function updateStaff({ id, body }: { id: number; body: StaffUpdate }): Promise<Staff> {
  return apiRequest(`/api/v1/staff/${id}`, { method: 'PATCH', json: body });
}

export function useUpdateStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateStaff,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: staffKey });
      await qc.invalidateQueries({ queryKey: orgUnitsKey });
    },
  });
}
