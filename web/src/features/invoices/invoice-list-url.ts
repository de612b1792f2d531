import { invoiceListQuerySchema } from '@contract/invoices';
import { defaultInvoiceColumns, invoiceColumns } from '@contract/saved-views';
import type { ListUrlSpec } from '@web/components/list-kit/use-list-url';

/** The invoices list's URL: the contract's list query, and the table's columns. */
export const invoiceListUrl = {
  schema: invoiceListQuerySchema,
  columns: { all: invoiceColumns, defaults: defaultInvoiceColumns },
} satisfies ListUrlSpec<typeof invoiceListQuerySchema, (typeof invoiceColumns)[number]>;

/** Every filter the bar offers (the search `q` and the sort are not filters). */
export const invoiceFilterKeys = ['status', 'currency', 'issuedFrom', 'issuedTo', 'billed', 'organizationId', 'ownerId', 'teamId'] as const satisfies ReadonlyArray<keyof typeof invoiceListQuerySchema.shape>;
