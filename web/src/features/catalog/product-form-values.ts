import { majorText, minorUnits } from '@contract/money';
import type { Product, ProductCreate, ProductKind, ProductUpdate } from '@contract/products';

export type ProductFormValues = {
  code: string;
  name: string;
  description: string;
  kind: ProductKind;
  unit: string | null;
  category: string | null;
  /** Major units as typed ("19,99"). */
  price: string;
  currency: string;
  taxRateId: string | null;
  active: boolean;
};

export const productValuesOf = (product: Product | null, currency: string): ProductFormValues => ({
  code: product?.code ?? '', name: product?.name ?? '', description: product?.description ?? '', kind: product?.kind ?? 'product', unit: product?.unit ?? 'unit',
  category: product?.category ?? null, price: product ? majorText(product.price, product.currency) : '', currency: product?.currency ?? currency,
  taxRateId: product?.taxRateId ?? null, active: product?.active ?? true,
});

/** The form as the API's product: the price in minor units of its currency (null when it does not read as an amount). */
export function productPayload(values: ProductFormValues): ProductCreate | null {
  const currency = values.currency.trim().toUpperCase();
  const price = minorUnits(values.price, currency);
  if (price === null || !values.unit) return null;
  return {
    code: values.code, name: values.name, description: values.description.trim() || null, kind: values.kind, unit: values.unit, category: values.category,
    price, currency, taxRateId: values.taxRateId, active: values.active,
  };
}

export const productUpdate = (payload: ProductCreate, product: Product): ProductUpdate => ({ ...payload, version: product.version });
