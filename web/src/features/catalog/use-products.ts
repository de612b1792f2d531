import { productListSchema, productSchema, type ProductCreate, type ProductUpdate } from '@contract/products';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import type { ListText } from '@web/components/list-kit/use-list-url';
import { catalogKeys } from './catalog-keys';

/** The catalog under its filters (the URL's text), a keyset page at a time. */
export function useProducts(params: ListText, limit = 50, enabled = true) {
  return useInfiniteQuery({
    queryKey: catalogKeys.list({ ...params, limit }),
    queryFn: ({ pageParam, signal }) => apiJson(productListSchema, '/products', { query: { ...params, limit, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    enabled,
  });
}

/** Creates a product, or edits one (its version guards against another's edit). */
export function useSaveProduct(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProductCreate | ProductUpdate) =>
      id ? apiJson(productSchema, `/products/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }) : apiJson(productSchema, '/products', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKeys.products }),
  });
}
