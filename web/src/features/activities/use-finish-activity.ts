import { activitySchema, type ActivityComplete } from '@contract/activities';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { refreshAfterActivityChange } from './activity-keys';

/** Marks an activity done with its result, or cancels it. */
export function useFinishActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, outcome, ...input }: ActivityComplete & { id: string; outcome: 'done' | 'cancel' }) =>
      apiJson(activitySchema, `/activities/${encodeURIComponent(id)}/${outcome}`, { method: 'POST', body: input }),
    onSuccess: () => refreshAfterActivityChange(queryClient),
  });
}
