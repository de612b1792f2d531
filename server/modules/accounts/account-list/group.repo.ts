import type { AccountFilters, AccountKind } from '@contract/accounts';
import { exactTotalLimit } from '@contract/common';
import type { Group } from '@contract/list-query';
import type { Db } from '@server/db/database';
import type { AccountScope } from '@server/policies';
import { countAccounts } from './count.repo';
import { planList } from './plan.repo';

/** A grouping of the accounts list: a filter and the values it takes, one group each. */
export type AccountGrouping = { by: 'stage'; values: string[] } | { by: 'kind'; values: AccountKind[] } | { by: 'tagId'; values: string[] };

/**
 * The scope's accounts under the filters, counted per value of a filter: each group is
 * the list with that filter added, counted as the list's total is (exact up to 10,000, past it an
 * estimate from a sample or a lower bound, flagged). A value the filters exclude counts nothing.
 */
export async function groupAccounts(db: Db, scope: AccountScope, filters: AccountFilters, grouping: AccountGrouping): Promise<Group[]> {
  const groups: Group[] = [];
  const { by } = grouping;
  for (const value of grouping.values) {
    const query: AccountFilters = { ...filters, [by]: value };
    if (filters[by] !== undefined && filters[by] !== value) {
      groups.push({ value, count: 0, countIsEstimate: false });
      continue;
    }
    const counted = await countAccounts(db, scope, query, await planList(db, scope, query));
    groups.push({ value, count: counted === exactTotalLimit + 1 ? exactTotalLimit : counted, countIsEstimate: counted > exactTotalLimit });
  }
  return groups;
}
