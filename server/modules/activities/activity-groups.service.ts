import { activityStatuses, type ActivityGroupQuery } from '@contract/activities';
import { maxGroupMonths, type GroupCount } from '@contract/list-query';
import type { Db } from '@server/db/database';
import { monthBuckets, valueBuckets } from '@server/lib/group-count';
import { authorize, type Actor } from '@server/policies';
import { listItems } from '@server/modules/lists/lists.repo';
import { groupActivities } from './activities.repo';

/** The activities list counted per status, type (every item of the list, in its order) or month of their start, under its filters and the actor's scope. */
export async function countActivityGroups(db: Db, actor: Actor, query: ActivityGroupQuery): Promise<GroupCount> {
  authorize(actor, { domain: 'activity', action: 'read' });
  const { by, ...filters } = query;
  const buckets = by === 'status' ? valueBuckets('activities.status', [...activityStatuses])
    : by === 'type' ? valueBuckets('activities.type', (await listItems(db, 'activity_type', true)).map((item) => item.key))
      : monthBuckets('activities.start_at', filters.from ?? '', filters.to ?? '', maxGroupMonths);
  return { groups: await groupActivities(db, actor, filters, buckets) };
}
