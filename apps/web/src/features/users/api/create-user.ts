import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User, UserCreate } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { usersKey } from './list-users.ts';

export function createUser(body: UserCreate): Promise<User> {
  return apiRequest('/api/v1/users', { method: 'POST', json: body });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }) });
}
