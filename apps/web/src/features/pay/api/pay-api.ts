import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PayDiff, PayDispute, PayFact, PayFactFile, StaffPage, PayImportJob, PayImportReport, PayPeriod, PayRun, PaySlip, PaySlipSummary } from '@kehu/contracts';
import { apiDownload, apiRequest } from '../../../lib/api-client.ts';

/** The pay endpoints, one fetcher + hook each. Money is fen. */
export const payKeys = { all: ['pay'] as const };

export interface PlansView {
  plans: { id: number; code: string; title: string; presetId: string | null; version: string; document: string }[];
  assignments: { id: number; planId: number; planTitle: string; position: string | null; orgUnitId: number | null; orgUnitName: string | null; hireType: string | null; validFrom: string; validTo: string | null }[];
  presets: { id: string; title: string }[];
}
export interface SlipPage { items: PaySlipSummary[]; total: number; components: { key: string; zh: string; en: string }[] }
export interface FactSummary { items: { kind: string; rows: number; people: number; amountFen: number }[]; files: { id: number; fileName: string; rowCount: number; createdAt: string; voidedAt: string | null }[] }
export interface SlipFact { id: number; kind: string; date: string; quantity: number; amountFen: number; faceValueFen: number; spentFen: number; gifted: boolean; subKind: string; counted: boolean; reason: { 'zh-CN': string; en: string } | null }

export const usePeriods = (enabled = true) => useQuery({ queryKey: [...payKeys.all, 'periods'], queryFn: () => apiRequest<{ items: PayPeriod[] }>('/api/v1/pay/periods'), enabled });
export const useRuns = (periodId: number | null) => useQuery({ queryKey: [...payKeys.all, 'runs', periodId], queryFn: () => apiRequest<{ items: PayRun[] }>(`/api/v1/pay/periods/${periodId}/runs`), enabled: periodId !== null });
export const useRun = (id: number) => useQuery({ queryKey: [...payKeys.all, 'run', id], queryFn: () => apiRequest<PayRun>(`/api/v1/pay/runs/${id}`) });
export const useRunSlips = (id: number, page: number) => useQuery({ queryKey: [...payKeys.all, 'run-slips', id, page], queryFn: () => apiRequest<SlipPage>(`/api/v1/pay/runs/${id}/slips`, { query: { page, pageSize: 50 } }) });
export const useRunDiff = (id: number) => useQuery({ queryKey: [...payKeys.all, 'run-diff', id], queryFn: () => apiRequest<PayDiff>(`/api/v1/pay/runs/${id}/diff`) });
export const useFactSummary = (periodId: number | null, enabled: boolean) => useQuery({ queryKey: [...payKeys.all, 'facts', periodId], queryFn: () => apiRequest<FactSummary>(`/api/v1/pay/periods/${periodId}/facts/summary`), enabled: periodId !== null && enabled });
export const useFactFiles = (periodId: number, enabled: boolean) => useQuery({ queryKey: [...payKeys.all, 'fact-files', periodId], enabled, queryFn: () => apiRequest<{ items: PayFactFile[] }>(`/api/v1/pay/periods/${periodId}/fact-files`) });
export const usePeriodFacts = (periodId: number, q: { staffId?: number; kind?: string; page: number }, enabled: boolean) => useQuery({
  queryKey: [...payKeys.all, 'period-facts', periodId, q], enabled,
  queryFn: () => apiRequest<{ items: PayFact[]; total: number }>(`/api/v1/pay/periods/${periodId}/facts`, { query: { ...q, pageSize: 50 } }),
});
/** Staff to pick a fact's person from, as select options (the fact form, the facts list's filter). */
export function useStaffOptions(enabled = true) {
  const q = useQuery({ queryKey: ['staff', 'pay-entry'], enabled, queryFn: () => apiRequest<StaffPage>('/api/v1/staff', { query: { pageSize: 200 } }) });
  return (q.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
}
export const usePlans = () => useQuery({ queryKey: [...payKeys.all, 'plans'], queryFn: () => apiRequest<PlansView>('/api/v1/pay/plans') });
export const useMySlips = () => useQuery({ queryKey: [...payKeys.all, 'mine'], queryFn: () => apiRequest<{ items: PaySlipSummary[] }>('/api/v1/pay/slips/mine') });
export const useSlip = (id: number) => useQuery({ queryKey: [...payKeys.all, 'slip', id], queryFn: () => apiRequest<PaySlip>(`/api/v1/pay/slips/${id}`) });
export const useSlipFacts = (id: number, kind: string | null, page: number) => useQuery({
  queryKey: [...payKeys.all, 'slip-facts', id, kind, page], enabled: kind !== null,
  queryFn: () => apiRequest<{ items: SlipFact[]; total: number }>(`/api/v1/pay/slips/${id}/facts`, { query: { kind: kind ?? undefined, page, pageSize: 50 } }),
});
export const useDisputes = () => useQuery({ queryKey: [...payKeys.all, 'disputes'], queryFn: () => apiRequest<{ items: PayDispute[] }>('/api/v1/pay/disputes') });

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: payKeys.all });
}
export function useCreatePeriod() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: (period: string) => apiRequest<PayPeriod>('/api/v1/pay/periods', { method: 'POST', json: { period } }), onSuccess: inv });
}
export function useStartRun() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: (periodId: number) => apiRequest<PayRun>(`/api/v1/pay/periods/${periodId}/runs`, { method: 'POST' }), onSuccess: inv });
}
export function useTransition() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: ({ runId, action }: { runId: number; action: 'review' | 'approve' | 'lock' | 'return' }) => apiRequest<PayRun>(`/api/v1/pay/runs/${runId}/transition`, { method: 'POST', json: { action } }), onSuccess: inv });
}
export function useCorrect() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: (periodId: number) => apiRequest<{ adjustments: number; targetPeriod: string | null; deltaTotalFen: number }>(`/api/v1/pay/periods/${periodId}/corrections`, { method: 'POST' }), onSuccess: inv });
}
/** Voids a file (`fileId`) or one fact (`factId`) with a reason. */
export function useVoidFacts() {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (b: { fileId?: number; factId?: number; reason: string }) =>
      apiRequest<{ voidId: number; facts: number; periodLocked: boolean }>(b.fileId ? `/api/v1/pay/fact-files/${b.fileId}/void` : `/api/v1/pay/facts/${b.factId}/void`, { method: 'POST', json: { reason: b.reason } }),
    onSuccess: inv,
  });
}
export function useCreatePlan() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: (b: { code: string; title: string; version: string; presetId: string | null; document: string | null }) => apiRequest('/api/v1/pay/plans', { method: 'POST', json: b }), onSuccess: inv });
}
export function useAssignPlan() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: (b: { planId: number; position: string | null; orgUnitId: number | null; hireType: string | null; validFrom: string; validTo: string | null }) => apiRequest('/api/v1/pay/plan-assignments', { method: 'POST', json: b }), onSuccess: inv });
}
type AssignmentBody = { planId: number; position: string | null; orgUnitId: number | null; hireType: string | null; validFrom: string; validTo: string | null };
export function useUpdateAssignment() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: ({ id, ...b }: AssignmentBody & { id: number }) => apiRequest(`/api/v1/pay/plan-assignments/${id}`, { method: 'PUT', json: b }), onSuccess: inv });
}
export function useEndAssignment() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: ({ id, validTo }: { id: number; validTo: string }) => apiRequest(`/api/v1/pay/plan-assignments/${id}/end`, { method: 'POST', json: { validTo } }), onSuccess: inv });
}
export function useRaiseDispute() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: (b: { lineId: number; comment: string }) => apiRequest<PayDispute>('/api/v1/pay/disputes', { method: 'POST', json: b }), onSuccess: inv });
}
export function useAnswerDispute() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: ({ id, ...b }: { id: number; accept: boolean; answer: string; amountFen: number | null }) => apiRequest<PayDispute>(`/api/v1/pay/disputes/${id}/answer`, { method: 'POST', json: b }), onSuccess: inv });
}
export function useWhatIf() {
  return useMutation({ mutationFn: (b: { periodId: number; document: string }) => apiRequest<PayDiff>('/api/v1/pay/what-if', { method: 'POST', json: b }) });
}
export const downloadRun = (runId: number) => apiDownload(`/api/v1/pay/runs/${runId}/export.xlsx`, undefined, `pay-run-${runId}.xlsx`);

/**
 * Uploads a fact file with upload progress (XMLHttpRequest, since fetch reports none); the
 * server checks and loads it as it reads. Resolves with the report; rejects with the failure report.
 */
export function uploadFacts(periodId: number, file: File, csrf: string | null, onProgress: (pct: number) => void, jobId?: string): Promise<{ ok: boolean; status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/pay/periods/${periodId}/facts/import?fileName=${encodeURIComponent(file.name)}${jobId ? `&jobId=${jobId}` : ''}`);
    xhr.setRequestHeader('content-type', /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onload = () => {
      let body: unknown = null;
      try { body = JSON.parse(xhr.responseText); } catch { body = null; }
      resolve({ ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(file);
  });
}
export type { PayImportReport };

/** Opens an import job the page then follows (rows read and checked, writing, the report). */
export const openImportJob = (periodId: number, file: File) =>
  apiRequest<PayImportJob>(`/api/v1/pay/periods/${periodId}/import-jobs`, { method: 'POST', json: { fileName: file.name, size: file.size } });
export const importJob = (jobId: string) => apiRequest<PayImportJob>(`/api/v1/pay/import-jobs/${jobId}`);
export type { PayImportJob };
