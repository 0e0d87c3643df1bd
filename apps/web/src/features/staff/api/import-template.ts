import { useMutation } from '@tanstack/react-query';
import { apiDownload } from '../../../lib/api-client.ts';

export function downloadImportTemplate(): Promise<void> {
  return apiDownload('/api/v1/staff/import-template.xlsx', undefined, 'staff-import-template.xlsx');
}

export function useDownloadImportTemplate() {
  return useMutation({ mutationFn: downloadImportTemplate });
}
