import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiVoid } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';

/** An admin's undo: the customer goes back to the stage it had before qualifying. */
export function useUnqualifyLead(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number }) => apiVoid(`/accounts/${encodeURIComponent(accountId)}/unqualify`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
