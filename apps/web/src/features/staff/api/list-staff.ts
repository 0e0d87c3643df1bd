import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StaffPage } from '@kehu/contracts';
import type { HireType, Position, StaffStatus } from '@kehu/domain';
import { apiRequest } from '../../../lib/api-client.ts';

/** The list filters, as they appear in the page's URL and in the export. */
export interface StaffFilters {
  q?: string;
  orgUnitId?: number;
  status?: StaffStatus;
  position?: Position;
  hireType?: HireType;
  sort?: 'name' | 'hireDate' | 'updatedAt';
  page?: number;
  pageSize?: number;
}

export const staffKey = ['staff'] as const;

export function listStaff(filters: StaffFilters, signal?: AbortSignal): Promise<StaffPage> {
  return apiRequest('/api/v1/staff', { query: { ...filters }, signal });
}

export function useStaffList(filters: StaffFilters) {
  return useQuery({
    queryKey: [...staffKey, 'list', filters],
    queryFn: ({ signal }) => listStaff(filters, signal),
    placeholderData: keepPreviousData,
  });
}
