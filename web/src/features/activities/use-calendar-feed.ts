import { calendarFeedCreatedSchema, calendarFeedStatusSchema } from '@contract/activities';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson, apiVoid } from '@web/app/api-client';
import { activityKeys } from './activity-keys';

export function useCalendarFeed() {
  return useQuery({
    queryKey: activityKeys.feed,
    queryFn: ({ signal }) => apiJson(calendarFeedStatusSchema, '/me/calendar-feed', { signal }),
  });
}

/** A new private URL; the previous one stops working. */
export function useRotateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiJson(calendarFeedCreatedSchema, '/me/calendar-feed', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: activityKeys.feed }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiVoid('/me/calendar-feed', { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: activityKeys.feed }),
  });
}
