import { savedViewListSchema, savedViewSchema, type SavedViewCreate, type SavedViewUpdate, type ViewListKey } from '@contract/saved-views';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson, apiVoid } from '@web/app/api-client';

const viewsKey = ['saved-views'] as const;

/** The user's own views of one list and everyone's shared ones (a short list: the first 200 by name). */
export function useSavedViews(list: ViewListKey) {
  return useQuery({
    queryKey: [...viewsKey, list],
    queryFn: ({ signal }) => apiJson(savedViewListSchema, '/saved-views', { query: { list, limit: 200 }, signal }),
  });
}

export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SavedViewCreate) => apiJson(savedViewSchema, '/saved-views', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsKey }),
  });
}

export function useUpdateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: SavedViewUpdate & { id: string }) =>
      apiJson(savedViewSchema, `/saved-views/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsKey }),
  });
}

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiVoid(`/saved-views/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsKey }),
  });
}
