import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiVoid } from '@web/app/api-client';
import { accountKeys } from './account-keys';

/** Removes the link only; both accounts stay. */
export function useRemoveContact(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) =>
      apiVoid(`/accounts/${encodeURIComponent(accountId)}/contacts/${encodeURIComponent(contactId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
