import { productListQuerySchema } from '@contract/products';
import type { ListUrlSpec } from '@web/components/list-kit/use-list-url';

/** The catalog's columns (all shown: the catalog has no saved views). */
export const productColumns = ['kind', 'category', 'unit', 'price', 'taxRate', 'active', 'updatedAt'] as const;
export type ProductColumn = (typeof productColumns)[number];

export const catalogListUrl = {
  schema: productListQuerySchema,
  columns: { all: productColumns, defaults: productColumns },
} satisfies ListUrlSpec<typeof productListQuerySchema, ProductColumn>;

export const productFilterKeys = ['kind', 'category', 'active'] as const satisfies ReadonlyArray<keyof typeof productListQuerySchema.shape>;
