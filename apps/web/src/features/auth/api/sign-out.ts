import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setCsrfToken } from '../../../lib/api-client.ts';
import { meQueryKey } from './get-me.ts';

export function signOut(): Promise<{ ok: true }> {
  return apiRequest<{ ok: true }>('/api/v1/auth/sign-out', { method: 'POST', json: {}, quietUnauthorized: true });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(meQueryKey, null);
    },
  });
}
