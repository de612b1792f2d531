import type { AccountSort } from '@contract/accounts';
import { sortTable } from '@server/lib/list';

/** The accounts list's sorts (the contract's accountSorts): the columns each orders by. */
export const accountSorts = sortTable<Exclude<AccountSort, `-${string}`>, 'name_norm' | 'created_at' | 'updated_at' | 'stage'>('accounts', {
  name: ['name_norm'],
  createdAt: ['created_at'],
  updatedAt: ['updated_at'],
  stage: ['stage', 'name_norm'],
});

/** Sorts served by the column indexes (column, name_norm, id): a column filter leading them yields rows in page order. */
export const byName = (sort: AccountSort): boolean => accountSorts.leading(sort) === 'name_norm';
