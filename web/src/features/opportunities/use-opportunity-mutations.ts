import { opportunityCardSchema, opportunitySchema, type OpportunityCreate, type OpportunityMove, type OpportunityUpdate } from '@contract/opportunities';
import { bulkStartedSchema } from '@contract/bulk';
import type { OpportunityBulkRequest } from '@contract/opportunity-actions';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';
import { opportunityKeys } from './opportunity-keys';

/** After any change: the list, board, page and the organization's page (its section and history) refresh. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: opportunityKeys.all }), queryClient.invalidateQueries({ queryKey: accountKeys.all })]);
}

export function useCreateOpportunity() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: OpportunityCreate) => apiJson(opportunitySchema, '/opportunities', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useUpdateOpportunity(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: OpportunityUpdate) => apiJson(opportunitySchema, `/opportunities/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: refresh,
  });
}

/** A card dropped on the board: one request; the board reloads its columns after it. */
export function useMoveOpportunity() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...input }: OpportunityMove & { id: string }) =>
      apiJson(opportunityCardSchema, `/opportunities/${encodeURIComponent(id)}/move`, { method: 'POST', body: input }),
    onSettled: refresh,
  });
}

export function useSetOpportunityPerson(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ personId, role }: { personId: string; role: string | null }) =>
      apiJson(opportunitySchema, `/opportunities/${encodeURIComponent(id)}/people/${encodeURIComponent(personId)}`, { method: 'PUT', body: { role } }),
    onSuccess: refresh,
  });
}

export function useRemoveOpportunityPerson(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (personId: string) => apiJson(opportunitySchema, `/opportunities/${encodeURIComponent(id)}/people/${encodeURIComponent(personId)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

/** Starts a bulk action; the answer names the job to follow. */
export function useOpportunityBulk() {
  return useMutation({ mutationFn: (request: OpportunityBulkRequest) => apiJson(bulkStartedSchema, '/opportunities/bulk', { method: 'POST', body: request }) });
}
