import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { isAdmin, seesAllAccounts, type Actor } from './actor';

export type AccountAction = 'read' | 'create' | 'update' | 'discard' | 'changeOwners';
export type BinAction = 'list' | 'restore' | 'purge';

/**
 * The portfolio as SQL: the live accounts the actor may see. Every query that reads accounts,
 * or anything hanging off them, filters through this, so lists, counts and details agree.
 * `alias` names the accounts table in the query (contacts join it twice).
 * `shape` is how the database should test it: 'set' (the default) reads the actor's accounts
 * once, for queries that walk many accounts (lists, counts, exports); 'probe' looks up the owners
 * of each row, for queries that test a bounded number of candidate rows (the quick search), where
 * reading a whole portfolio first (50,000 accounts for an agent at 1M) would cost more than the
 * search itself. Both describe the same set of accounts.
 */
export function accountScope(actor: Actor, alias = 'accounts', shape: 'set' | 'probe' = 'set'): RawBuilder<SqlBool> {
  const live = sql<SqlBool>`${sql.ref(`${alias}.discarded_at`)} is null`;
  if (seesAllAccounts(actor)) return live;
  const accountId = sql.ref(`${alias}.id`);
  if (shape === 'probe') {
    // A correlated EXISTS over account_owners_pk. The `limit 1 offset 0` (valid on both dialects)
    // keeps PostgreSQL from turning it into a join or a hashed subplan, either of which reads the
    // whole portfolio before the first row; SQLite runs it per row anyway.
    const owned = actor.scope === 'team' && actor.teamId
      ? sql`exists (select 1 from account_owners ao join users ou on ou.id = ao.user_id
                    where ao.account_id = ${accountId} and ou.team_id = ${actor.teamId} limit 1 offset 0)`
      : sql`exists (select 1 from account_owners ao where ao.account_id = ${accountId} and ao.user_id = ${actor.id} limit 1 offset 0)`;
    return sql<SqlBool>`(${live} and ${owned})`;
  }
  // A non-correlated IN over account_owners_user_idx: the database reads the actor's (or team's)
  // accounts once, instead of probing the owners of every account it walks (measured: a 100k
  // list for an own-scope agent took ~350 ms with a correlated EXISTS).
  const owned = actor.scope === 'team' && actor.teamId
    ? sql`${accountId} in (select ao.account_id from account_owners ao join users ou on ou.id = ao.user_id
                           where ou.team_id = ${actor.teamId})`
    : sql`${accountId} in (select ao.account_id from account_owners ao where ao.user_id = ${actor.id})`;
  return sql<SqlBool>`(${live} and ${owned})`;
}

/**
 * What the actor may do with an account they can see (visibility itself is decided by
 * accountScope in SQL: an account outside it is simply not found).
 * Seed 001: whoever may edit an account may also send it to the bin.
 */
export function canAccount(actor: Actor, action: AccountAction): boolean {
  switch (action) {
    case 'read':
    case 'create':
    case 'update':
    case 'discard':
    case 'changeOwners':
      return actor.role === 'admin' || actor.role === 'manager' || actor.role === 'agent';
  }
}

/** The bin: only admins see discarded accounts, restore or purge them. */
export const canBin = (actor: Actor, _action: BinAction): boolean => isAdmin(actor);
