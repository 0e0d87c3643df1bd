import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ClaimEventCreate, CreditFigures, DeadlineList, DemandNotice, DemandNoticeSign, GuaranteeActionCreate, LoanCreate, LoanDetail, LoanImportReport, LoanListItem, NplActionCreate, NplPlan, NplPlanUpsert,
  RiskActionCreate, RiskItem, RiskItemCreate, WarningList, Household, HouseholdList, HouseholdRate,
} from '@kehu/contracts';
import { apiRequest, getCsrfToken, toQueryString } from '../../../lib/api-client.ts';
import { toApiError } from '../../../lib/api-error.ts';

export const creditKey = ['credit'] as const;

export const useLoans = (q: { npl?: 'true' | 'false' } = {}) =>
  useQuery({ queryKey: [...creditKey, 'loans', q], queryFn: () => apiRequest<{ items: LoanListItem[] }>('/api/v1/loans', { query: q }) });
export const useLoan = (id: number) => useQuery({ queryKey: [...creditKey, 'loan', id], queryFn: () => apiRequest<LoanDetail>(`/api/v1/loans/${id}`) });
export const useDeadlines = () => useQuery({ queryKey: [...creditKey, 'deadlines'], queryFn: () => apiRequest<DeadlineList>('/api/v1/credit/deadlines') });
export const useWarnings = () => useQuery({ queryKey: [...creditKey, 'warnings'], queryFn: () => apiRequest<WarningList>('/api/v1/credit/warnings') });
export const useFigures = (year?: number) => useQuery({ queryKey: [...creditKey, 'figures', year ?? 'now'], queryFn: () => apiRequest<CreditFigures>('/api/v1/credit/figures', { query: { year } }) });
export const useNotice = (id: number) => useQuery({ queryKey: [...creditKey, 'notice', id], queryFn: () => apiRequest<DemandNotice>(`/api/v1/demand-notices/${id}`) });

function useCreditMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: creditKey }) });
}
export const useAddClaimEvent = (loanId: number) => useCreditMutation((body: ClaimEventCreate) => apiRequest<LoanDetail>(`/api/v1/loans/${loanId}/claim-events`, { method: 'POST', json: body }));
export const useIssueNotice = (loanId: number) => useCreditMutation((_: void) => apiRequest<DemandNotice>(`/api/v1/loans/${loanId}/demand-notices`, { method: 'POST', json: {} }));
export const useSignNotice = (id: number) => useCreditMutation((body: DemandNoticeSign) => apiRequest<DemandNotice>(`/api/v1/demand-notices/${id}/sign`, { method: 'POST', json: body }));
export const useUpsertPlan = (loanId: number) => useCreditMutation((body: NplPlanUpsert) => apiRequest<NplPlan>(`/api/v1/loans/${loanId}/npl-plan`, { method: 'PUT', json: body }));
export const useAddNplAction = (planId: number) => useCreditMutation((body: NplActionCreate) => apiRequest<NplPlan>(`/api/v1/npl-plans/${planId}/actions`, { method: 'POST', json: body }));

export interface ForeclosedAsset { id: number; loanId: number; loanNo: string; customerName: string; description: string; receivedOn: string; valuationFen: number; custody: string; disposalDeadline: string; disposedOn: string | null; proceedsFen: number | null }
export const useAssets = () => useQuery({ queryKey: [...creditKey, 'assets'], queryFn: () => apiRequest<{ items: ForeclosedAsset[] }>('/api/v1/foreclosed-assets') });

// Loan import (file) and manual entry; the import answers 200 or 422 with the same report, so it is read directly.
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export async function importLoans(file: File): Promise<LoanImportReport> {
  const csv = /\.csv$/i.test(file.name);
  const res = await fetch(`/api/v1/credit/loans/import${toQueryString({ fileName: file.name })}`, {
    method: 'POST', body: file, credentials: 'same-origin', headers: { accept: 'application/json', 'content-type': csv ? 'text/csv' : XLSX, 'x-csrf-token': getCsrfToken() ?? '' },
  });
  const payload: unknown = await res.json().catch(() => null);
  if (res.status === 200 || res.status === 422) return payload as LoanImportReport;
  throw toApiError(res.status, payload);
}
export const useImportLoans = () => useCreditMutation(importLoans);
export const useCreateLoan = () => useCreditMutation((body: LoanCreate) => apiRequest<{ id: number }>('/api/v1/loans', { method: 'POST', json: body }));
export const useAddGuaranteeAction = (guarantorId: number) => useCreditMutation((body: GuaranteeActionCreate) => apiRequest<LoanDetail>(`/api/v1/guarantors/${guarantorId}/actions`, { method: 'POST', json: body }));

// High-risk ledger.
export const useRiskItems = () => useQuery({ queryKey: [...creditKey, 'risk-items'], queryFn: () => apiRequest<{ items: RiskItem[] }>('/api/v1/credit/risk-items') });
export const useCreateRiskItem = () => useCreditMutation((body: RiskItemCreate) => apiRequest<RiskItem>('/api/v1/credit/risk-items', { method: 'POST', json: body }));
export const useAddRiskAction = () => useCreditMutation((v: { id: number } & RiskActionCreate) => apiRequest<RiskItem>(`/api/v1/credit/risk-items/${v.id}/actions`, { method: 'POST', json: { actionDate: v.actionDate, action: v.action } }));
export const useCloseRiskItem = () => useCreditMutation((v: { id: number; note: string }) => apiRequest<RiskItem>(`/api/v1/credit/risk-items/${v.id}/close`, { method: 'POST', json: { note: v.note } }));

// Credit villages and households.
export interface CreditVillage {
  id: number; orgUnitName: string; name: string; households: number; status: string; ratedOn: string; creditLineFen: number; removedOn: string | null; removalReason: string | null; recheckDue: boolean;
  checks: { checks?: { code: string; passed: boolean; actual: string | null; bound: string; zh: string; en?: string; reason?: { zh: string; en: string } | null }[] };
}
export const useVillages = () => useQuery({ queryKey: [...creditKey, 'villages'], queryFn: () => apiRequest<{ items: CreditVillage[] }>('/api/v1/credit/villages') });
export const useRemoveVillage = () => useCreditMutation((v: { id: number; reason: string }) => apiRequest(`/api/v1/credit/villages/${v.id}/remove`, { method: 'POST', json: { reason: v.reason } }));
export const useHouseholds = () => useQuery({ queryKey: [...creditKey, 'households'], queryFn: () => apiRequest<HouseholdList>('/api/v1/credit/households') });
export const useRateHousehold = () => useCreditMutation((body: HouseholdRate) => apiRequest<Household>('/api/v1/credit/households/rate', { method: 'POST', json: body }));
export const useRemoveHousehold = () => useCreditMutation((v: { id: number; reason: string }) => apiRequest<Household>(`/api/v1/credit/households/${v.id}/remove`, { method: 'POST', json: { reason: v.reason } }));
