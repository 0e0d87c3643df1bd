import { useQuery } from '@tanstack/react-query';
import type { Staff } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { staffKey } from './list-staff.ts';

export function getStaff(id: number): Promise<Staff> {
  return apiRequest(`/api/v1/staff/${id}`);
}

export function useStaff(id: number) {
  return useQuery({ queryKey: [...staffKey, 'one', id], queryFn: () => getStaff(id), enabled: Number.isInteger(id) && id > 0 });
}
