import { requestListQuerySchema } from '@contract/requests';
import { defaultRequestColumns, requestColumns } from '@contract/saved-views';
import type { ListUrlSpec } from '@web/components/list-kit/use-list-url';

/** The requests list's URL: the contract's list query, the table's columns; the dashboard links its ranges as days. */
export const requestListUrl = {
  schema: requestListQuerySchema,
  columns: { all: requestColumns, defaults: defaultRequestColumns },
  days: { from: 'start', to: 'end' },
} satisfies ListUrlSpec<typeof requestListQuerySchema, (typeof requestColumns)[number]>;

/** Every filter the bar offers (the sort is not a filter). */
export const requestFilterKeys = [
  'status', 'interest', 'handled', 'responsibleId', 'group', 'channel', 'source', 'teamId', 'from', 'to', 'latestOnly', 'accountId',
] as const satisfies ReadonlyArray<keyof typeof requestListQuerySchema.shape>;
