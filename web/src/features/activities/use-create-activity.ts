import { activitySchema, type ActivityCreate } from '@contract/activities';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { refreshAfterActivityChange } from './activity-keys';

export function useCreateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActivityCreate) => apiJson(activitySchema, '/activities', { method: 'POST', body: input }),
    onSuccess: () => refreshAfterActivityChange(queryClient),
  });
}
