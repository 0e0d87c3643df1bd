import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Complaint, ComplaintCreate, ComplaintUpdate } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import type { Page } from '../../customers/api/customers.ts';
import { visitsKey } from '../../visits/api/visits.ts';

export const complaintsKey = ['complaints'] as const;

export function useComplaints(filters: { status?: string; customerId?: number; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: [...complaintsKey, 'list', filters],
    queryFn: ({ signal }) => apiRequest<Page<Complaint>>('/api/v1/complaints', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface ComplaintStats { from: string; to: string; items: { staffId: number; name: string; total: number; resolved: number; open: number; overdue: number }[] }
export function useComplaintStats(from: string, to: string) {
  return useQuery({ queryKey: [...complaintsKey, 'stats', from, to], queryFn: () => apiRequest<ComplaintStats>('/api/v1/complaints/stats', { query: { from, to } }) });
}

export function useCreateComplaint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<ComplaintCreate> & Pick<ComplaintCreate, 'customerId' | 'source' | 'category' | 'description' | 'receivedDate'>) =>
      apiRequest<Complaint>('/api/v1/complaints', { method: 'POST', json: body }),
    onSuccess: async () => { await qc.invalidateQueries({ queryKey: complaintsKey }); await qc.invalidateQueries({ queryKey: visitsKey }); },
  });
}

export function useUpdateComplaint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ComplaintUpdate }) => apiRequest<Complaint>(`/api/v1/complaints/${id}`, { method: 'PATCH', json: body }),
    onSuccess: async () => { await qc.invalidateQueries({ queryKey: complaintsKey }); await qc.invalidateQueries({ queryKey: visitsKey }); },
  });
}
