import { activityListQuerySchema } from '@contract/activities';
import { activityColumns, defaultActivityColumns } from '@contract/saved-views';
import type { ListUrlSpec } from '@web/components/list-kit/use-list-url';

/** The activities list's URL: the contract's list query, the table's columns; the dashboard links its ranges as days. */
export const activityListUrl = {
  schema: activityListQuerySchema,
  columns: { all: activityColumns, defaults: defaultActivityColumns },
  days: { from: 'start', to: 'end' },
} satisfies ListUrlSpec<typeof activityListQuerySchema, (typeof activityColumns)[number]>;

/** Every filter the bar offers (the sort is not a filter). */
export const activityFilterKeys = [
  'status', 'type', 'responsibleId', 'mine', 'teamId', 'overdue', 'from', 'to', 'accountId', 'requestId', 'opportunityId', 'campaignId',
] as const satisfies ReadonlyArray<keyof typeof activityListQuerySchema.shape>;
