import { listItemSchema, listItemsSchema, type ListItemCreate, type ListItemUpdate, type ListKey } from '@contract/lists';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { listsQueryKey } from './use-lists';

const path = (key: ListKey) => `/lists/${encodeURIComponent(key)}`;

/** Adds an item at the end of a list (admins). */
export function useCreateListItem(key: ListKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ListItemCreate) => apiJson(listItemSchema, `${path(key)}/items`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listsQueryKey }),
  });
}

/** Renames, recolours, deactivates or reactivates an item. */
export function useUpdateListItem(key: ListKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: ListItemUpdate & { id: string }) =>
      apiJson(listItemSchema, `${path(key)}/items/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listsQueryKey }),
  });
}

/** Puts the items in the order given. */
export function useReorderList(key: ListKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => apiJson(listItemsSchema, `${path(key)}/order`, { method: 'PUT', body: { ids } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listsQueryKey }),
  });
}
