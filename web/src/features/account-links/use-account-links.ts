import { accountTreeSchema, relationshipListSchema, traitListSchema } from '@contract/account-links';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';

export type TraitFamily = 'characteristics' | 'interests';

/** Query keys sit under the account's, so invalidating accounts refreshes them too. */
export const linkKeys = {
  traits: (accountId: string, family: TraitFamily) => [...accountKeys.all, 'links', accountId, family] as const,
  relationships: (accountId: string) => [...accountKeys.all, 'links', accountId, 'relationships'] as const,
  tree: (accountId: string) => [...accountKeys.all, 'links', accountId, 'tree'] as const,
};

export const accountPath = (accountId: string) => `/accounts/${encodeURIComponent(accountId)}`;

export function useTraits(accountId: string, family: TraitFamily) {
  return useQuery({
    queryKey: linkKeys.traits(accountId, family),
    queryFn: ({ signal }) => apiJson(traitListSchema, `${accountPath(accountId)}/${family}`, { signal }),
  });
}

export function useRelationships(accountId: string) {
  return useQuery({
    queryKey: linkKeys.relationships(accountId),
    queryFn: ({ signal }) => apiJson(relationshipListSchema, `${accountPath(accountId)}/relationships`, { signal }),
  });
}

export function useAccountTree(accountId: string) {
  return useQuery({
    queryKey: linkKeys.tree(accountId),
    queryFn: ({ signal }) => apiJson(accountTreeSchema, `${accountPath(accountId)}/tree`, { signal }),
  });
}
