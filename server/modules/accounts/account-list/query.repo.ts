import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { AccountFilters } from '@contract/accounts';
import { isPostgres, type AccountsTable, type Database, type Db } from '@server/db/database';
import type { AccountScope } from '@server/policies';
import { filtersOf, type ColumnFilter } from './account-filters';
import { among, leads } from './membership.repo';
import type { ListPlan } from './plan.repo';
import { scopeCondition } from './portfolio.repo';

const indexed = (filter: ColumnFilter) => sql<SqlBool>`${sql.ref(`accounts.${filter.column}`)} = ${filter.value}`;

/**
 * A column filter in a form no index serves (`coalesce(c, c) = v` is `c = v`), so that it is
 * checked per row of whichever set or index leads instead of leading itself.
 */
const unindexed = (filter: ColumnFilter) =>
  sql<SqlBool>`coalesce(${sql.ref(`accounts.${filter.column}`)}, ${sql.ref(`accounts.${filter.column}`)}) = ${filter.value}`;

/** A column portfolio rows do not carry, checked on a walked row by looking its account up. */
const onAccount = (filter: ColumnFilter) =>
  sql<SqlBool>`exists (select 1 from accounts a where a.id = accounts.id and ${sql.ref(`a.${filter.column}`)} = ${filter.value})`;

/** The query every list filter is written against: `accounts`, as a table or as a portfolio's rows. */
export type FilteredAccounts = SelectQueryBuilder<Database, 'accounts', object>;

/**
 * A portfolio's rows under the accounts alias, typed as accounts: they carry, under the same
 * names, every column a list sorts on and every carried filter column, and nothing reads any
 * other column from them (accountRows joins the accounts themselves).
 */
const portfolioAsAccounts = sql<AccountsTable>`portfolio_accounts`.as('accounts');

/**
 * The scope's accounts under the list's filters, read as the plan says: the one query behind
 * pages, counts, exports and bulk actions. Walking the portfolio, `accounts` names the
 * portfolio's rows: select the accounts themselves with accountRows.
 */
export function filteredAccounts(db: Db, scope: AccountScope, filters: AccountFilters, plan: ListPlan = { drive: 'probe', lead: null }): FilteredAccounts {
  const walking = plan.drive === 'walk' && scope.sees === 'portfolio';
  const from: FilteredAccounts = walking ? db.selectFrom(portfolioAsAccounts) : db.selectFrom('accounts');
  let base = from.where(scopeCondition(scope, 'accounts', plan.drive));
  const postgres = isPostgres(db);
  for (const [index, filter] of filtersOf({ filters, scope, postgres }).entries()) {
    const leading = index === plan.lead;
    if ('bound' in filter) base = base.where(filter.bound);
    else if ('membership' in filter) {
      const { check, onPortfolio } = filter.membership;
      const checked = walking && onPortfolio ? onPortfolio(postgres) : check;
      base = base.where(!leading ? checked : plan.ids ? among(plan.ids, postgres) : leads(filter.membership, postgres));
    }
    else if (walking && !filter.column.carried) base = base.where(onAccount(filter.column));
    else {
      // Off a walk, a column that does not lead is checked per row. On a walk, so is a page's on
      // SQLite, whose planner would lead with the portfolio's city or stage index and sort all it
      // found; PostgreSQL weighs both from its statistics. A count may lead with those indexes.
      const perRow = !leading && (!walking || (plan.ordered === true && !postgres));
      base = base.where(perRow ? unindexed(filter.column) : indexed(filter.column));
    }
  }
  return base;
}

/** The account rows of a filtered query, however it reads them. */
export function accountRows(filtered: FilteredAccounts, plan: ListPlan) {
  return plan.drive === 'walk'
    ? filtered.innerJoin('accounts as row', 'row.id', 'accounts.id').selectAll('row')
    : filtered.selectAll('accounts');
}
