import { tagSchema, type TagCreate, type TagUpdate } from '@contract/tags';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson, apiVoid } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';
import { tagKeys } from './tag-keys';

export function useCreateTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TagCreate) => apiJson(tagSchema, '/tags', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tagKeys.all }),
  });
}

export function useUpdateTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: TagUpdate & { id: string }) => apiJson(tagSchema, `/tags/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tagKeys.all }),
  });
}

export function useDeleteTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiVoid(`/tags/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tagKeys.all }),
  });
}

/** Puts a tag on an account or takes it off; the account's history and lists change with it. */
export function useToggleAccountTag(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tagId, on }: { tagId: string; on: boolean }) =>
      apiVoid(`/accounts/${encodeURIComponent(accountId)}/tags/${encodeURIComponent(tagId)}`, { method: on ? 'PUT' : 'DELETE' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: tagKeys.ofAccount(accountId) });
      await queryClient.invalidateQueries({ queryKey: tagKeys.counted('').slice(0, 2) });
      await queryClient.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}
