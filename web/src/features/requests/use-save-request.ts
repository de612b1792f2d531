import { requestSchema, type RequestCreate, type RequestUpdate } from '@contract/requests';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';
import { requestKeys } from './request-keys';

/** Adds a request to an account, or edits one (with its version); the account's history follows. */
export function useSaveRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { create: RequestCreate } | { id: string; update: RequestUpdate }) =>
      'create' in input
        ? apiJson(requestSchema, '/requests', { method: 'POST', body: input.create })
        : apiJson(requestSchema, `/requests/${encodeURIComponent(input.id)}`, { method: 'PATCH', body: input.update }),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: requestKeys.all }), queryClient.invalidateQueries({ queryKey: accountKeys.all })]),
  });
}
