import { contactSchema } from '@contract/contacts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from './account-keys';

export type ContactChange = { contactId: string; position: string; area: string };

export function useUpdateContact(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, position, area }: ContactChange) =>
      apiJson(contactSchema, `/accounts/${encodeURIComponent(accountId)}/contacts/${encodeURIComponent(contactId)}`, {
        method: 'PATCH',
        body: { position, area },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
