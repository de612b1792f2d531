import { activityListSchema } from '@contract/activities';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { activityKeys } from './activity-keys';

/** The end of the user's today, in their own time zone. */
export function endOfToday(): string {
  const end = new Date();
  end.setHours(23, 59, 59, 999);
  return end.toISOString();
}

/** The bell: my scheduled activities due by today; polled, and refreshed by every activity change. */
export function usePendingActivities() {
  return useQuery({
    queryKey: activityKeys.pending,
    queryFn: ({ signal }) => apiJson(activityListSchema, '/activities/pending', { query: { until: endOfToday(), limit: 50 }, signal }),
    refetchInterval: 30_000,
    staleTime: 0,
  });
}
