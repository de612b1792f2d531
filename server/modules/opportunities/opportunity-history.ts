import type { TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Db } from '@server/db/database';
import { authorize, type Actor } from '@server/policies';
import { linkedHistoryPage } from '@server/modules/audit/linked-history';
import { changesOf, presentEntry } from '@server/modules/accounts/timeline.presenter';
import type { EntryRow } from '@server/modules/accounts/timeline.repo';
import { visibleAccountNames } from '@server/modules/accounts/timeline.repo';
import { requireVisibleOpportunity } from './opportunities.service';

/** People are named as the reader may see them: an entry about someone outside their portfolio is left out. */
function presentPeople(entry: TimelineEntry, names: Map<string, string>): TimelineEntry | null {
  const person = entry.changes.find((change) => change.field === 'personId');
  if (!person) return entry;
  const id = typeof person.after === 'string' ? person.after : person.before;
  const name = typeof id === 'string' ? names.get(id) : undefined;
  if (name === undefined) return null;
  const named = { field: 'person', before: person.before === null ? null : name, after: person.after === null ? null : name };
  return { ...entry, changes: entry.changes.map((change) => (change === person ? named : change)) };
}

/** GET /opportunities/:id/history. */
export async function opportunityHistory(db: Db, actor: Actor, id: string, page: { limit: number; cursor?: string | undefined }): Promise<ListResponse<TimelineEntry>> {
  authorize(actor, { domain: 'opportunity', action: 'read' });
  const opportunity = await requireVisibleOpportunity(db, actor, id);
  const result = await linkedHistoryPage(db, actor, { entity: 'opportunity', id, link: 'opportunity_id' }, page);
  const rows: EntryRow[] = result.rows;
  const personIds = rows.flatMap((row) => changesOf(row).filter((change) => change.field === 'personId').flatMap((change) => [change.before, change.after]))
    .filter((value): value is string => typeof value === 'string');
  const names = await visibleAccountNames(db, actor, personIds);
  const items = rows.flatMap((row) => presentPeople(presentEntry(opportunity.organization_id, row, new Map(), null), names) ?? []);
  return { items, nextCursor: result.nextCursor, total: result.total, totalIsEstimate: result.totalIsEstimate };
}
