import { productSchema, type Product } from '@contract/products';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson, apiUpload } from '@web/app/api-client';
import { catalogKeys } from './catalog-keys';

/** Sets a product's picture from a file, or removes it with null; answers the product as it now is (its version moved on). */
export function useProductImage(productId: string) {
  const queryClient = useQueryClient();
  const path = `/products/${encodeURIComponent(productId)}/image`;
  return useMutation({
    mutationFn: async (file: File | null): Promise<Product> =>
      file ? productSchema.parse(await (await apiUpload(path, file, 'PUT')).json()) : apiJson(productSchema, path, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKeys.products }),
  });
}
