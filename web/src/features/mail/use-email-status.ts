import { accountEmailStatusSchema } from '@contract/emails';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson, apiVoid } from '@web/app/api-client';
import { mailKeys } from './mail-keys';

export function useAccountEmailStatus(accountId: string) {
  return useQuery({
    queryKey: mailKeys.accountStatus(accountId),
    queryFn: ({ signal }) => apiJson(accountEmailStatusSchema, `/accounts/${encodeURIComponent(accountId)}/email-status`, { signal }),
  });
}

export function useResubscribe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { address: string; note: string }) => apiVoid('/email-suppressions/resubscribe', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.all }),
  });
}
