import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Competition, CompetitionCreate, EvalCycle, EvalCycleCreate, EvalCycleDetail, EvalDraft, EvalResult, EvalTasks, GradeView } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

/** Evaluation, grades and competitions: one hook per endpoint. Every write refreshes the whole `eval` family. */
const KEY = ['eval'] as const;
const useWrite = <V, R>(fn: (v: V) => Promise<R>) => {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
};

export interface Scorecard { id: string; title: { zh: string; en: string }; cycle: string; items: number; engine: boolean }
export interface Appeal { id: number; resultId: number; staffId: number; name: string; cycleName: string; reason: string; status: string; band: string | null; answer: string | null; createdAt: string; mayAnswer: boolean }
export interface Proposal { id: number; cycleId: number; cycleName: string; staffId: number; name: string; ladderId: string; fromGrade: string; proposedGrade: string; basis: string; status: string; decidedGrade: string | null; decisionReason: string | null; grades: { code: string; label: { zh: string; en: string } }[] }

export const useScorecards = () => useQuery({ queryKey: [...KEY, 'scorecards'], queryFn: () => apiRequest<{ items: Scorecard[] }>('/api/v1/eval/scorecards') });
export const useCycles = () => useQuery({ queryKey: [...KEY, 'cycles'], queryFn: () => apiRequest<{ items: EvalCycle[] }>('/api/v1/eval/cycles') });
export const useCycle = (id: number) => useQuery({ queryKey: [...KEY, 'cycle', id], queryFn: () => apiRequest<EvalCycleDetail>(`/api/v1/eval/cycles/${id}`) });
export const useResult = (id: number) => useQuery({ queryKey: [...KEY, 'result', id], queryFn: () => apiRequest<EvalResult>(`/api/v1/eval/results/${id}`) });
export const useMyResults = () => useQuery({ queryKey: [...KEY, 'mine'], queryFn: () => apiRequest<{ items: EvalResult[] }>('/api/v1/eval/results/mine') });
export const useTasks = () => useQuery({ queryKey: [...KEY, 'tasks'], queryFn: () => apiRequest<EvalTasks>('/api/v1/eval/tasks') });
export const useAppeals = () => useQuery({ queryKey: [...KEY, 'appeals'], queryFn: () => apiRequest<{ items: Appeal[] }>('/api/v1/eval/appeals') });
export const useMyGrade = (enabled: boolean) => useQuery({ queryKey: [...KEY, 'grade-mine'], enabled, queryFn: () => apiRequest<GradeView>('/api/v1/grades/mine') });
export const useProposals = () => useQuery({ queryKey: [...KEY, 'proposals'], queryFn: () => apiRequest<{ items: Proposal[] }>('/api/v1/grades/proposals') });
export const useCompetitions = () => useQuery({ queryKey: [...KEY, 'competitions'], queryFn: () => apiRequest<{ items: Competition[] }>('/api/v1/competitions') });

export const useCreateCycle = () => useWrite((body: EvalCycleCreate) => apiRequest<EvalCycle>('/api/v1/eval/cycles', { method: 'POST', json: body }));
export const useDraft = () => useWrite(({ id, body }: { id: number; body: EvalDraft }) => apiRequest<EvalResult>(`/api/v1/eval/results/${id}/draft`, { method: 'POST', json: body }));
export const useReview = () => useWrite((id: number) => apiRequest<EvalResult>(`/api/v1/eval/results/${id}/review`, { method: 'POST', json: { comment: '' } }));
export const useCalibrate = () => useWrite(({ id, changes }: { id: number; changes: { resultId: number; band: string; reason: string }[] }) => apiRequest<EvalCycleDetail>(`/api/v1/eval/cycles/${id}/calibrate`, { method: 'POST', json: { changes } }));
export const usePublish = () => useWrite((id: number) => apiRequest<EvalCycleDetail>(`/api/v1/eval/cycles/${id}/publish`, { method: 'POST' }));
export const useRate = () => useWrite(({ id, scores }: { id: number; scores: Record<string, number> }) => apiRequest<{ ok: true }>(`/api/v1/eval/ratings/${id}`, { method: 'POST', json: { scores, comment: '' } }));
export const useAcknowledge = () => useWrite((id: number) => apiRequest<EvalResult>(`/api/v1/eval/results/${id}/acknowledge`, { method: 'POST' }));
export const useAppeal = () => useWrite(({ id, reason }: { id: number; reason: string }) => apiRequest<EvalResult>(`/api/v1/eval/results/${id}/appeal`, { method: 'POST', json: { reason } }));
export const useAnswerAppeal = () => useWrite(({ id, body }: { id: number; body: { accept: boolean; band?: string; answer: string } }) => apiRequest<EvalResult>(`/api/v1/eval/appeals/${id}/answer`, { method: 'POST', json: body }));
export const useDecideProposal = () => useWrite(({ id, grade, reason }: { id: number; grade: string; reason: string }) => apiRequest<Proposal>(`/api/v1/grades/proposals/${id}/decide`, { method: 'POST', json: { grade, reason } }));
export const useCreateCompetition = () => useWrite((body: CompetitionCreate) => apiRequest<Competition>('/api/v1/competitions', { method: 'POST', json: body }));
export const useApply = () => useWrite(({ id, body }: { id: number; body: { staffId: number; examScore: number | null; characterReview: 'pass' | 'fail' | null; avgDailyDepositsYuan: number | null } }) => apiRequest<Competition>(`/api/v1/competitions/${id}/applicants`, { method: 'POST', json: body }));
export const useApplicantAction = () => useWrite(({ id, action }: { id: number; action: 'appoint' | 'confirm' | 'refuse' }) => apiRequest<Competition>(`/api/v1/competitions/applicants/${id}/action`, { method: 'POST', json: { action, reason: action === 'refuse' ? '未通过' : '' } }));
