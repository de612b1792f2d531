import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { AccountListQuery } from '@contract/accounts';
import type { Db } from '@server/db/database';
import { countCapped } from '@server/lib/list';
import { normalizeText } from '@server/lib/normalize';
import { accountScope, type Actor, type ScopeDrive } from '@server/policies';
import { seesAllAccounts } from '@server/policies/actor';
import { queryPrefixes } from './account-fields';

/**
 * A set this small leads the page query: its accounts are read by id and sorted (a few thousand
 * lookups). Past it, the query walks the sort index and checks each account against the set,
 * which stops as soon as a page is full. The two cost the same at about sqrt(50 x accounts)
 * members: 2,200 at 100,000 accounts, 7,000 at 1,000,000.
 */
const smallSet = 3000;

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
const checked = (m: Membership) =>
  sql<SqlBool>`exists (select 1 from ${sql.table(m.table)} m where m.account_id = accounts.id and ${m.where})`;

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
 * Which set leads a list query: the smallest of the actor's portfolio and the membership filters,
 * if it is small (see smallSet); otherwise none, and the sort index leads. SQLite's planner would
 * lead with any `in (subquery)` whatever its size and never with an `exists`, and PostgreSQL plans
 * both forms alike, so choosing the form here gives both databases the plan that fits the data.
 */
export type ListPlan = { scope: ScopeDrive; lead: number | null };

export async function planList(db: Db, actor: Actor, query: AccountListQuery): Promise<ListPlan> {
  let best: { size: number; lead: number | 'scope' } | null = null;
  if (!seesAllAccounts(actor)) {
    const owned = actor.scope === 'team' && actor.teamId
      ? db.selectFrom('account_owners').innerJoin('users', 'users.id', 'account_owners.user_id').where('users.team_id', '=', actor.teamId)
      : db.selectFrom('account_owners').where('account_owners.user_id', '=', actor.id);
    const { total, totalIsEstimate } = await countCapped(db, owned, smallSet);
    if (!totalIsEstimate) best = { size: total, lead: 'scope' };
  }
  const found = memberships(query);
  for (const [index, membership] of found.entries()) {
    const size = await sizeOf(db, membership, Math.min(smallSet, best?.size ?? smallSet));
    if (size <= smallSet && (!best || size < best.size)) best = { size, lead: index };
  }
  if (!best) return { scope: 'probe', lead: null };
  return best.lead === 'scope' ? { scope: 'portfolio', lead: null } : { scope: 'probe', lead: best.lead };
}

/** The plan that counts best: like the page's, but a large portfolio is read first too (see listAccounts). */
export const countPlan = (plan: ListPlan): ListPlan => (plan.lead === null ? { scope: 'portfolio', lead: null } : plan);

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
