import { accountFiltersSchema, type AccountFilters } from '@contract/accounts';
import type { BulkRequest } from '@contract/bulk';
import { memberBulkAddSchema, type MemberBulkAdd } from '@contract/campaigns';
import { z } from 'zod';
import type { Db } from '@server/db/database';
import { fieldError } from '@server/lib/errors';
import { parseJsonColumn } from '@server/lib/json';
import { authorize, type Actor } from '@server/policies';
import { findVisibleView } from '@server/modules/saved-views/saved-views.repo';
import { startBulkAction } from './bulk-accounts';

/** A saved view of the accounts list, as the filter it saves. */
async function viewFilter(db: Db, actor: Actor, viewId: string): Promise<AccountFilters> {
  const view = await findVisibleView(db, actor.id, viewId);
  if (!view || view.list !== 'accounts') throw fieldError('source.viewId', 'invalid_value');
  const { sort: _sort, ...query } = parseJsonColumn(view.query, z.record(z.string(), z.string()), {});
  const filters = accountFiltersSchema.safeParse(query);
  if (!filters.success) throw fieldError('source.viewId', 'invalid_value');
  return filters.data;
}

/**
 * Adds many accounts to a campaign as a bulk action of the accounts list (one background job,
 * whatever the size; idempotent): ticked ids, a tag's accounts, a saved view's or a filter's
 * matches, always within the actor's portfolio.
 */
export async function addCampaignMembers(db: Db, actor: Actor, campaignId: string, input: MemberBulkAdd): Promise<{ jobId: string; total: number }> {
  authorize(actor, { domain: 'campaign', action: 'read' });
  const { source, status, responsibleId } = memberBulkAddSchema.parse(input);
  let selection: BulkRequest['selection'];
  if ('ids' in source) selection = { ids: source.ids };
  else if ('tagId' in source) selection = { filter: { tagId: source.tagId } };
  else if ('viewId' in source) selection = { filter: await viewFilter(db, actor, source.viewId) };
  else selection = { filter: source.filter };
  return startBulkAction(db, actor, { selection, action: { type: 'addToCampaign', campaignId, status, responsibleId } });
}
