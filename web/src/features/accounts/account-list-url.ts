import { accountListQuerySchema } from '@contract/accounts';
import { accountColumns, defaultAccountColumns } from '@contract/saved-views';
import type { ListText, ListUrlSpec } from '@web/components/list-kit/use-list-url';

/** The accounts list's URL: the contract's list query, and the table's columns. */
export const accountListUrl = {
  schema: accountListQuerySchema,
  columns: { all: accountColumns, defaults: defaultAccountColumns },
} satisfies ListUrlSpec<typeof accountListQuerySchema, (typeof accountColumns)[number]>;

/** The accounts list's query as the URL spells it: what the API, the export and a saved view take. */
export type AccountListText = ListText;

/** Every filter the bar offers (the search `q`, the sort and the counters are not filters). */
export const accountFilterKeys = [
  'kind', 'stage', 'ownerId', 'city', 'country', 'industry', 'source', 'teamId', 'characteristic', 'interest', 'interestKind', 'tagId', 'parentId', 'risk',
  'createdFrom', 'createdTo',
] as const satisfies ReadonlyArray<keyof typeof accountListQuerySchema.shape>;
