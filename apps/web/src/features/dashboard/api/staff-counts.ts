import { useQuery } from '@tanstack/react-query';
import { STAFF_STATUSES } from '@kehu/domain';
import type { StaffStatus } from '@kehu/domain';
import { listStaff, staffKey } from '../../staff/api/list-staff.ts';

export interface StaffCounts { total: number; byStatus: Record<StaffStatus, number> }

/** Head counts within the caller's scope, from the list endpoint's totals (one row per call). */
export async function fetchStaffCounts(): Promise<StaffCounts> {
  const [all, ...per] = await Promise.all([
    listStaff({ pageSize: 1 }),
    ...STAFF_STATUSES.map((status) => listStaff({ status, pageSize: 1 })),
  ]);
  const byStatus = Object.fromEntries(STAFF_STATUSES.map((s, i) => [s, per[i]?.total ?? 0])) as Record<StaffStatus, number>;
  return { total: all?.total ?? 0, byStatus };
}

export function useStaffCounts(enabled: boolean) {
  return useQuery({ queryKey: [...staffKey, 'counts'], queryFn: fetchStaffCounts, enabled });
}
