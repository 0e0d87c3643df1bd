import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me, SignInBody } from '@kehu/contracts';
import { apiRequest, setCsrfToken } from '../../../lib/api-client.ts';
import { meQueryKey } from './get-me.ts';

export function signIn(body: SignInBody): Promise<Me> {
  return apiRequest<Me>('/api/v1/auth/sign-in', { method: 'POST', json: body, quietUnauthorized: true });
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      qc.setQueryData(meQueryKey, me);
    },
  });
}
