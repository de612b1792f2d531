import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { accountFilterParams, type AccountFilterField, type AccountFilters } from '@contract/accounts';
import type { AccountsTable } from '@server/db/database';
import { normalizeText } from '@server/lib/normalize';
import type { AccountScope } from '@server/policies';
import { invoicedAbove, openTasksAbove } from './counter-filters.repo';
import { rowsOf, type Membership } from './membership.repo';
import { searchWords } from './search-words.repo';

/**
 * The accounts list's filters, each described once: what its query parameter (the contract's
 * accountFilterParams) reads, whether a portfolio's rows carry it, and how a row is checked. The
 * planner, the counts and the sample read the filters from here only. Adding a filter: its
 * parameter in contract/accounts.ts, its entry here (the compiler asks for it), and a migration
 * when it needs a new column or index (see docs/lists.md).
 */

/** Columns of accounts holding text. */
type TextColumn = { [C in keyof AccountsTable]-?: AccountsTable[C] extends string | null ? C : never }[keyof AccountsTable];

/**
 * An equality on a column of accounts, which has an index (column, name_norm, id) that can lead
 * it. `carried`: portfolio_accounts has the column too, kept by its triggers, so a walked
 * portfolio checks it on its own rows; otherwise each walked row looks its account up.
 */
type ColumnSpec = { column: TextColumn; carried: boolean; value?: (param: string) => string };
/**
 * Rows of another table naming the account (see membership.repo.ts). `carried`: the portfolio
 * column its onPortfolio check reads, so a walked portfolio needs no probe.
 */
type MembershipSpec = { membership: (param: string, context: FilterContext) => Membership | null; carried?: 'tag_ids' | 'words' };
/**
 * A bound on a column every list sorts on (so portfolio rows carry it and an index of accounts
 * starts with it): written as a plain comparison, never sized nor led with by the planner; each
 * database reads it along that index or checks it on the rows another set gives.
 */
type BoundSpec = { bound: 'created_at'; op: '>=' | '<' };
type FilterSpec = ColumnSpec | MembershipSpec | BoundSpec;

export type FilterContext = { filters: AccountFilters; scope: AccountScope; postgres: boolean };

const interestKinds = ['interest', 'disinterest', 'unmet_need'];

/** The registry. Memberships come first: the planner numbers the filters in this order. */
export const accountFilters = {
  ownerId: { membership: (id) => rowsOf('account_owners', sql<SqlBool>`m.user_id = ${id}`) },
  tagId: {
    membership: (id) => ({
      ...rowsOf('account_tags', sql<SqlBool>`m.tag_id = ${id}`),
      onPortfolio: (postgres) => (postgres ? sql<SqlBool>`strpos(accounts.tag_ids, ${` ${id} `}) > 0` : sql<SqlBool>`instr(accounts.tag_ids, ${` ${id} `}) > 0`),
    }),
    carried: 'tag_ids',
  },
  characteristic: { membership: (key) => rowsOf('account_traits', sql<SqlBool>`m.item_key = ${key} and m.kind = 'characteristic'`) },
  interest: {
    membership: (key, { filters }) =>
      rowsOf('account_traits', sql<SqlBool>`m.item_key = ${key} and m.kind in (${sql.join(filters.interestKind ? [filters.interestKind] : interestKinds)})`),
  },
  // Alone it is every account with an interest of that kind (say, an unmet need); with an area it narrows that area's.
  interestKind: { membership: (kind, { filters }) => (filters.interest ? null : rowsOf('account_traits', sql<SqlBool>`m.kind = ${kind}`)) },
  risk: { membership: (risk) => rowsOf('account_credit', sql<SqlBool>`m.risk_level in (${sql.join(risk === 'high' ? ['high'] : ['medium', 'high'])})`) },
  q: { membership: (q, { scope, postgres }) => searchWords(q, scope, postgres), carried: 'words' },
  kind: { column: 'kind', carried: true },
  stage: { column: 'stage', carried: true },
  country: { column: 'country', carried: true },
  city: { column: 'city_norm', carried: true, value: normalizeText },
  industry: { column: 'industry_norm', carried: true },
  source: { column: 'source', carried: true },
  teamId: { column: 'team_id', carried: true },
  parentId: { column: 'parent_id', carried: true },
  createdFrom: { bound: 'created_at', op: '>=' },
  createdTo: { bound: 'created_at', op: '<' },
  // The counters' filters read their numbers from the parsed filters (the param is their text).
  openTasksAbove: { membership: (_param, { filters, scope }) => (filters.openTasksAbove === undefined ? null : openTasksAbove(filters.openTasksAbove, scope)) },
  invoicedAbove: { membership: (_param, { filters }) => (filters.invoicedAbove === undefined ? null : invoicedAbove(filters.invoicedAbove, filters.invoicedCurrency)) },
  // Alone it is every account invoiced anything in that currency this year; with an amount, it is that amount's currency.
  invoicedCurrency: { membership: (currency, { filters }) => (filters.invoicedAbove === undefined ? invoicedAbove(0, currency) : null) },
} satisfies Record<AccountFilterField, FilterSpec>;

const isFilterField = (key: string): key is AccountFilterField => Object.hasOwn(accountFilterParams, key);
const fields = Object.keys(accountFilters).filter(isFilterField);

/** A column filter as the planner uses it: the column, the value sought, and whether portfolio rows carry it. */
export type ColumnFilter = { column: TextColumn; value: string; carried: boolean };

/** A list's filters, numbered as ListPlan.lead names them (a bound never leads). */
export type Filter = { membership: Membership } | { column: ColumnFilter } | { bound: RawBuilder<SqlBool> };

/** The filters a query sets, in the registry's order. */
export function filtersOf(context: FilterContext): Filter[] {
  const found: Filter[] = [];
  for (const field of fields) {
    const given = context.filters[field];
    // 0 is a value ("more than 0 open tasks"); only a missing filter is skipped.
    if (given === undefined || given === '') continue;
    const param = String(given);
    const spec: FilterSpec = accountFilters[field];
    if ('bound' in spec) found.push({ bound: sql<SqlBool>`${sql.ref(`accounts.${spec.bound}`)} ${sql.raw(spec.op)} ${new Date(param).toISOString()}` });
    else if ('column' in spec) found.push({ column: { column: spec.column, value: spec.value ? spec.value(param) : param, carried: spec.carried } });
    else if ('membership' in spec) {
      const membership = spec.membership(param, context);
      if (membership) found.push({ membership });
    }
  }
  return found;
}

/** What the registry says the filters read: accounts columns (each must lead an index) and portfolio_accounts columns. */
export function filterColumns(): { accounts: TextColumn[]; portfolio: { copied: TextColumn[]; memberships: Array<'tag_ids' | 'words'> } } {
  const specs = fields.map((field): FilterSpec => accountFilters[field]);
  const columns = specs.flatMap((spec) => ('column' in spec ? [spec] : []));
  return {
    accounts: columns.map((spec) => spec.column),
    portfolio: {
      copied: columns.filter((spec) => spec.carried).map((spec) => spec.column),
      memberships: specs.flatMap((spec) => ('membership' in spec && spec.carried ? [spec.carried] : [])),
    },
  };
}
