/** Query keys of the catalog: products under one root, tax rates apart (quote lines read them too). */
export const catalogKeys = {
  products: ['products'] as const,
  list: (params: object) => ['products', 'list', params] as const,
  taxRates: (includeInactive: boolean) => ['tax-rates', includeInactive] as const,
  allTaxRates: ['tax-rates'] as const,
};
