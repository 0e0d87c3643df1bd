import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User, UserUpdate } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { usersKey } from './list-users.ts';

export function updateUser({ id, body }: { id: number; body: UserUpdate }): Promise<User> {
  return apiRequest(`/api/v1/users/${id}`, { method: 'PATCH', json: body });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateUser, onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }) });
}
