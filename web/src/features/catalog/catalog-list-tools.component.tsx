import { withTexts } from '@web/app/i18n';
import { deferredFilters } from '@web/components/list-kit/list-filters.component';
import { productFilterKeys } from './catalog-list-url';

/** The catalog's filter bar, loaded after the rows have shown; a placeholder of its shape holds its room. */
export const ProductFiltersBar = deferredFilters(
  async () => (await withTexts(['catalog', 'views'], () => import('./product-filters.component'))).ProductFilters,
  { search: true, primary: 3, keys: productFilterKeys },
);
