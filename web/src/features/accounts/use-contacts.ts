import { contactListSchema } from '@contract/contacts';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from './account-keys';

export function useContacts(accountId: string, enabled = true) {
  return useQuery({
    queryKey: accountKeys.contacts(accountId),
    queryFn: ({ signal }) => apiJson(contactListSchema, `/accounts/${encodeURIComponent(accountId)}/contacts`, { signal }),
    enabled,
  });
}
