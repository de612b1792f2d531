import { withTexts } from '@web/app/i18n';
import { deferredFilters } from '@web/components/list-kit/list-filters.component';
import { quoteFilterKeys } from './quote-list-url';

/** The quotes list's filter bar, loaded after the rows have shown; a placeholder of its shape holds its room. */
export const QuoteFiltersBar = deferredFilters(
  async () => (await withTexts(['quotes', 'views'], () => import('./quote-filters.component'))).QuoteFilters,
  { search: true, primary: 2, keys: quoteFilterKeys },
);
