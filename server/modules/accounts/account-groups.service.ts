import { accountKinds, type AccountGroupQuery } from '@contract/accounts';
import type { GroupCount } from '@contract/list-query';
import type { Db } from '@server/db/database';
import { accountScopeOf, authorize, type Actor } from '@server/policies';
import { listItems } from '@server/modules/lists/lists.repo';
import { groupAccounts } from './account-list';

/** The accounts list counted per stage (every stage of the list, in its order) or per kind, under its filters and the actor's portfolio. */
export async function countAccountGroups(db: Db, actor: Actor, query: AccountGroupQuery): Promise<GroupCount> {
  authorize(actor, { domain: 'account', action: 'read' });
  const { by, ...filters } = query;
  const grouping = by === 'stage'
    ? { by, values: (await listItems(db, 'account_stage', true)).map((item) => item.key) }
    : { by, values: [...accountKinds] };
  return { groups: await groupAccounts(db, accountScopeOf(actor), filters, grouping) };
}
