import type { AccountSort } from '@contract/accounts';
import { sortTable, type SortKey } from '@server/lib/list';
import type { AccountScope } from '@server/policies';

type Column = 'name_norm' | 'created_at' | 'updated_at' | 'stage' | 'active_projects' | 'open_tasks' | 'open_tasks_shared' | 'unsigned_agreements' | 'invoiced_this_year';
type Field = Exclude<AccountSort, `-${string}`> | 'openTasksShared';

/**
 * The accounts list's sorts (the contract's accountSorts): the columns each orders by. The
 * counters are kept on each account by triggers (2026-12-12T1100-account-counters), ties by name.
 * `openTasksShared` is no sort of the contract: it is openTasks for whoever may not see every
 * private task (see sortOf).
 */
export const accountSorts = sortTable<Field, Column>('accounts', {
  name: ['name_norm'],
  createdAt: ['created_at'],
  updatedAt: ['updated_at'],
  stage: ['stage', 'name_norm'],
  activeProjects: ['active_projects', 'name_norm'],
  openTasks: ['open_tasks', 'name_norm'],
  openTasksShared: ['open_tasks_shared', 'name_norm'],
  unsignedAgreements: ['unsigned_agreements', 'name_norm'],
  invoicedThisYear: ['invoiced_this_year', 'name_norm'],
}, { active_projects: 'integer', open_tasks: 'integer', open_tasks_shared: 'integer', unsigned_agreements: 'integer', invoiced_this_year: 'integer' });

/**
 * The sort a scope reads. Open tasks for someone who sees only their own private tasks order by
 * the tasks that are not private: an order by each reader's own count would need an index per
 * reader. Their own private tasks show in the column (and count in the openTasksAbove filter)
 * but do not move the account in the order; nobody else's ever count.
 */
export function sortOf(scope: AccountScope, sort: AccountSort): SortKey<Field> {
  if (scope.privateTasks === 'all') return sort;
  if (sort === 'openTasks') return 'openTasksShared';
  if (sort === '-openTasks') return '-openTasksShared';
  return sort;
}

/** Sorts served by the column indexes (column, name_norm, id): a column filter leading them yields rows in page order. */
export const byName = (sort: AccountSort): boolean => accountSorts.leading(sort) === 'name_norm';
