import { relationshipSchema, traitSchema, type CharacteristicCreate, type InterestCreate, type RelationshipCreate, type TraitUpdate } from '@contract/account-links';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson, apiVoid } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';
import { accountPath, type TraitFamily } from './use-account-links';

/** Every change here shows in the account's history (and the other side's), so all account queries refresh. */
function useAccountMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }) });
}

export const useAddTrait = (accountId: string, family: TraitFamily) =>
  useAccountMutation((input: CharacteristicCreate | InterestCreate) => apiJson(traitSchema, `${accountPath(accountId)}/${family}`, { method: 'POST', body: input }));

export const useUpdateTrait = (accountId: string, family: TraitFamily) =>
  useAccountMutation(({ id, ...input }: TraitUpdate & { id: string }) =>
    apiJson(traitSchema, `${accountPath(accountId)}/${family}/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }));

export const useRemoveTrait = (accountId: string, family: TraitFamily) =>
  useAccountMutation((id: string) => apiVoid(`${accountPath(accountId)}/${family}/${encodeURIComponent(id)}`, { method: 'DELETE' }));

export const useAddRelationship = (accountId: string) =>
  useAccountMutation((input: RelationshipCreate) => apiJson(relationshipSchema, `${accountPath(accountId)}/relationships`, { method: 'POST', body: input }));

export const useRemoveRelationship = (accountId: string) =>
  useAccountMutation((id: string) => apiVoid(`${accountPath(accountId)}/relationships/${encodeURIComponent(id)}`, { method: 'DELETE' }));
