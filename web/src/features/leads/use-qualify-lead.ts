import { qualifiedSchema, type QualifyWithOpportunity } from '@contract/opportunity-actions';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';
import { opportunityKeys } from '@web/features/opportunities/opportunity-keys';
import { requestKeys } from '@web/features/requests/request-keys';

/** Turns a lead into a customer (optionally closing its open requests and opening an opportunity, in one step). */
export function useQualifyLead(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: QualifyWithOpportunity) =>
      apiJson(qualifiedSchema, `/accounts/${encodeURIComponent(accountId)}/qualify`, { method: 'POST', body: input }),
    onSuccess: () => Promise.all([accountKeys.all, requestKeys.all, opportunityKeys.all].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
