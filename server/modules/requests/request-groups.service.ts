import { maxGroupMonths, type GroupCount } from '@contract/list-query';
import type { RequestGroupQuery } from '@contract/requests';
import type { Db } from '@server/db/database';
import { monthBuckets, valueBuckets } from '@server/lib/group-count';
import { authorize, type Actor } from '@server/policies';
import { listItems } from '@server/modules/lists/lists.repo';
import { groupRequests } from './requests.repo';

/** The requests list counted per status or channel (every item of its list, then those without one) or month, under its filters and the actor's portfolio. */
export async function countRequestGroups(db: Db, actor: Actor, query: RequestGroupQuery): Promise<GroupCount> {
  authorize(actor, { domain: 'request', action: 'read' });
  const { by, ...filters } = query;
  const ofList = async (listKey: 'request_status' | 'request_channel', column: string) =>
    valueBuckets(column, [...(await listItems(db, listKey, true)).map((item) => item.key), null]);
  const buckets = by === 'status' ? await ofList('request_status', 'requests.status')
    : by === 'channel' ? await ofList('request_channel', 'requests.channel')
      : monthBuckets('requests.requested_at', filters.from ?? '', filters.to ?? '', maxGroupMonths);
  return { groups: await groupRequests(db, actor, filters, buckets) };
}
