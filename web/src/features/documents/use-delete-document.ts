import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiVoid } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';

export function useDeleteDocument(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) => apiVoid(`/accounts/${accountId}/documents/${documentId}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
