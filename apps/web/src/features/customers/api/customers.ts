import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Assignment, AssignmentSet, Customer, CustomerUpdate } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

export const customersKey = ['customers'] as const;
export interface CustomerFilters { q?: string; unassigned?: 'true'; territoryId?: number; page?: number; pageSize?: number }
export interface Page<T> { items: T[]; total: number; page: number; pageSize: number }

export function useCustomers(filters: CustomerFilters) {
  return useQuery({
    queryKey: [...customersKey, 'list', filters],
    queryFn: ({ signal }) => apiRequest<Page<Customer>>('/api/v1/customers', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: number) {
  return useQuery({ queryKey: [...customersKey, 'one', id], queryFn: () => apiRequest<Customer>(`/api/v1/customers/${id}`), enabled: id > 0 });
}

export function useAssignmentHistory(id: number) {
  return useQuery({ queryKey: [...customersKey, 'assignments', id], queryFn: () => apiRequest<{ items: Assignment[] }>(`/api/v1/customers/${id}/assignments`), enabled: id > 0 });
}

export function useUpdateCustomer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: CustomerUpdate }) => apiRequest<Customer>(`/api/v1/customers/${id}`, { method: 'PATCH', json: body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: customersKey }),
  });
}

export function useSetAssignments() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: AssignmentSet }) => apiRequest<{ items: Assignment[] }>(`/api/v1/customers/${id}/assignments`, { method: 'PUT', json: body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: customersKey }),
  });
}

export interface StaffOption { id: number; name: string; orgUnitName: string }
/** Staff the supervisor may assign (their scope), for the assignment form. */
export function useStaffOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['staff', 'options'],
    queryFn: async () => (await apiRequest<Page<StaffOption & { status: string }>>('/api/v1/staff', { query: { pageSize: 200 } })).items.filter((s) => s.status !== 'left'),
    enabled,
  });
}
