import { documentSchema } from '@contract/documents';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiUpload } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';

export function useUploadDocument(accountId: string, opportunityId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => documentSchema.parse(await (await apiUpload(`/accounts/${accountId}/documents${opportunityId ? `?opportunityId=${encodeURIComponent(opportunityId)}` : ''}`, file)).json()),
    // The list, the counters and the history all change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
