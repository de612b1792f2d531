import type { Product, TaxRate } from '@contract/products';
import type { ProductView, TaxRateRow } from './products.repo';

/** Hundredths of a percent (1050) as the API's percentage (10.5). */
export const percentOf = (bp: number): number => bp / 100;

export const presentTaxRate = (row: TaxRateRow): TaxRate => ({
  id: row.id, key: row.key, labels: { es: row.label_es, en: row.label_en }, rate: percentOf(row.rate_bp), position: row.position, active: row.active, version: row.version,
});

export const presentProduct = (row: ProductView): Product => ({
  id: row.id, code: row.code, name: row.name, description: row.description, kind: row.kind, unit: row.unit, category: row.category,
  price: Number(row.price), currency: row.currency, taxRateId: row.tax_rate_id, taxRate: row.tax_rate_bp === null ? null : percentOf(row.tax_rate_bp),
  active: row.active, imageUrl: row.image_key ? `/api/v1/products/${row.id}/image?v=${row.image_key}` : null, createdAt: row.created_at, updatedAt: row.updated_at, version: row.version,
});
