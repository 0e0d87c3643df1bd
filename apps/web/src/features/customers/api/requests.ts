import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssignmentRequest, AssignmentRequestCreate, RequestDecision } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { customersKey, type Page } from './customers.ts';

export const requestsKey = ['assignment-requests'] as const;

export function useRequests(filters: { status?: 'pending'; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: [...requestsKey, filters],
    queryFn: ({ signal }) => apiRequest<Page<AssignmentRequest>>('/api/v1/assignment-requests', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useColleagues(enabled: boolean) {
  return useQuery({
    queryKey: [...requestsKey, 'colleagues'],
    queryFn: () => apiRequest<{ items: { staffId: number; name: string; orgUnitName: string }[] }>('/api/v1/assignment-requests/colleagues'),
    enabled,
  });
}

export function useCreateRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<AssignmentRequestCreate> & Pick<AssignmentRequestCreate, 'kind' | 'customerId' | 'effectiveDate'>) =>
      apiRequest<AssignmentRequest>('/api/v1/assignment-requests', { method: 'POST', json: body }),
    onSuccess: async () => { await qc.invalidateQueries({ queryKey: requestsKey }); await qc.invalidateQueries({ queryKey: customersKey }); },
  });
}

export function useDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: RequestDecision }) => apiRequest<AssignmentRequest>(`/api/v1/assignment-requests/${id}/decision`, { method: 'POST', json: body }),
    onSuccess: async () => { await qc.invalidateQueries({ queryKey: requestsKey }); await qc.invalidateQueries({ queryKey: customersKey }); },
  });
}
