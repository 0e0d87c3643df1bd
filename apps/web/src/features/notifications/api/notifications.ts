import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationList } from '@kehu/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

const key = ['notifications'] as const;

/** The signed-in user's notices; polled each minute so the bell count follows the daily alert run. */
export const useNotifications = () => useQuery({ queryKey: key, queryFn: () => apiRequest<NotificationList>('/api/v1/notifications'), refetchInterval: 60_000 });

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number | 'all') => apiRequest<{ unread: number }>(id === 'all' ? '/api/v1/notifications/read-all' : `/api/v1/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
