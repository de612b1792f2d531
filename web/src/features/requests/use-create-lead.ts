import { leadCreatedSchema, type LeadCreate } from '@contract/requests';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';
import { requestKeys } from './request-keys';

/** "New lead": the lead and its first request in one step. */
export function useCreateLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LeadCreate) => apiJson(leadCreatedSchema, '/leads', { method: 'POST', body: input }),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: requestKeys.all }), queryClient.invalidateQueries({ queryKey: accountKeys.all })]),
  });
}
