import type { ActivityListParams } from '@contract/activities';
import type { QueryClient } from '@tanstack/react-query';
import { accountKeys } from '@web/features/accounts/account-keys';
import { projectKeys } from '@web/features/projects/project-keys';

/** Query keys of activities: invalidating `all` refreshes lists, the bell, reminders and the calendar. */
export const activityKeys = {
  all: ['activities'] as const,
  /** A list's parameters: typed, or as a list page's URL spells them. */
  list: (params: ActivityListParams | Readonly<Partial<Record<string, string>>>) => ['activities', 'list', params] as const,
  pending: ['activities', 'pending'] as const,
  reminders: ['activities', 'reminders'] as const,
  feed: ['activities', 'feed'] as const,
};

/** Every activity change can move the bell, reminders, the calendar, the account's history and a project's open tasks. */
export const refreshAfterActivityChange = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: activityKeys.all }),
    queryClient.invalidateQueries({ queryKey: accountKeys.all }),
    queryClient.invalidateQueries({ queryKey: projectKeys.all }),
  ]);
