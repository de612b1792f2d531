import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { AccountListQuery } from '@contract/accounts';
import { isPostgres, type Db } from '@server/db/database';
import { exactTotalLimit } from '@contract/common';
import { estimatedRows } from '@server/db/statistics';
import { countCapped } from '@server/lib/list';
import { normalizeText } from '@server/lib/normalize';
import { accountScope, type Actor, type ScopeDrive } from '@server/policies';
import { seesAllAccounts } from '@server/policies/actor';
import { queryPrefixes } from './account-fields';

/**
 * Sets are sized up to this many rows, read from their indexes: enough to choose a page's plan
 * (a set leads a page below about sqrt(51 x accounts) rows) or a count's (below about
 * sqrt(10,001 x accounts): 100,000 at a million). A larger set is taken as half of all accounts.
 * A column's set only decides between walking the sort index and reading the set whole to sort
 * it (a count, or a page in name order, walks the column's own index either way), and that turns
 * below about 2,000 rows at a million accounts.
 */
const sizeCaps = { page: 10_000, count: 100_000, column: 2_000 };
/** Rows a page fetches (the limit plus one); a count stops after 10,001. */
const pageRows = 51;
const countRows = exactTotalLimit + 1;

// Above every character, so [prefix, prefix + top) is exactly "starts with prefix" in byte order.
const top = String.fromCodePoint(0x10ffff);

/**
 * A filter on rows of another table that name the account (owners, tags, traits, search terms):
 * `set` selects the ids of the accounts it keeps and can lead (`accounts.id in (…)`), `check`
 * tests one account (`exists (…)`), and the set's size is read cheaply from the table's index.
 */
type Membership = { set: RawBuilder<unknown>; check: RawBuilder<SqlBool> };

// `limit 1 offset 0` keeps SQLite from turning the check into a join with a Bloom filter, and
// PostgreSQL from a join or hashed subplan: each reads the whole set first (SQLite: 120 ms for a
// tag on 300,000 accounts, for a page of 51).
function rowsOf(table: 'account_owners' | 'account_tags' | 'account_traits' | 'account_terms', where: RawBuilder<SqlBool>): Membership {
  return {
    set: sql`select m.account_id from ${sql.table(table)} m where ${where}`,
    check: sql<SqlBool>`exists (select 1 from ${sql.table(table)} m where m.account_id = accounts.id and ${where} limit 1 offset 0)`,
  };
}

/**
 * Accounts in every one of these sets. Several search words lead as the intersection of their
 * term ranges, read from the index side by side: leading with one word and checking the others
 * on each of its accounts visits every account of the word ("maria lopez" at a million: 20,000
 * accounts, 0.46 s), while the intersection reads index entries only.
 */
const allOf = (parts: Membership[]): Membership => parts.length === 1 && parts[0] ? parts[0] : {
  set: sql.join(parts.map((part) => part.set), sql` intersect `),
  check: sql<SqlBool>`(${sql.join(parts.map((part) => part.check), sql` and `)})`,
};

/**
 * The set read first. SQLite always leads with `in (subquery)`; PostgreSQL plans that as a semi
 * join it may drive from the other side (walking 600,000 accounts for a two-word search: 9 s),
 * while `= any(array(subquery))` is an init plan: the set first, then the accounts by id (1 s).
 */
const leads = (m: Membership, postgres: boolean) =>
  postgres ? sql<SqlBool>`accounts.id = any(array(${m.set}))` : sql<SqlBool>`accounts.id in (${m.set})`;

/**
 * A set this small is read once, while sizing it, and leads as a list of ids: a search's
 * intersection of words, or a tag on a few accounts, is not computed again for the page and for
 * its count.
 */
const readUpTo = 1_000;

/** The accounts behind a membership: their ids when there are few, else the rows counted up to `cap` + 1. */
async function readSet(db: Db, m: Membership, cap: number): Promise<{ size: number; ids?: string[] }> {
  const first = await sql<{ account_id: string }>`${m.set} limit ${readUpTo + 1}`.execute(db);
  if (first.rows.length <= readUpTo) {
    const ids = [...new Set(first.rows.map((row) => row.account_id))];
    return { size: ids.length, ids };
  }
  const result = await sql<{ n: number | string }>`select count(*) as n from (${m.set} limit ${cap + 1}) as capped`.execute(db);
  return { size: Number(result.rows[0]?.n ?? 0) };
}

function memberships(query: AccountListQuery): Membership[] {
  const found: Membership[] = [];
  if (query.ownerId) found.push(rowsOf('account_owners', sql`m.user_id = ${query.ownerId}`));
  if (query.tagId) found.push(rowsOf('account_tags', sql`m.tag_id = ${query.tagId}`));
  if (query.characteristic) found.push(rowsOf('account_traits', sql`m.item_key = ${query.characteristic} and m.kind = 'characteristic'`));
  if (query.interest) {
    const kinds = query.interestKind ? [query.interestKind] : ['interest', 'disinterest', 'unmet_need'];
    found.push(rowsOf('account_traits', sql`m.item_key = ${query.interest} and m.kind in (${sql.join(kinds)})`));
  }
  // Every word of the search must start one of the account's terms.
  const words = (query.q ? queryPrefixes(query.q) : []).map((alternatives) => {
    const ranges = alternatives.map((prefix) => sql`(m.term >= ${prefix} and m.term < ${prefix + top})`);
    return rowsOf('account_terms', sql<SqlBool>`(${sql.join(ranges, sql` or `)})`);
  });
  if (words.length > 0) found.push(allOf(words));
  return found;
}

/**
 * An equality filter on a column of accounts. Each such column has an index (column, name_norm,
 * id) that can lead: it yields its rows in name order, so a page sorted by name stops early.
 */
type ColumnFilter = { column: 'kind' | 'stage' | 'country' | 'city_norm' | 'industry_norm' | 'source' | 'team_id' | 'parent_id'; value: string };

function columnFilters(query: AccountListQuery): ColumnFilter[] {
  const found: ColumnFilter[] = [];
  const add = (column: ColumnFilter['column'], value: string | undefined) => {
    if (value) found.push({ column, value });
  };
  add('kind', query.kind);
  add('stage', query.stage);
  add('country', query.country);
  add('city_norm', query.city ? normalizeText(query.city) : undefined);
  add('industry_norm', query.industry);
  add('source', query.source);
  add('team_id', query.teamId);
  add('parent_id', query.parentId);
  return found;
}

/** A list's filters that can lead, numbered as ListPlan.lead names them. */
type Filter = { membership: Membership } | { column: ColumnFilter };

const filtersOf = (query: AccountListQuery): Filter[] => [
  ...memberships(query).map((membership) => ({ membership })),
  ...columnFilters(query).map((column) => ({ column })),
];

/** Live accounts with this column value, counted up to `cap` + 1 along the column's index. */
async function columnSizeOf(db: Db, filter: ColumnFilter, cap: number): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from (select 1 from accounts where discarded_at is null and ${sql.ref(filter.column)} = ${filter.value} limit ${cap + 1}) as capped`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Which set leads a list query, if any: the actor's portfolio (`scope: 'portfolio'`), a membership
 * filter or a column filter (`lead`, numbered as filtersOf lists them); with none, the sort index
 * leads and every filter is checked per account. SQLite's planner leads with any `in (subquery)`
 * whatever its size, never with an `exists`, and with a column's index even when walking the
 * sort index would stop after a few hundred rows (page 1 of a city of 67,000 accounts sorted by
 * creation, at a million: 100 ms instead of 3). PostgreSQL plans these forms alike. So the choice
 * is made here, from the sizes of the sets (read from their indexes, capped) and the number of
 * accounts (planner statistics), and written into the SQL: both databases get the plan that fits.
 * `ids`: the accounts are among these, read while planning: a small membership set that leads
 * (`lead` numbers it), or the accounts of a small portfolio in every membership (`lead:
 * 'memberships'`: those are not checked again; the scope and column filters still are).
 */
export type ListPlan = { scope: ScopeDrive; lead: number | 'memberships' | null; ids?: readonly string[] };
export type ListPlans = { page: ListPlan & { cost: number }; count: ListPlan & { cost: number } };

/**
 * A set that could lead, with its size. `inOrder`: its index gives rows in the order wanted (a
 * column's index for a page sorted by name, or for a count), so leading with it stops once
 * enough rows are found; otherwise leading reads the whole set.
 */
export type SizedSet = { lead: number | 'scope'; size: number; inOrder?: boolean };

/**
 * The cheapest way to find `wanted` rows, in rows visited: walking the sort index checks every
 * set for each account it passes and passes N / matches accounts per row found (sets taken as
 * independent); a set in order is walked the same way along its own index; any other set is read
 * whole, each row by id (two index seeks), and a sorted page then sorts what it found.
 */
export function cheaperPlan(sets: SizedSet[], accounts: number, wanted: number, sorted: boolean): ListPlan & { cost: number } {
  const matches = Math.max(1, sets.reduce((n, set) => n * Math.min(1, set.size / accounts), accounts));
  const walkAlong = (length: number) => sets.length * Math.min(length, (wanted * length) / matches);
  const costOf = (set: SizedSet) => (set.inOrder ? walkAlong(set.size) : 2 * set.size + (sorted ? matches * Math.log2(matches) : 0));
  let best: { cost: number; set: SizedSet | null } = { cost: walkAlong(accounts), set: null };
  for (const set of sets) {
    const cost = costOf(set);
    if (cost < best.cost) best = { cost, set };
  }
  const { cost, set } = best;
  if (!set) return { scope: 'probe', lead: null, cost };
  return set.lead === 'scope' ? { scope: 'portfolio', lead: null, cost } : { scope: 'probe', lead: set.lead, cost };
}

/** Sorts served by the column indexes (column, name_norm, id). */
const nameSorts = new Set<AccountListQuery['sort']>(['name', '-name']);

/**
 * The plans of a list's page and of its count (a count wants 10,001 rows, so it leads more often),
 * each with its cost in rows visited. Sets are sized as far as a page's plan needs (10,000), which
 * also tells whether a count fits its budget (see countAccounts); with `counting`, as far as an
 * exact count's plan needs (100,000), for a count that must be exact however large its sets.
 */
export async function planList(db: Db, actor: Actor, query: AccountListQuery, counting = false): Promise<ListPlans> {
  const sizeCap = counting ? sizeCaps.count : sizeCaps.page;
  const sized: Array<{ lead: number | 'scope'; size: number | null; cap: number; column: boolean; ids?: string[] }> = [];
  if (!seesAllAccounts(actor)) {
    const { total, totalIsEstimate } = await countCapped(db, portfolioOf(db, actor), sizeCap);
    sized.push({ lead: 'scope', size: totalIsEstimate ? null : total, cap: sizeCap, column: false });
  }
  const filters = filtersOf(query);
  for (const [index, filter] of filters.entries()) {
    const cap = 'column' in filter ? sizeCaps.column : sizeCap;
    const { size, ids } = 'column' in filter ? { size: await columnSizeOf(db, filter.column, cap) } : await readSet(db, filter.membership, cap);
    sized.push({ lead: index, size: size > cap ? null : size, cap, column: 'column' in filter, ...(ids ? { ids } : {}) });
  }
  if (sized.length === 0) return { page: { scope: 'probe', lead: null, cost: pageRows }, count: { scope: 'probe', lead: null, cost: countRows } };
  // Without statistics (a new database) the largest set stands in for the number of accounts.
  const known = sized.map((set) => set.size ?? set.cap);
  const accounts = Math.max((await estimatedRows(db, 'accounts')) ?? 0, ...known, 1);
  const sets = (pageOrder: boolean): SizedSet[] =>
    sized.map((set) => ({ lead: set.lead, size: set.size ?? Math.max(set.cap, accounts / 2), inOrder: set.column && pageOrder }));
  // A lead read while sizing it leads by its ids.
  const withIds = <P extends ListPlan>(plan: P): P => {
    const ids = sized.find((set) => set.lead === plan.lead)?.ids;
    return ids ? { ...plan, ids } : plan;
  };
  const page = withIds(cheaperPlan(sets(nameSorts.has(query.sort)), accounts, pageRows, true));
  const count = withIds(cheaperPlan(sets(true), accounts, countRows, false));
  // Checking the portfolio costs a probe per owner row and membership: worth it when the page costs more.
  const portfolioSize = sized[0]?.lead === 'scope' ? sized[0].size : null;
  const memberships = filters.filter((filter) => 'membership' in filter).length;
  if (portfolioSize === null || memberships === 0 || page.cost <= portfolioSize * memberships) return { page, count };
  const checked = await checkedPortfolio(db, actor, query);
  if (!checked?.ids) return { page, count };
  const { ids } = checked;
  const byIds = (plan: ListPlan & { cost: number }, sorted: boolean) => {
    const cost = 2 * ids.length + (sorted ? ids.length * Math.log2(Math.max(2, ids.length)) : 0);
    return cost < plan.cost ? { ...checked, cost } : plan;
  };
  return { page: byIds(page, true), count: byIds(count, false) };
}

/** The owner rows that make up the actor's portfolio (own scope: theirs; team scope: their team's). */
export function portfolioOf(db: Db, actor: Actor) {
  return actor.scope === 'team' && actor.teamId
    ? db.selectFrom('account_owners').innerJoin('users', 'users.id', 'account_owners.user_id').where('users.team_id', '=', actor.teamId)
    : db.selectFrom('account_owners').where('account_owners.user_id', '=', actor.id);
}

/** A portfolio this small, checked against a list's memberships, is read as ids (see checkedPortfolio). */
const portfolioReadUpTo = 2_000;

/**
 * A plan that leads with the accounts of the actor's portfolio in every membership of the list
 * (tag, search words, traits), checked on the owner rows themselves: each check is one probe of
 * the membership's index, and no account row is read. An agent's 5,000 accounts searched for
 * "garcia" are 5,000 such probes, where leading with the portfolio read 5,000 accounts for the
 * page and again for the count (55 ms at a million). Null for an actor who sees every account, a
 * list without memberships, or past portfolioReadUpTo matches (reading the accounts is as cheap).
 */
export async function checkedPortfolio(db: Db, actor: Actor, query: AccountListQuery): Promise<ListPlan | null> {
  const memberships = filtersOf(query).flatMap((filter) => ('membership' in filter ? [filter.membership] : []));
  if (seesAllAccounts(actor) || memberships.length === 0) return null;
  // The owner rows stand in for `accounts` (their account id as `id`), so the checks read as on accounts.
  const owned = portfolioOf(db, actor).select('account_owners.account_id as id');
  const checks = sql.join(memberships.map((m) => m.check), sql` and `);
  const result = await sql<{ id: string }>`select accounts.id from (${owned}) as accounts where ${checks} limit ${portfolioReadUpTo + 1}`.execute(db);
  if (result.rows.length > portfolioReadUpTo) return null;
  return { scope: 'probe', lead: 'memberships', ids: [...new Set(result.rows.map((row) => row.id))] };
}

/** Accounts among these ids (a lead read while planning). */
function among(ids: readonly string[], postgres: boolean): RawBuilder<SqlBool> {
  if (ids.length === 0) return sql<SqlBool>`1 = 0`;
  return postgres ? sql<SqlBool>`accounts.id = any(${ids})` : sql<SqlBool>`accounts.id in (${sql.join(ids)})`;
}

const indexed = (filter: ColumnFilter) => sql<SqlBool>`${sql.ref(`accounts.${filter.column}`)} = ${filter.value}`;

/**
 * A column filter in a form no index serves, so that it is checked per row of whichever set or
 * index leads instead of leading itself (the same test: `coalesce(c, c) = v` is `c = v`).
 */
const unindexed = (filter: ColumnFilter) =>
  sql<SqlBool>`coalesce(${sql.ref(`accounts.${filter.column}`)}, ${sql.ref(`accounts.${filter.column}`)}) = ${filter.value}`;

/** The actor's accounts under the list filters: the one query behind lists, counts, exports and bulk actions. */
export function filteredAccounts(db: Db, actor: Actor, query: AccountListQuery, plan: ListPlan = { scope: 'probe', lead: null }) {
  let base = db.selectFrom('accounts').where(accountScope(actor, 'accounts', plan.scope));
  const postgres = isPostgres(db);
  if (plan.lead === 'memberships') base = base.where(among(plan.ids ?? [], postgres));
  for (const [index, filter] of filtersOf(query).entries()) {
    const leading = index === plan.lead;
    if ('membership' in filter) {
      if (plan.lead === 'memberships') continue;
      base = base.where(!leading ? filter.membership.check : plan.ids ? among(plan.ids, postgres) : leads(filter.membership, postgres));
    }
    else base = base.where(leading ? indexed(filter.column) : unindexed(filter.column));
  }
  return base;
}
