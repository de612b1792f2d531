import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { AccountListQuery } from '@contract/accounts';
import type { Db } from '@server/db/database';
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
 */
const sizeCaps = { page: 10_000, count: 100_000 };
/** Rows a page fetches (the limit plus one); a count stops after 10,001. */
const pageRows = 51;
const countRows = exactTotalLimit + 1;

// Above every character, so [prefix, prefix + top) is exactly "starts with prefix" in byte order.
const top = String.fromCodePoint(0x10ffff);

/**
 * A filter on rows of another table that name the account (owners, tags, traits, search terms):
 * the condition on that table's rows, aliased `m`. It can lead (`accounts.id in (…)`), be checked
 * per account (`exists (…)`), and its size can be read cheaply from the table's index.
 */
type Membership = { table: 'account_owners' | 'account_tags' | 'account_traits' | 'account_terms'; where: RawBuilder<SqlBool> };

const leads = (m: Membership) =>
  sql<SqlBool>`accounts.id in (select m.account_id from ${sql.table(m.table)} m where ${m.where})`;
// `limit 1 offset 0` keeps SQLite from turning the check into a join with a Bloom filter, and
// PostgreSQL from a join or hashed subplan: each reads the whole set first (SQLite: 120 ms for a
// tag on 300,000 accounts, for a page of 51).
const checked = (m: Membership) =>
  sql<SqlBool>`exists (select 1 from ${sql.table(m.table)} m where m.account_id = accounts.id and ${m.where} limit 1 offset 0)`;

/** Rows behind a membership, counted up to `cap` + 1. */
async function sizeOf(db: Db, m: Membership, cap: number): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from (select 1 from ${sql.table(m.table)} m where ${m.where} limit ${cap + 1}) as capped`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

function memberships(query: AccountListQuery): Membership[] {
  const found: Membership[] = [];
  if (query.ownerId) found.push({ table: 'account_owners', where: sql`m.user_id = ${query.ownerId}` });
  if (query.tagId) found.push({ table: 'account_tags', where: sql`m.tag_id = ${query.tagId}` });
  if (query.characteristic) found.push({ table: 'account_traits', where: sql`m.item_key = ${query.characteristic} and m.kind = 'characteristic'` });
  if (query.interest) {
    const kinds = query.interestKind ? [query.interestKind] : ['interest', 'disinterest', 'unmet_need'];
    found.push({ table: 'account_traits', where: sql`m.item_key = ${query.interest} and m.kind in (${sql.join(kinds)})` });
  }
  // Every word of the search must start one of the account's terms.
  for (const alternatives of query.q ? queryPrefixes(query.q) : []) {
    const ranges = alternatives.map((prefix) => sql`(m.term >= ${prefix} and m.term < ${prefix + top})`);
    found.push({ table: 'account_terms', where: sql<SqlBool>`(${sql.join(ranges, sql` or `)})` });
  }
  return found;
}

/**
 * Which set leads a list query, if any: the actor's portfolio (`scope: 'portfolio'`) or one of the
 * membership filters (`lead`); with none, the sort index leads and every set is checked per account.
 * SQLite's planner leads with any `in (subquery)` whatever its size and never with an `exists`;
 * PostgreSQL plans both forms alike. So the choice is made here, from the sizes of the sets (read
 * from their indexes, capped) and the number of accounts (planner statistics), and written into
 * the SQL: both databases get the plan that fits the data.
 */
export type ListPlan = { scope: ScopeDrive; lead: number | null };

export type SizedSet = { lead: number | 'scope'; size: number };

/**
 * The cheaper of walking an index and leading with the smallest set, to find `wanted` rows: a walk
 * checks every set for each account it passes and passes N / matches accounts per row found (sets
 * taken as independent); a lead reads its whole set, each by id (two index seeks), and a page then
 * sorts what it found.
 */
export function cheaperPlan(sets: SizedSet[], accounts: number, wanted: number, sorted: boolean): ListPlan {
  const smallest = sets.reduce<SizedSet | null>((best, set) => (!best || set.size < best.size ? set : best), null);
  if (!smallest) return { scope: 'probe', lead: null };
  const matches = Math.max(1, sets.reduce((n, set) => n * Math.min(1, set.size / accounts), accounts));
  const walk = sets.length * Math.min(accounts, (wanted * accounts) / matches);
  const lead = 2 * smallest.size + (sorted ? matches * Math.log2(matches) : 0);
  if (walk <= lead) return { scope: 'probe', lead: null };
  return smallest.lead === 'scope' ? { scope: 'portfolio', lead: null } : { scope: 'probe', lead: smallest.lead };
}

/**
 * The plans of a list's page and of its count (a count wants 10,001 rows, so it leads more often).
 * Without `counting` (later pages, exports) sets are sized only as far as the page's plan needs.
 */
export async function planList(db: Db, actor: Actor, query: AccountListQuery, counting = true): Promise<{ page: ListPlan; count: ListPlan }> {
  const sizeCap = counting ? sizeCaps.count : sizeCaps.page;
  const sized: Array<{ lead: number | 'scope'; size: number | null }> = [];
  if (!seesAllAccounts(actor)) {
    const owned = actor.scope === 'team' && actor.teamId
      ? db.selectFrom('account_owners').innerJoin('users', 'users.id', 'account_owners.user_id').where('users.team_id', '=', actor.teamId)
      : db.selectFrom('account_owners').where('account_owners.user_id', '=', actor.id);
    const { total, totalIsEstimate } = await countCapped(db, owned, sizeCap);
    sized.push({ lead: 'scope', size: totalIsEstimate ? null : total });
  }
  for (const [index, membership] of memberships(query).entries()) {
    const size = await sizeOf(db, membership, sizeCap);
    sized.push({ lead: index, size: size > sizeCap ? null : size });
  }
  if (sized.length === 0) return { page: { scope: 'probe', lead: null }, count: { scope: 'probe', lead: null } };
  // Without statistics (a new database) the largest set stands in for the number of accounts.
  const known = sized.map((set) => set.size ?? sizeCap);
  const accounts = Math.max((await estimatedRows(db, 'accounts')) ?? 0, ...known, 1);
  const sets = sized.map((set) => ({ lead: set.lead, size: set.size ?? Math.max(sizeCap, accounts / 2) }));
  return { page: cheaperPlan(sets, accounts, pageRows, true), count: cheaperPlan(sets, accounts, countRows, false) };
}

/** The actor's accounts under the list filters: the one query behind lists, counts, exports and bulk actions. */
export function filteredAccounts(db: Db, actor: Actor, query: AccountListQuery, plan: ListPlan = { scope: 'probe', lead: null }) {
  let base = db.selectFrom('accounts').where(accountScope(actor, 'accounts', plan.scope));
  if (query.kind) base = base.where('accounts.kind', '=', query.kind);
  if (query.stage) base = base.where('accounts.stage', '=', query.stage);
  if (query.country) base = base.where('accounts.country', '=', query.country);
  if (query.city) base = base.where('accounts.city_norm', '=', normalizeText(query.city));
  if (query.industry) base = base.where('accounts.industry_norm', '=', query.industry);
  if (query.source) base = base.where('accounts.source', '=', query.source);
  if (query.teamId) base = base.where('accounts.team_id', '=', query.teamId);
  if (query.parentId) base = base.where('accounts.parent_id', '=', query.parentId);
  for (const [index, membership] of memberships(query).entries()) {
    base = base.where(index === plan.lead ? leads(membership) : checked(membership));
  }
  return base;
}
