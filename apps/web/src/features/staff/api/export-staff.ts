import { useMutation } from '@tanstack/react-query';
import { apiDownload } from '../../../lib/api-client.ts';
import type { StaffFilters } from './list-staff.ts';

/** Downloads the filtered list as .xlsx (all pages). */
export function exportStaff(filters: StaffFilters): Promise<void> {
  const { page: _page, pageSize: _pageSize, ...rest } = filters;
  return apiDownload('/api/v1/staff/export.xlsx', { ...rest }, 'staff.xlsx');
}

export function useExportStaff() {
  return useMutation({ mutationFn: exportStaff });
}
