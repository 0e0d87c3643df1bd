import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResearchOverview, ResearchReport, ResearchReportCreate, ResearchReview } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

export const researchKey = ['research-reports'] as const;

export function useResearch(period?: string) {
  return useQuery({ queryKey: [...researchKey, period ?? 'current'], queryFn: () => apiRequest<ResearchOverview>('/api/v1/research-reports', { query: { period } }) });
}

export function useSubmitResearch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ResearchReportCreate) => apiRequest<ResearchReport>('/api/v1/research-reports', { method: 'POST', json: body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: researchKey }),
  });
}

export function useReviewResearch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ResearchReview }) => apiRequest<ResearchReport>(`/api/v1/research-reports/${id}/review`, { method: 'POST', json: body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: researchKey }),
  });
}
