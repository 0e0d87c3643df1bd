import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublicSurvey, PublicSurveyAnswer, RatingReport, Survey, SurveyCreate, SurveyLinkIssued } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

export const surveysKey = ['surveys'] as const;

export function useSurveys(enabled = true) {
  return useQuery({ queryKey: [...surveysKey, 'list'], queryFn: () => apiRequest<{ items: Survey[] }>('/api/v1/surveys'), enabled });
}

export function useRatings(enabled = true) {
  return useQuery({ queryKey: [...surveysKey, 'ratings'], queryFn: () => apiRequest<RatingReport>('/api/v1/ratings'), enabled });
}

export function useCreateSurvey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<SurveyCreate> & Pick<SurveyCreate, 'title' | 'questions'>) => apiRequest<Survey>('/api/v1/surveys', { method: 'POST', json: body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: surveysKey }),
  });
}

export function useIssueLink() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ surveyId, customerId }: { surveyId: number; customerId: number }) => apiRequest<SurveyLinkIssued>(`/api/v1/surveys/${surveyId}/links`, { method: 'POST', json: { customerId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: surveysKey }),
  });
}

/** The public page: no session involved. */
export function usePublicSurvey(token: string) {
  return useQuery({ queryKey: ['public-survey', token], queryFn: () => apiRequest<PublicSurvey>(`/api/v1/public/surveys/${encodeURIComponent(token)}`, { quietUnauthorized: true }) });
}

export function useAnswerSurvey(token: string) {
  return useMutation({
    mutationFn: (body: PublicSurveyAnswer) => apiRequest<{ ok: true }>(`/api/v1/public/surveys/${encodeURIComponent(token)}/answers`, { method: 'POST', json: body, quietUnauthorized: true }),
  });
}
