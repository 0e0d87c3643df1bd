import { useQuery } from '@tanstack/react-query';
import type { Me } from '@kehu/contracts';
import { apiRequest, setCsrfToken } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when signed out. Remembers the CSRF token for writes. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiRequest<Me>('/api/v1/auth/me', { quietUnauthorized: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}
