import { sql } from 'kysely';
import type { AccountFilters, AccountKind } from '@contract/accounts';
import { exactTotalLimit } from '@contract/common';
import type { Group } from '@contract/list-query';
import type { Db } from '@server/db/database';
import type { AccountScope } from '@server/policies';
import { countAccounts } from './count.repo';
import { planList } from './plan.repo';
import { filteredAccounts } from './query.repo';

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

/** Rows of a grouped count: the value of the grouped column (null for none) and how many accounts have it. */
export type ColumnCount = { value: string | null; count: number };

/**
 * The scope's accounts under the filters counted per value of a column portfolio rows carry
 * (source, stage…), exactly, in one grouped pass over the rows the list's count plan reads: for a
 * slice of the accounts, such as those created in one month (the dashboard's new accounts).
 */
export async function countPerColumn(db: Db, scope: AccountScope, filters: AccountFilters, column: 'source' | 'stage' | 'kind'): Promise<ColumnCount[]> {
  const plan = (await planList(db, scope, filters, true)).count;
  const rows = await filteredAccounts(db, scope, filters, plan)
    .select([sql<string | null>`${sql.ref(`accounts.${column}`)}`.as('value'), sql<number | string>`count(*)`.as('n')])
    .groupBy(sql.ref(`accounts.${column}`))
    .execute();
  return rows.map((row) => ({ value: row.value, count: Number(row.n) }));
}
