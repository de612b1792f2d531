import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { isAdmin, seesAllAccounts, type Actor } from './actor';

export type AccountAction = 'read' | 'create' | 'update' | 'discard' | 'changeOwners';
export type BinAction = 'list' | 'restore' | 'purge';

/**
 * How the database should find the actor's accounts, in `portfolio_accounts` (one row per account
 * in each owner's and each owner's team's portfolio, kept by triggers from the owners; see its
 * migration). `probe` (the default) checks each account it meets with one primary-key lookup:
 * right for one account by id, and for walking an index of accounts when the actor sees many
 * accounts it passes. `portfolio` reads the actor's account ids first. `walk`: the query reads
 * `portfolio_accounts` itself under the accounts alias (its rows carry every column a list filters
 * and sorts on), so a list walks the portfolio in page order and counts it without reading an
 * account. All three mean exactly the same set; only the plan differs.
 * The probe's `limit 1 offset 0` (valid on both) keeps SQLite from turning it into a join with a
 * Bloom filter, and PostgreSQL from a join or hashed subplan: each reads the whole portfolio first.
 */
export type ScopeDrive = 'probe' | 'portfolio' | 'walk';

/** Whose portfolio the actor sees: their team's (team scope) or their own. */
export const holderOf = (actor: Actor): string => (actor.scope === 'team' && actor.teamId ? actor.teamId : actor.id);

/**
 * The portfolio as SQL: the live accounts the actor may see. Every query that reads accounts,
 * or anything hanging off them, filters through this, so lists, counts and details agree.
 * `alias` names the accounts table in the query (contacts join it twice).
 */
export function accountScope(actor: Actor, alias = 'accounts', drive: ScopeDrive = 'probe'): RawBuilder<SqlBool> {
  const live = sql<SqlBool>`${sql.ref(`${alias}.discarded_at`)} is null`;
  if (seesAllAccounts(actor)) return live;
  const holder = holderOf(actor);
  // A portfolio holds live accounts only.
  if (drive === 'walk') return sql<SqlBool>`${sql.ref(`${alias}.holder_id`)} = ${holder}`;
  const accountId = sql.ref(`${alias}.id`);
  const owned = drive === 'portfolio'
    ? sql`${accountId} in (select pa.id from portfolio_accounts pa where pa.holder_id = ${holder})`
    : sql`exists (select 1 from portfolio_accounts pa where pa.holder_id = ${holder} and pa.id = ${accountId} limit 1 offset 0)`;
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
