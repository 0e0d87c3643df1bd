import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportReport } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { customersKey } from './customers.ts';

export interface Territory { id: number; orgUnitId: number; orgUnitName: string; code: string; name: string; customers: number }
export const territoriesKey = ['territories'] as const;

export function useTerritories(enabled = true) {
  return useQuery({ queryKey: territoriesKey, queryFn: async () => (await apiRequest<{ items: Territory[] }>('/api/v1/territories')).items, enabled });
}

export function useSaveTerritory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: { orgUnitId?: number; code: string; name: string } }) => (id === null
      ? apiRequest<Territory>('/api/v1/territories', { method: 'POST', json: body })
      : apiRequest<Territory>(`/api/v1/territories/${id}`, { method: 'PATCH', json: { code: body.code, name: body.name } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: territoriesKey }),
  });
}

/** Puts customers into a territory, all or none. */
export function useAssignTerritory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, customerIds }: { id: number; customerIds: number[] }) => apiRequest<Territory>(`/api/v1/territories/${id}/customers`, { method: 'POST', json: { customerIds } }),
    onSuccess: async () => { await qc.invalidateQueries({ queryKey: territoriesKey }); await qc.invalidateQueries({ queryKey: customersKey }); },
  });
}

/** Takes customers out of a territory, all or none; they belong to no territory afterwards. */
export function useUnassignTerritory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, customerIds }: { id: number; customerIds: number[] }) => apiRequest<Territory>(`/api/v1/territories/${id}/customers/remove`, { method: 'POST', json: { customerIds } }),
    onSuccess: async () => { await qc.invalidateQueries({ queryKey: territoriesKey }); await qc.invalidateQueries({ queryKey: customersKey }); },
  });
}

/** Deletes a territory; `customers` is the count the user confirmed (a different count now answers 409). */
export function useDeleteTerritory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, customers }: { id: number; customers: number }) => apiRequest<void>(`/api/v1/territories/${id}?customers=${customers}`, { method: 'DELETE' }),
    onSuccess: async () => { await qc.invalidateQueries({ queryKey: territoriesKey }); await qc.invalidateQueries({ queryKey: customersKey }); },
  });
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends the workbook bytes as they are; all rows or none: a 422 carries the per-row report in details.report. */
export function useImportCustomers() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => apiRequest<ImportReport>('/api/v1/customers/import', { method: 'POST', raw: await file.arrayBuffer(), contentType: XLSX_TYPE }),
    onSuccess: () => qc.invalidateQueries({ queryKey: customersKey }),
  });
}
