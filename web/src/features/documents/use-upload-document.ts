import { documentSchema } from '@contract/documents';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiUpload } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';
import type { DocumentLinks } from './use-documents';

export function useUploadDocument(accountId: string, links: DocumentLinks = {}) {
  const queryClient = useQueryClient();
  const query = new URLSearchParams(Object.entries(links).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  return useMutation({
    mutationFn: async (file: File) => documentSchema.parse(await (await apiUpload(`/accounts/${accountId}/documents${query ? `?${query}` : ''}`, file)).json()),
    // The list, the counters and the history all change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
