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

export interface StaffingReport { date: string; maxRetail: number | null; maxCorporate: number | null; items: { staffId: number; name: string; orgUnitName: string; retail: number; corporate: number; retailExcess: number; corporateExcess: number; over: boolean }[] }
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

export interface RetentionReport { items: { staffId: number; name: string; base: number; kept: number; rate: string | null }[] }
export function useRetention(q: { firstFrom: string; firstTo: string; secondFrom: string; secondTo: string }, enabled: boolean) {
  return useQuery({ queryKey: [...visitsKey, 'retention', q], queryFn: () => apiRequest<RetentionReport>('/api/v1/retention', { query: q }), enabled });
}

export interface BigCustomers { topN: number | null; tiedAtCut: boolean; items: { customerId: number; customerNo: string; name: string; consumption: number; rank: number; flagged: boolean }[]; toFlag: number[]; toUnflag: number[] }
export function useBigCustomers(enabled: boolean) {
  return useQuery({ queryKey: [...visitsKey, 'big-customers'], queryFn: () => apiRequest<BigCustomers>('/api/v1/big-customers'), enabled });
}
export function useApplyBigCustomers() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<BigCustomers>('/api/v1/big-customers/apply', { method: 'POST', json: {} }),
    onSuccess: async () => { await qc.invalidateQueries({ queryKey: visitsKey }); await qc.invalidateQueries({ queryKey: customersKey }); },
  });
}
