import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Staff, StaffCreate } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { staffKey } from './list-staff.ts';
import { orgUnitsKey } from '../../org-units/api/list-org-units.ts';

export function createStaff(body: StaffCreate): Promise<Staff> {
  return apiRequest('/api/v1/staff', { method: 'POST', json: body });
}

export function useCreateStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createStaff,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: staffKey });
      await qc.invalidateQueries({ queryKey: orgUnitsKey });
    },
  });
}
