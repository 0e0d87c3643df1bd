import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ComplianceReport, TodayView, Visit, VisitCreate } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { customersKey, type Page } from '../../customers/api/customers.ts';

export const visitsKey = ['visits'] as const;

export function useToday() {
  return useQuery({ queryKey: [...visitsKey, 'today'], queryFn: () => apiRequest<TodayView>('/api/v1/today') });
}

export function useVisits(customerId: number) {
  return useQuery({ queryKey: [...visitsKey, 'list', customerId], queryFn: () => apiRequest<Page<Visit>>('/api/v1/visits', { query: { customerId, pageSize: 50 } }), enabled: customerId > 0 });
}

export function useCompliance(enabled: boolean) {
  return useQuery({ queryKey: [...visitsKey, 'compliance'], queryFn: () => apiRequest<ComplianceReport>('/api/v1/visit-compliance'), enabled });
}

export interface StaffingReport { date: string; maxRetail: number; maxCorporate: number; items: { staffId: number; name: string; orgUnitName: string; retail: number; corporate: number; retailExcess: number; corporateExcess: number; over: boolean }[] }
export function useStaffing(enabled: boolean) {
  return useQuery({ queryKey: [...visitsKey, 'staffing'], queryFn: () => apiRequest<StaffingReport>('/api/v1/staffing'), enabled });
}

export function useCreateVisit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<VisitCreate> & Pick<VisitCreate, 'customerId' | 'visitDate' | 'purpose'>) => apiRequest<Visit>('/api/v1/visits', { method: 'POST', json: body }),
    onSuccess: async () => { await qc.invalidateQueries({ queryKey: visitsKey }); await qc.invalidateQueries({ queryKey: customersKey }); },
  });
}
