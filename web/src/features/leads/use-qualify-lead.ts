import { z } from 'zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';
import { requestKeys } from '@web/features/requests/request-keys';

const qualifiedSchema = z.object({ handledRequests: z.number() });

/** Turns a lead into a customer (optionally closing its open requests). */
export function useQualifyLead(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; markRequestsHandled: boolean }) =>
      apiJson(qualifiedSchema, `/accounts/${encodeURIComponent(accountId)}/qualify`, { method: 'POST', body: input }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: accountKeys.all }), queryClient.invalidateQueries({ queryKey: requestKeys.all })]),
  });
}
