import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { AccountListQuery } from '@contract/accounts';
import { isPostgres, type AccountsTable, type Database, type Db } from '@server/db/database';
import { exactTotalLimit } from '@contract/common';
import { estimatedRows } from '@server/db/statistics';
import { timedCache } from '@server/db/timed-cache';
import { countCapped } from '@server/lib/list';
import { normalizeText } from '@server/lib/normalize';
import { accountScope, holderOf, type Actor, type ScopeDrive } from '@server/policies';
import { seesAllAccounts } from '@server/policies/actor';
import { queryPrefixes } from './account-fields';
import { termDocumentRows, termDocuments, termsMatch } from './term-index.repo';

/**
 * Sets are sized up to this many rows, read from their indexes: enough to choose a page's plan
 * (a set leads a page below about sqrt(51 x accounts) rows) or a count's (below about
 * sqrt(10,001 x accounts): 100,000 at a million). A larger set is taken as half of all accounts.
 * A column's set only decides between walking the sort index and reading the set whole to sort
 * it (a count, or a page in name order, walks the column's own index either way), and that turns
 * below about 2,000 rows at a million accounts. An actor's portfolio is always sized up to
 * `count` (and kept a minute: see portfolioSize); a membership only as far as it could beat
 * walking that portfolio.
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
 * `onPortfolio`: the same test on a portfolio's row, where it needs no probe (tags, search words).
 */
type Membership = {
  set: RawBuilder<unknown>; check: RawBuilder<SqlBool>; onPortfolio?: (postgres: boolean) => RawBuilder<SqlBool>;
  /** What checking it on a portfolio's row adds to the row's cost (see wordCheckCost). */
  rowCost?: number;
  /**
   * Reading any of the set computes all of it: an intersection, read whole whatever the limit
   * (see wholeReadCost), of these parts.
   */
  parts?: RawBuilder<unknown>[];
  /** The table's rows `m` that the set reads (see soleMembership). */
  rows?: { table: MembershipTable; where: RawBuilder<SqlBool> };
  /** One row per account of the set, read from an index alone: to size it, or count it exactly (see term-index.repo.ts). */
  indexRows?: RawBuilder<unknown>;
  /** The set holds only accounts of the actor's portfolio: its size is a share of the portfolio, not of all accounts. */
  inScope?: boolean;
};

type MembershipTable = 'account_owners' | 'account_tags' | 'account_traits' | 'account_terms';

// `limit 1 offset 0` keeps SQLite from turning the check into a join with a Bloom filter, and
// PostgreSQL from a join or hashed subplan: each reads the whole set first (SQLite: 120 ms for a
// tag on 300,000 accounts, for a page of 51).
function rowsOf(table: MembershipTable, where: RawBuilder<SqlBool>): Membership {
  return {
    set: sql`select m.account_id from ${sql.table(table)} m where ${where}`,
    check: sql<SqlBool>`exists (select 1 from ${sql.table(table)} m where m.account_id = accounts.id and ${where} limit 1 offset 0)`,
    rows: { table, where },
  };
}

/**
 * A list whose only filter is one tag or one owner: its table's rows `m` that the list reads.
 * Those tables hold one row per account and key, so a sample of their rows estimates the list
 * (see membershipSample in account-count.repo.ts); a search word's terms may be several per
 * account, and traits one per kind.
 */
export function soleMembership(query: AccountListQuery): { table: 'account_tags' | 'account_owners'; where: RawBuilder<SqlBool> } | null {
  const filters = filtersOf(query, null);
  const [only] = filters;
  if (filters.length !== 1 || !only || !('membership' in only)) return null;
  const rows = only.membership.rows;
  if (rows?.table !== 'account_tags' && rows?.table !== 'account_owners') return null;
  return { table: rows.table, where: rows.where };
}

/**
 * Accounts in every one of these sets. On PostgreSQL several search words lead as the
 * intersection of their term ranges, read from the index side by side (SQLite intersects them in
 * its index of terms and holders, see indexedWords): leading with one word and checking the others
 * on each of its accounts visits every account of the word ("maria lopez" at a million: 20,000
 * accounts, 0.46 s), while the intersection reads index entries only.
 */
function allOf(parts: Membership[]): Membership {
  if (parts.length === 1 && parts[0]) return parts[0];
  const onRows = parts.flatMap((part) => (part.onPortfolio ? [part.onPortfolio] : []));
  return {
    set: sql.join(parts.map((part) => part.set), sql` intersect `),
    parts: parts.map((part) => part.set),
    check: sql<SqlBool>`(${sql.join(parts.map((part) => part.check), sql` and `)})`,
    // Checked on a portfolio's row only if every part can be.
    ...(onRows.length === parts.length ? {
      onPortfolio: (postgres: boolean) => sql<SqlBool>`(${sql.join(onRows.map((onRow) => onRow(postgres)), sql` and `)})`,
      rowCost: parts.reduce((sum, part) => sum + (part.rowCost ?? 0), 0),
    } : {}),
  };
}

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

/** The rows a query (raw SQL) returns, counted up to `cap` + 1 (as far as a plan needs to know), or all of them without one. */
export async function rowsUpTo(db: Db, rows: RawBuilder<unknown>, cap?: number): Promise<number> {
  const counted = cap === undefined ? rows : sql`${rows} limit ${cap + 1}`;
  const result = await sql<{ n: number | string }>`select count(*) as n from (${counted}) as capped`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** The accounts behind a membership: their ids when there are few, else the rows counted up to `cap` + 1. */
async function readSet(db: Db, m: Membership, cap: number): Promise<{ size: number; ids?: string[] }> {
  // Sized from the index alone; never read ahead, as the index computes it again in a millisecond
  // or two (the 907 accounts of "maria lopez"), where binding a few hundred ids cost more.
  if (m.indexRows) return { size: await rowsUpTo(db, m.indexRows, cap) };
  const first = await sql<{ account_id: string }>`${m.set} limit ${readUpTo + 1}`.execute(db);
  if (first.rows.length <= readUpTo) {
    const ids = [...new Set(first.rows.map((row) => row.account_id))];
    return { size: ids.length, ids };
  }
  if (cap <= readUpTo) return { size: first.rows.length };
  return { size: await rowsUpTo(db, m.set, cap) };
}

/**
 * Where a list's search words are looked up: on SQLite the index of terms and holders (see
 * term-index.repo.ts), holding the actor's portfolio (`holder`, null for an actor who sees every
 * account); null on PostgreSQL, where each word is a range of account_terms.
 */
type TermIndex = { holder: string | null };

const termIndexOf = (db: Db, actor: Actor): TermIndex | null =>
  (isPostgres(db) ? null : { holder: seesAllAccounts(actor) ? null : holderOf(actor) });

/**
 * The search words as one set read from SQLite's index of terms (FTS5 intersects the words and
 * the holder), checked per account or on a portfolio's row as `words` is.
 */
function indexedWords(words: Membership, prefixes: string[][], index: TermIndex): Membership {
  const match = termsMatch(prefixes, index.holder);
  const { check, onPortfolio, rowCost } = words;
  return {
    check, set: termDocuments(match), indexRows: termDocumentRows(match), inScope: index.holder !== null,
    ...(onPortfolio ? { onPortfolio } : {}), ...(rowCost ? { rowCost } : {}),
  };
}

function memberships(query: AccountListQuery, index: TermIndex | null): Membership[] {
  const found: Membership[] = [];
  if (query.ownerId) found.push(rowsOf('account_owners', sql`m.user_id = ${query.ownerId}`));
  if (query.tagId) {
    const tagged = ` ${query.tagId} `;
    found.push({
      ...rowsOf('account_tags', sql`m.tag_id = ${query.tagId}`),
      onPortfolio: (postgres) => (postgres ? sql<SqlBool>`strpos(accounts.tag_ids, ${tagged}) > 0` : sql<SqlBool>`instr(accounts.tag_ids, ${tagged}) > 0`),
    });
  }
  if (query.characteristic) found.push(rowsOf('account_traits', sql`m.item_key = ${query.characteristic} and m.kind = 'characteristic'`));
  if (query.interest) {
    const kinds = query.interestKind ? [query.interestKind] : ['interest', 'disinterest', 'unmet_need'];
    found.push(rowsOf('account_traits', sql`m.item_key = ${query.interest} and m.kind in (${sql.join(kinds)})`));
  }
  // Every word of the search must start one of the account's terms; a portfolio's row carries
  // the terms (' t1 t2 ', no spaces within one), so there a term starts with the word where
  // ' ' + word occurs.
  const prefixes = query.q ? queryPrefixes(query.q) : [];
  const words = prefixes.map((alternatives) => {
    const ranges = alternatives.map((prefix) => sql`(m.term >= ${prefix} and m.term < ${prefix + top})`);
    const onRow = (postgres: boolean) => sql<SqlBool>`(${sql.join(alternatives.map((prefix) => (postgres
      ? sql`strpos(accounts.words, ${` ${prefix}`}) > 0`
      : sql`instr(accounts.words, ${` ${prefix}`}) > 0`)), sql` or `)})`;
    return { ...rowsOf('account_terms', sql<SqlBool>`(${sql.join(ranges, sql` or `)})`), onPortfolio: onRow, rowCost: wordCheckCost * alternatives.length };
  });
  if (words.length > 0) found.push(index ? indexedWords(allOf(words), prefixes, index) : allOf(words));
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

const filtersOf = (query: AccountListQuery, index: TermIndex | null): Filter[] => [
  ...memberships(query, index).map((membership) => ({ membership })),
  ...columnFilters(query).map((column) => ({ column })),
];

/** Live accounts with this column value, counted up to `cap` + 1 along the column's index. */
async function columnSizeOf(db: Db, filter: ColumnFilter, cap: number): Promise<number> {
  return rowsUpTo(db, sql`select 1 from accounts where discarded_at is null and ${sql.ref(filter.column)} = ${filter.value}`, cap);
}

/**
 * Which set leads a list query, if any: the actor's portfolio, walked in page order along its own
 * indexes (`scope: 'walk'`, see accountScope), a membership filter or a column filter (`lead`,
 * numbered as filtersOf lists them); with none, the sort index leads and every filter is checked
 * per account. A membership leading an actor's list reads their portfolio's rows by its ids
 * (`scope: 'walk'` with a lead), a column leads with its own index of accounts (`probe`).
 * SQLite's planner leads with any `in (subquery)` whatever its size, never with an `exists`, and
 * with a column's index even when walking the sort index would stop after a few hundred rows
 * (page 1 of a city of 67,000 accounts sorted by creation, at a million: 100 ms instead of 3).
 * PostgreSQL plans these forms alike. So the choice is made here, from the sizes of the sets (read
 * from their indexes, capped) and the number of accounts (planner statistics), and written into
 * the SQL: both databases get the plan that fits. `ids`: the accounts of the leading membership,
 * read while planning because there were few.
 */
/**
 * `ordered`: a page that walks the portfolio in its sort order; on SQLite its column filters are
 * checked on each row walked, where the portfolio's column indexes (city, stage) would lead and
 * sort instead (see filteredAccounts).
 */
export type ListPlan = { scope: ScopeDrive; lead: number | null; ids?: readonly string[]; ordered?: boolean };
/** A plan with its cost in rows visited, and the matches expected (the sets taken as independent). */
export type PlanCost = ListPlan & { cost: number; matches?: number };
/**
 * `memberships`: how many membership filters (traits, owners…) each walked portfolio row is probed
 * for; `checked`: how many are checked on the row itself at a cost (search words); `portfolio`:
 * the actor's live accounts, when known (null: an admin, or past sizeCaps.count).
 */
export type ListPlans = {
  page: PlanCost; count: PlanCost; memberships: number; checked: number; portfolio: number | null;
  /**
   * The list's only filter as rows of an index that holds the actor's scope too, counted there
   * exactly (see countAccounts): `size` when sizing it counted them all already.
   */
  indexCount?: { rows: RawBuilder<unknown>; size: number | null };
};

/**
 * A set that could lead, with its size. `inOrder`: its index gives rows in the order wanted (the
 * portfolio always; a column's index for a page sorted by name, or for a count), so leading with
 * it stops once enough rows are found; otherwise leading reads the whole set. `share`: the part of
 * the accounts it keeps, when not size / accounts (a set within the portfolio: size / portfolio).
 */
export type SizedSet = { lead: number | 'scope'; size: number; inOrder?: boolean; probed?: boolean; column?: boolean; rowCost?: number; share?: number };

/**
 * What visiting one row of a walked portfolio costs, and probing a membership for it, in the unit
 * of cheaperPlan (one lookup by key; reading a set whole costs two per row). Its rows carry the
 * columns filtered on and lie side by side; a probe seeks a large index. At a million accounts on
 * SQLite: a row 0.3 µs, a probe of the terms or tags 2.6 µs, a set's row read and looked up in
 * the portfolio 1.2 µs (a team's 50,000 accounts counted for "garcia": 130 ms probing each, 50 ms
 * reading the word's 40,000 accounts instead).
 */
const portfolioRowCost = 0.25;
const portfolioProbeCost = 2;
/**
 * A search word checked on a portfolio's row (`instr` in its terms, about 100 characters): 0.35
 * µs on SQLite, so an agent's 5,000 rows checked for "maria lopez" take 4.9 ms, where reading the
 * 907 accounts of both words takes 11.5 ms to compute their intersection (see wholeReadCost) and
 * 2 ms to lead with them.
 */
const wordCheckCost = 0.3;
/**
 * Reading a set that is computed whole before its first row (PostgreSQL's intersection of several words'
 * term ranges: "maria lopez" reads 60,000 entries, 11-20 ms at a million accounts on either
 * database), in the unit above. A portfolio that can be walked whole for less, checking the
 * words on its rows (an agent's 5,000 accounts: 4,250), is walked without reading the set, unless
 * every part is rare (at most rareEntries each: "quintanilla villalobos" intersects in well
 * under a millisecond and leads by its ids).
 */
const wholeReadCost = 15_000;
const rareEntries = 1_000;

/**
 * The cheapest way to find `wanted` rows, in rows visited: walking the sort index checks every
 * set for each account it passes and passes N / matches accounts per row found (sets taken as
 * independent); a set in order is walked the same way along its own index (the portfolio's rows
 * cost less: only memberships are probed); any other set is read whole, each row by id (two index
 * seeks), and a sorted page then sorts what it found.
 */
export function cheaperPlan(sets: SizedSet[], accounts: number, wanted: number, sorted: boolean): PlanCost {
  const matches = Math.max(1, sets.reduce((n, set) => n * (set.share ?? Math.min(1, set.size / accounts)), accounts));
  const probes = sets.filter((set) => set.probed).length;
  const checks = sets.reduce((sum, set) => sum + (set.rowCost ?? 0), 0);
  const walkAlong = (length: number, along?: SizedSet) =>
    (along?.lead === 'scope' ? portfolioRowCost + checks + probes * portfolioProbeCost : sets.length) * Math.min(length, (wanted * length) / matches);
  const costOf = (set: SizedSet) => (set.inOrder ? walkAlong(set.size, set) : 2 * set.size + (sorted ? matches * Math.log2(matches) : 0));
  let best: { cost: number; set: SizedSet | null } = { cost: walkAlong(accounts), set: null };
  for (const set of sets) {
    const cost = costOf(set);
    if (cost < best.cost) best = { cost, set };
  }
  const { cost, set } = best;
  if (!set) return { scope: 'probe', lead: null, cost, matches };
  if (set.lead === 'scope') return { scope: 'walk', lead: null, cost, matches, ...(sorted ? { ordered: true } : {}) };
  // A membership leads a portfolio's rows (looked up by key), a column its own index of accounts.
  const portfolio = sets.some((other) => other.lead === 'scope');
  return { scope: portfolio && !set.column ? 'walk' : 'probe', lead: set.lead, cost, matches };
}

/**
 * Whether walking the whole portfolio (`held` rows), checking `m` on each row and probing the
 * list's `probes` other memberships, costs less than reading `m` (see wholeReadCost).
 */
async function walkedForLess(db: Db, m: Membership, held: number | null | undefined, probes: number): Promise<boolean> {
  if (!m.parts || !m.onPortfolio || held == null) return false;
  if (held * (portfolioRowCost + (m.rowCost ?? 0) + probes * portfolioProbeCost) >= wholeReadCost) return false;
  for (const part of m.parts) {
    if ((await rowsUpTo(db, part, rareEntries)) > rareEntries) return true;
  }
  return false;
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
  const sized: Array<{ lead: number | 'scope'; size: number | null; cap: number; column: boolean; probed: boolean; rowCost?: number; ids?: string[]; inScope?: boolean }> = [];
  if (!seesAllAccounts(actor)) sized.push({ lead: 'scope', size: await portfolioSize(db, actor), cap: sizeCaps.count, column: false, probed: false });
  const filters = filtersOf(query, termIndexOf(db, actor));
  // Memberships other than `m` that each walked portfolio row must probe (no portfolio column holds them).
  const probedElsewhere = (m: Membership) => filters.filter((filter) => 'membership' in filter && filter.membership !== m && !filter.membership.onPortfolio).length;
  // A membership leads an actor's list only when reading it costs less than walking the portfolio.
  const held = sized[0]?.size;
  const membershipCap = held == null ? sizeCap : Math.min(sizeCap, Math.ceil((held * (portfolioRowCost + portfolioProbeCost)) / 2));
  for (const [index, filter] of filters.entries()) {
    const cap = 'column' in filter ? sizeCaps.column : membershipCap;
    // Not read at all when walking costs less than computing it: sized as past its cap.
    const { size, ids } = 'column' in filter ? { size: await columnSizeOf(db, filter.column, cap) }
      : await walkedForLess(db, filter.membership, held, probedElsewhere(filter.membership)) ? { size: cap + 1 }
        : await readSet(db, filter.membership, cap);
    // Probed on each row walked, unless a portfolio's row carries it.
    const probed = 'membership' in filter && !filter.membership.onPortfolio;
    // Checked on each portfolio row walked instead, it weighs what that check costs.
    const rowCost = 'membership' in filter ? filter.membership.rowCost : undefined;
    const inScope = 'membership' in filter && filter.membership.inScope;
    sized.push({ lead: index, size: size > cap ? null : size, cap, column: 'column' in filter, probed, ...(rowCost ? { rowCost } : {}), ...(ids ? { ids } : {}), ...(inScope ? { inScope } : {}) });
  }
  const [only] = filters;
  const indexRows = filters.length === 1 && only && 'membership' in only ? only.membership.indexRows : undefined;
  const onlySize = sized.find((set) => set.lead === 0)?.size ?? null;
  const indexCount = indexRows ? { rows: indexRows, size: onlySize } : undefined;
  const memberships = sized.filter((set) => set.probed).length;
  const checked = sized.filter((set) => set.rowCost !== undefined).length;
  const portfolio = sized[0]?.lead === 'scope' ? sized[0].size : null;
  if (sized.length === 0) return { page: { scope: 'probe', lead: null, cost: pageRows }, count: { scope: 'probe', lead: null, cost: countRows }, memberships, checked, portfolio };
  // Without statistics (a new database) the largest set stands in for the number of accounts.
  const known = sized.map((set) => set.size ?? set.cap);
  const accounts = Math.max((await estimatedRows(db, 'accounts')) ?? 0, ...known, 1);
  const sets = (pageOrder: boolean): SizedSet[] =>
    sized.map((set) => {
      const size = set.size ?? Math.max(set.cap, (set.inScope && portfolio ? portfolio : accounts) / 2);
      return {
        lead: set.lead, size, inOrder: set.lead === 'scope' || (set.column && pageOrder), probed: set.probed, column: set.column,
        ...(set.rowCost ? { rowCost: set.rowCost } : {}), ...(set.inScope && portfolio ? { share: Math.min(1, size / portfolio) } : {}),
      };
    });
  // A lead read while sizing it leads by its ids.
  const withIds = <P extends ListPlan>(plan: P): P => {
    const ids = sized.find((set) => set.lead === plan.lead)?.ids;
    return ids ? { ...plan, ids } : plan;
  };
  // Matches are only expected from sizes all known: a set past its cap stands in as half of all accounts.
  const count = cheaperPlan(sets(true), accounts, countRows, false);
  return {
    page: withIds(cheaperPlan(sets(nameSorts.has(query.sort)), accounts, pageRows, true)),
    count: withIds(sized.some((set) => set.size === null) ? { ...count, matches: undefined } : count),
    memberships,
    checked,
    portfolio,
    ...(indexCount ? { indexCount } : {}),
  };
}

/**
 * Portfolio sizes by holder, up to sizeCaps.count (null past it), trusted a minute. A size only
 * weighs plans (a stale one may pick a slower plan, never other rows), and counting a team's
 * 50,000 accounts on every page took 5-10 ms.
 */
const portfolioSizes = timedCache<number | null>(60_000);

/** The actor's live accounts up to sizeCaps.count (null past it), counted at most once a minute. */
export async function portfolioSize(db: Db, actor: Actor): Promise<number | null> {
  const holder = holderOf(actor);
  const known = portfolioSizes.get(db, holder);
  if (known !== undefined) return known;
  const { total, totalIsEstimate } = await countCapped(db, portfolioOf(db, actor), sizeCaps.count);
  const size = totalIsEstimate ? null : total;
  portfolioSizes.set(db, holder, size);
  return size;
}

/** The live accounts of the actor's portfolio (own scope: theirs; team scope: their team's). */
export const portfolioOf = (db: Db, actor: Actor) => db.selectFrom('portfolio_accounts').where('portfolio_accounts.holder_id', '=', holderOf(actor));

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

/** The query every list filter is written against: `accounts`, as a table or as a portfolio's rows. */
export type FilteredAccounts = SelectQueryBuilder<Database, 'accounts', object>;

/**
 * A portfolio's rows under the accounts alias, typed as accounts: they carry, under the same
 * names, every column a list filters and sorts on, and nothing reads any other column from them
 * (accountRows joins the accounts themselves).
 */
const portfolioAsAccounts = sql<AccountsTable>`portfolio_accounts`.as('accounts');

/**
 * The actor's accounts under the list filters: the one query behind lists, counts, exports and
 * bulk actions. Walking the portfolio (`scope: 'walk'`), `accounts` names the portfolio's rows,
 * which carry every column filtered and sorted on: select the accounts themselves with accountRows.
 */
export function filteredAccounts(db: Db, actor: Actor, query: AccountListQuery, plan: ListPlan = { scope: 'probe', lead: null }): FilteredAccounts {
  const walking = plan.scope === 'walk' && !seesAllAccounts(actor);
  const from: FilteredAccounts = walking ? db.selectFrom(portfolioAsAccounts) : db.selectFrom('accounts');
  let base = from.where(accountScope(actor, 'accounts', plan.scope));
  const postgres = isPostgres(db);
  for (const [index, filter] of filtersOf(query, termIndexOf(db, actor)).entries()) {
    const leading = index === plan.lead;
    if ('membership' in filter) {
      const { check, onPortfolio } = filter.membership;
      const checked = walking && onPortfolio ? onPortfolio(postgres) : check;
      base = base.where(!leading ? checked : plan.ids ? among(plan.ids, postgres) : leads(filter.membership, postgres));
    }
    else {
      // Off a walk, a column that does not lead is checked per row. On a walk, so is a page's on
      // SQLite, whose planner would lead with the portfolio's city or stage index and sort all it
      // found; PostgreSQL weighs both from its statistics (and misjudges coalesce). A count may
      // lead with those indexes.
      const perRow = !leading && (!walking || (plan.ordered === true && !postgres));
      base = base.where(perRow ? unindexed(filter.column) : indexed(filter.column));
    }
  }
  return base;
}

/** The account rows of a filtered query, however it reads them (see filteredAccounts). */
export function accountRows(filtered: FilteredAccounts, plan: ListPlan) {
  return plan.scope === 'walk'
    ? filtered.innerJoin('accounts as row', 'row.id', 'accounts.id').selectAll('row')
    : filtered.selectAll('accounts');
}
