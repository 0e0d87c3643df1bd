import { useQuery } from '@tanstack/react-query';
import type { User } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

export const usersKey = ['users'] as const;

export function listUsers(): Promise<{ items: User[] }> {
  return apiRequest('/api/v1/users');
}

export function useUsers() {
  return useQuery({ queryKey: usersKey, queryFn: listUsers });
}
