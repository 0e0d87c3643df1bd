import { useQuery } from '@tanstack/react-query';
import type { HistoryEntry } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { staffKey } from './list-staff.ts';

export function getStaffHistory(id: number): Promise<{ items: HistoryEntry[] }> {
  return apiRequest(`/api/v1/staff/${id}/history`);
}

export function useStaffHistory(id: number) {
  return useQuery({ queryKey: [...staffKey, 'history', id], queryFn: () => getStaffHistory(id), enabled: Number.isInteger(id) && id > 0 });
}
