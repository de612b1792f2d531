import { activityListSchema, type ActivityListParams } from '@contract/activities';
import { infiniteQueryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { activityKeys } from './activity-keys';

/** A filtered list of activities, a page at a time. */
export function useActivities(params: ActivityListParams) {
  return useInfiniteQuery({
    queryKey: activityKeys.list(params),
    queryFn: ({ pageParam, signal }) => apiJson(activityListSchema, '/activities', { query: { ...params, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** The activities list page's pages, its query as the URL spells it (useListUrl's `text`). */
export const activityListQuery = (text: Readonly<Partial<Record<string, string>>>) =>
  infiniteQueryOptions({
    queryKey: activityKeys.list(text),
    queryFn: ({ pageParam, signal }) => apiJson(activityListSchema, '/activities', { query: { ...text, limit: 100, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

/** One page only: the calendar's window, an account's previous or next activity. */
export function useActivityPage(params: ActivityListParams, enabled = true) {
  return useQuery({
    queryKey: activityKeys.list(params),
    queryFn: ({ signal }) => apiJson(activityListSchema, '/activities', { query: params, signal }),
    enabled,
  });
}
