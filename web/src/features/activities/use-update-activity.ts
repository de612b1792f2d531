import { activitySchema, type ActivityUpdate } from '@contract/activities';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { refreshAfterActivityChange } from './activity-keys';

/** Edits an activity; the calendar's drag sends only startAt / endAt. */
export function useUpdateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: ActivityUpdate & { id: string }) =>
      apiJson(activitySchema, `/activities/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSettled: () => refreshAfterActivityChange(queryClient),
  });
}
