import { sql } from 'kysely';
import type { AccountFilters, AccountListQuery, AccountSort } from '@contract/accounts';
import { exactTotalLimit } from '@contract/common';
import { isPostgres, type AccountRow, type Db } from '@server/db/database';
import { applyKeyset, countUpTo, keysetPage, type SortPlan } from '@server/lib/list';
import type { AccountScope } from '@server/policies';
import { countAccounts, countsWithPage } from './count.repo';
import { planList } from './plan.repo';
import { accountRows, filteredAccounts, type FilteredAccounts } from './query.repo';
import { accountSorts, sortOf } from './sorts';

/** One page of the scope's accounts under the list's filters and sort, with the list's total on the first page. */
export async function listAccountPage(db: Db, scope: AccountScope, query: AccountListQuery) {
  const plans = await planList(db, scope, query, false);
  const sortKey = sortOf(scope, query.sort);
  const sort = accountSorts.plan(sortKey);
  const values = (row: AccountRow) => accountSorts.values(sortKey, row);
  const together = countsWithPage(plans, isPostgres(db));
  // Every page of a list counted by its ids reads them the same way, so page 80 costs what page 1 does.
  const plan = together === 'ids' ? plans.count : plans.page;
  const filtered = filteredAccounts(db, scope, query, plan);
  const counted = filteredAccounts(db, scope, query, plans.count);
  if (query.cursor !== undefined || together === null) {
    return keysetPage(db, counted, accountRows(filtered, plan), sort, query, values, () => countAccounts(db, scope, query, plans));
  }
  const fullCount = async (fetched: Array<{ full_count: number | string }>) => Math.min(Number(fetched[0]?.full_count ?? 0), exactTotalLimit + 1);
  // PostgreSQL walks a sort index for a window under a LIMIT as if the limit stopped it; given
  // whole accounts read by ids it looks them up by id instead.
  if (together === 'walk' || !isPostgres(db)) {
    const page = countedPage(db, filtered, sort, query.limit);
    return keysetPage(db, counted, page.rows, page.sort, query, values, fullCount);
  }
  return keysetPage(db, counted, accountRows(filtered, plan).select(sql<number | string>`count(*) over ()`.as('full_count')), sort, query, values, fullCount);
}

/**
 * A first page counted in the same pass: the matching rows counted and sorted by their sort
 * columns only, and only the page's accounts read whole (a window over whole accounts carries
 * every match's row to the sort).
 */
function countedPage(db: Db, filtered: FilteredAccounts, sort: SortPlan, limit: number) {
  const keys = sort.columns.map((column) => sql.ref(column).as(column.slice(column.indexOf('.') + 1)));
  const found = applyKeyset(filtered.select(keys).select(sql<number | string>`count(*) over ()`.as('full_count')), sort, null).limit(limit + 1);
  const rows = db.selectFrom(found.as('found')).innerJoin('accounts as row', 'row.id', 'found.id').selectAll('row').select('found.full_count');
  // The page is ordered by what was found (the same values as the accounts').
  return { rows, sort: { ...sort, columns: sort.columns.map((column) => column.replace(/^accounts\./, 'found.')) } };
}

/**
 * Every account of a list (its filters, sort and the scope), or of a selection of ids within it,
 * page by page along the list's keyset: memory holds one page, however many rows.
 */
export async function* iterateAccounts(
  db: Db, scope: AccountScope, query: AccountFilters & { sort: AccountSort }, ids: string[] | null, pageSize = 1000,
): AsyncGenerator<AccountRow[]> {
  const sortKey = sortOf(scope, query.sort);
  const sort = accountSorts.plan(sortKey);
  const { page: plan } = await planList(db, scope, query, false);
  let base = filteredAccounts(db, scope, query, plan);
  if (ids) base = base.where('accounts.id', 'in', ids.length > 0 ? ids : ['']);
  let after: Array<string | number> | null = null;
  for (;;) {
    const rows: AccountRow[] = await applyKeyset(accountRows(base, plan), sort, after).limit(pageSize).execute();
    if (rows.length > 0) yield rows;
    const last = rows[rows.length - 1];
    if (rows.length < pageSize || !last) return;
    after = accountSorts.values(sortKey, last);
  }
}

/** How many accounts of the scope match the filters (or are among `ids`, when given): exact, however many. */
export async function countMatching(db: Db, scope: AccountScope, filters: AccountFilters, ids: string[] | null): Promise<number> {
  let base = filteredAccounts(db, scope, filters, (await planList(db, scope, filters, true)).count);
  if (ids) base = base.where('accounts.id', 'in', ids.length > 0 ? ids : ['']);
  return countUpTo(db, base, Number.MAX_SAFE_INTEGER - 1);
}
