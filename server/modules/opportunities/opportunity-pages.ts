import type { OpportunityFilters, OpportunityListQuery } from '@contract/opportunities';
import type { Db } from '@server/db/database';
import { keysetPage } from '@server/lib/list';
import type { Actor } from '@server/policies';
import { filteredOpportunities } from './opportunities.repo';
import { listSorts } from './opportunities.service';

/**
 * The opportunities a bulk action or an export walks: the list's filters (or the ticked ids) under
 * the actor's scope, in the list's order, a keyset page of ids at a time so memory stays flat.
 */
export async function* iterateOpportunityIds(
  db: Db, actor: Actor, filters: Partial<OpportunityFilters>, sort: OpportunityListQuery['sort'], ids: string[] | null, pageSize = 500,
): AsyncGenerator<string[]> {
  let base = filteredOpportunities(db, actor, filters);
  if (ids) base = base.where('opportunities.id', 'in', ids);
  const plan = listSorts.plan(sort);
  const columns = listSorts.columns().map((column) => `opportunities.${column}` as const);
  let cursor: string | undefined;
  do {
    const page = await keysetPage(db, base, base.select(['opportunities.id', ...columns]), plan, { limit: pageSize, cursor }, (row) => listSorts.values(sort, row), async () => 0);
    if (page.rows.length > 0) yield page.rows.map((row) => row.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
