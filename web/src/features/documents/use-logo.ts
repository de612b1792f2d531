import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiUpload, apiVoid } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';

/** Sets the account's logo from a file, or removes it with null. */
export function useLogo(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File | null) => {
      if (file) await apiUpload(`/accounts/${accountId}/logo`, file, 'PUT');
      else await apiVoid(`/accounts/${accountId}/logo`, { method: 'DELETE' });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
