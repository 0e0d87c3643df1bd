import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportReport } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { staffKey } from './list-staff.ts';
import { orgUnitsKey } from '../../org-units/api/list-org-units.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends the workbook bytes as-is. All rows or none: a 422 carries the report in details.report. */
export async function importStaff(file: File): Promise<ImportReport> {
  const bytes = await file.arrayBuffer();
  return apiRequest('/api/v1/staff/import', { method: 'POST', raw: bytes, contentType: XLSX_TYPE });
}

export function useImportStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: importStaff,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: staffKey });
      await qc.invalidateQueries({ queryKey: orgUnitsKey });
    },
  });
}
