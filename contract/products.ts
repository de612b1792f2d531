import { z } from 'zod';
import { listValueSchema } from './accounts';
import { idSchema, listQueryBase, listResponse, optionalText, queryBoolean } from './common';
import { exportFormatSchema, spreadsheetOptionsShape } from './exports';
import { labelsSchema } from './lists';
import { currencySchema, minorUnitsSchema } from './money';

/**
 * The catalog (seed 001 "Catálogos"): products and services a quote's lines are picked from.
 * Prices are integer minor units of the product's currency; tax rates are percentages from the
 * configurable tax-rate list (IGV 18%, IVA 21% / 10% / 4%, exempt).
 */
export const productKinds = ['product', 'service'] as const;
export const productKindSchema = z.enum(productKinds);
export type ProductKind = z.infer<typeof productKindSchema>;

/** Hundredths of a number as an exact integer, or null when it has more decimals than two. */
export function hundredths(value: number): number | null {
  const scaled = Math.round(value * 100);
  return Math.abs(value * 100 - scaled) < 1e-6 ? scaled : null;
}

/** A percentage from 0 to 100 with at most two decimals (18, 10.5, 4). */
export const percentSchema = z.number().min(0).max(100).refine((value) => hundredths(value) !== null, { params: { code: 'too_many_decimals' } });

export const taxRateSchema = z.object({
  id: idSchema,
  key: z.string(),
  labels: z.object({ es: z.string(), en: z.string() }),
  /** Percent: 18 is 18%. */
  rate: z.number(),
  position: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type TaxRate = z.infer<typeof taxRateSchema>;
export const taxRatesSchema = z.object({ items: z.array(taxRateSchema) });
export const taxRatesQuerySchema = z.object({ includeInactive: queryBoolean.optional() });

export const taxRateCreateSchema = z.object({
  labels: labelsSchema,
  key: z.string().trim().regex(/^[a-z0-9_]{1,60}$/).optional(),
  rate: percentSchema,
});
export type TaxRateCreate = z.input<typeof taxRateCreateSchema>;
export const taxRateUpdateSchema = z.object({
  version: z.number().int().min(1),
  labels: labelsSchema.optional(),
  rate: percentSchema.optional(),
  active: z.boolean().optional(),
});
export type TaxRateUpdate = z.input<typeof taxRateUpdateSchema>;

const editable = {
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  description: optionalText(4000),
  kind: productKindSchema,
  /** Item key of the `product_unit` list. */
  unit: listValueSchema,
  /** Item key of the `product_category` list. */
  category: listValueSchema.nullable().optional(),
  /** List price in integer minor units of `currency`. */
  price: minorUnitsSchema,
  currency: currencySchema,
  taxRateId: idSchema.nullable().optional(),
  active: z.boolean().optional(),
};

export const productCreateSchema = z.object(editable);
export type ProductCreate = z.input<typeof productCreateSchema>;

export const productUpdateSchema = z.object({
  version: z.number().int().min(1),
  code: editable.code.optional(),
  name: editable.name.optional(),
  description: editable.description,
  kind: editable.kind.optional(),
  unit: editable.unit.optional(),
  category: editable.category,
  price: editable.price.optional(),
  currency: editable.currency.optional(),
  taxRateId: editable.taxRateId,
  active: editable.active,
});
export type ProductUpdate = z.input<typeof productUpdateSchema>;

export const productSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  kind: productKindSchema,
  unit: z.string(),
  category: z.string().nullable(),
  price: z.number().int(),
  currency: z.string(),
  taxRateId: z.string().nullable(),
  /** The default tax rate's percentage, for filling a quote line. */
  taxRate: z.number().nullable(),
  active: z.boolean(),
  /** The picture's address, or null; it carries the picture's id, so a cached copy is never stale. */
  imageUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Product = z.infer<typeof productSchema>;

/** A product picture: an image of up to 2 MB (PNG, JPEG, WebP or GIF, as for an account's logo). */
export const maxProductImageBytes = 2 * 1024 * 1024;
export const productImageQuerySchema = z.object({ v: z.string().max(40).optional() });

export const productSorts = ['name', '-name', 'code', '-code', '-updatedAt', 'updatedAt'] as const;
export const productFilterParams = {
  /** A code's beginning or a word anywhere in the name. */
  q: z.string().trim().min(1).max(100).optional(),
  kind: productKindSchema.optional(),
  category: listValueSchema.optional(),
  active: queryBoolean.optional(),
};
export const productListQuerySchema = z.object({ ...listQueryBase, sort: z.enum(productSorts).default('name'), ...productFilterParams });
export type ProductListQuery = z.infer<typeof productListQuerySchema>;
export type ProductListParams = Omit<z.input<typeof productListQuerySchema>, 'limit'> & { limit?: number };
export const productListSchema = listResponse(productSchema);

export const productExportQuerySchema = productListQuerySchema.omit({ limit: true, cursor: true }).extend({
  format: exportFormatSchema.default('csv'),
  ...spreadsheetOptionsShape,
});

/** A catalog import: every row is checked first; one bad row and nothing is written, each error named by row. */
export const productImportResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), code: z.string(), message: z.string() })),
});
export type ProductImportResult = z.infer<typeof productImportResultSchema>;
