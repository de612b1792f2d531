import { projectListQuerySchema } from '@contract/projects';
import { defaultProjectColumns, projectColumns } from '@contract/saved-views';
import type { ListUrlSpec } from '@web/components/list-kit/use-list-url';

/** The projects list's URL: the contract's list query, and the table's columns. */
export const projectListUrl = {
  schema: projectListQuerySchema,
  columns: { all: projectColumns, defaults: defaultProjectColumns },
} satisfies ListUrlSpec<typeof projectListQuerySchema, (typeof projectColumns)[number]>;

/** Every filter the bar offers (the search `q` and the sort are not filters). */
export const projectFilterKeys = ['status', 'responsibleId', 'organizationId', 'teamId'] as const satisfies ReadonlyArray<keyof typeof projectListQuerySchema.shape>;
