import { agreementListQuerySchema } from '@contract/agreements';
import { agreementColumns, defaultAgreementColumns } from '@contract/saved-views';
import type { ListUrlSpec } from '@web/components/list-kit/use-list-url';

/** The agreements list's URL: the contract's list query, and the table's columns. */
export const agreementListUrl = {
  schema: agreementListQuerySchema,
  columns: { all: agreementColumns, defaults: defaultAgreementColumns },
} satisfies ListUrlSpec<typeof agreementListQuerySchema, (typeof agreementColumns)[number]>;

/** Every filter the bar offers (the search `q` and the sort are not filters). */
export const agreementFilterKeys = ['status', 'unsigned', 'type', 'ownerId', 'organizationId', 'projectId'] as const satisfies ReadonlyArray<keyof typeof agreementListQuerySchema.shape>;
