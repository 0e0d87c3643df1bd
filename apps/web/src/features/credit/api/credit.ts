import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClaimEventCreate, CreditFigures, DeadlineList, DemandNotice, DemandNoticeSign, LoanDetail, LoanListItem, NplActionCreate, NplPlan, NplPlanUpsert, WarningList } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

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
