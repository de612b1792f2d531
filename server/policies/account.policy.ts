import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { isAdmin, seesAllAccounts, type Actor } from './actor';

export type AccountAction = 'read' | 'create' | 'update' | 'discard' | 'changeOwners';
export type BinAction = 'list' | 'restore' | 'purge';

/**
 * How the database should find the actor's accounts. `probe` (the default) checks each account it
 * meets against its owners: right for one account by id, and for walking a sort index when the
 * actor owns many accounts (it stops after a page). `portfolio` reads the actor's accounts from
 * the owners index first: right when they own few, where a walk would pass over many accounts of
 * others before filling a page. Both mean exactly the same set; only the plan differs (measured at
 * 1,000,000 accounts on SQLite, for an agent owning 50,000: one account by id 0.2 ms probing,
 * 44 ms reading the portfolio; a 50-row page 8 ms probing, 860 ms reading the portfolio).
 * The probe's `limit 1 offset 0` (valid on both) keeps SQLite from turning it into a join with a
 * Bloom filter, and PostgreSQL from a join or hashed subplan: each reads every owner row first.
 */
export type ScopeDrive = 'probe' | 'portfolio';

/**
 * The portfolio as SQL: the live accounts the actor may see. Every query that reads accounts,
 * or anything hanging off them, filters through this, so lists, counts and details agree.
 * `alias` names the accounts table in the query (contacts join it twice).
 */
export function accountScope(actor: Actor, alias = 'accounts', drive: ScopeDrive = 'probe'): RawBuilder<SqlBool> {
  const live = sql<SqlBool>`${sql.ref(`${alias}.discarded_at`)} is null`;
  if (seesAllAccounts(actor)) return live;
  const accountId = sql.ref(`${alias}.id`);
  const team = actor.scope === 'team' && actor.teamId ? actor.teamId : null;
  const owned = drive === 'portfolio'
    ? team
      ? sql`${accountId} in (select ao.account_id from account_owners ao join users ou on ou.id = ao.user_id where ou.team_id = ${team})`
      : sql`${accountId} in (select ao.account_id from account_owners ao where ao.user_id = ${actor.id})`
    : team
      ? sql`exists (select 1 from account_owners ao join users ou on ou.id = ao.user_id where ao.account_id = ${accountId} and ou.team_id = ${team} limit 1 offset 0)`
      : sql`exists (select 1 from account_owners ao where ao.account_id = ${accountId} and ao.user_id = ${actor.id} limit 1 offset 0)`;
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
