import { quoteListQuerySchema } from '@contract/quotes';
import { defaultQuoteColumns, quoteColumns, type QuoteColumn } from '@contract/saved-views';
import type { ListUrlSpec } from '@web/components/list-kit/use-list-url';

/** The quotes list's URL: the contract's list query, and the table's columns. */
export const quoteListUrl = {
  schema: quoteListQuerySchema,
  columns: { all: quoteColumns, defaults: defaultQuoteColumns },
} satisfies ListUrlSpec<typeof quoteListQuerySchema, QuoteColumn>;

/** Every filter the bar offers (the search `q` and the sort are not filters). */
export const quoteFilterKeys = [
  'status', 'ownerId', 'issuedFrom', 'issuedTo', 'currency', 'totalMin', 'totalMax', 'accountId', 'opportunityId', 'teamId', 'decidedFrom', 'decidedTo',
] as const satisfies ReadonlyArray<keyof typeof quoteListQuerySchema.shape>;
