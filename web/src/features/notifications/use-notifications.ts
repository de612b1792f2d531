import { notificationListSchema } from '@contract/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson, apiVoid } from '@web/app/api-client';
import { notificationKeys } from './notification-keys';

/** The bell's notifications: unread first, polled like the pending activities. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) => apiJson(notificationListSchema, '/notifications', { query: { limit: 20 }, signal }),
    refetchInterval: 30_000,
    staleTime: 0,
  });
}

export function useReadNotification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') => apiVoid(id === 'all' ? '/notifications/read-all' : `/notifications/${id}/read`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
