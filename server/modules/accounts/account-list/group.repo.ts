import type { AccountFilters, AccountKind } from '@contract/accounts';
import { exactTotalLimit } from '@contract/common';
import type { Group } from '@contract/list-query';
import type { Db } from '@server/db/database';
import type { AccountScope } from '@server/policies';
import { countAccounts } from './count.repo';
import { planList } from './plan.repo';

/** A grouping of the accounts list: a column filter and the values it takes, one group each. */
export type AccountGrouping = { by: 'stage'; values: string[] } | { by: 'kind'; values: AccountKind[] };

/**
 * The scope's accounts under the filters, counted per value of a column filter: each group is
 * the list with that filter added, counted as the list's total is (exact up to 10,000, past it an
 * estimate from a sample or a lower bound, flagged). A value the filters exclude counts nothing.
 */
export async function groupAccounts(db: Db, scope: AccountScope, filters: AccountFilters, grouping: AccountGrouping): Promise<Group[]> {
  const groups: Group[] = [];
  const queries = grouping.by === 'stage'
    ? grouping.values.map((value) => ({ value, excluded: filters.stage !== undefined && filters.stage !== value, query: { ...filters, stage: value } }))
    : grouping.values.map((value) => ({ value, excluded: filters.kind !== undefined && filters.kind !== value, query: { ...filters, kind: value } }));
  for (const { value, excluded, query } of queries) {
    if (excluded) {
      groups.push({ value, count: 0, countIsEstimate: false });
      continue;
    }
    const counted = await countAccounts(db, scope, query, await planList(db, scope, query));
    groups.push({ value, count: counted === exactTotalLimit + 1 ? exactTotalLimit : counted, countIsEstimate: counted > exactTotalLimit });
  }
  return groups;
}
