import { contactSchema, type ContactCreate } from '@contract/contacts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from './account-keys';

/** Links an existing account, or a new person / organization created in the same step. */
export function useAddContact(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactCreate) =>
      apiJson(contactSchema, `/accounts/${encodeURIComponent(accountId)}/contacts`, { method: 'POST', body: input }),
    // The other side's contacts, history and the list (a new account) change too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
