import type { RawBuilder, SqlBool } from 'kysely';
import { visibleAccounts } from '@server/db/portfolio';
import { isAdmin, seesAllAccounts, seesPrivateActivities, type Actor } from './actor';

export type AccountAction = 'read' | 'create' | 'update' | 'discard' | 'changeOwners';
export type BinAction = 'list' | 'restore' | 'purge';

/**
 * Whom the actor sees: every live account, or the live accounts of one portfolio, named by its
 * holder (the actor with scope `own`, their team with scope `team`). How a query reads it is the
 * database's business (see server/db/portfolio.ts and the accounts list engine).
 */
export type AccountScope = ({ sees: 'all' } | { sees: 'portfolio'; holder: string }) & { privateTasks: PrivateTasks };

/**
 * Whose private tasks count in what the actor sees of an account (its open-tasks counter): all of
 * them, or only those the actor is responsible for (see activityPrivacy).
 */
export type PrivateTasks = 'all' | { of: string };

export function accountScopeOf(actor: Actor): AccountScope {
  const privateTasks: PrivateTasks = seesPrivateActivities(actor) ? 'all' : { of: actor.id };
  if (seesAllAccounts(actor)) return { sees: 'all', privateTasks };
  return { sees: 'portfolio', holder: actor.scope === 'team' && actor.teamId ? actor.teamId : actor.id, privateTasks };
}

/**
 * The actor's scope as a condition on an accounts table under `alias`: every read of accounts,
 * or of anything hanging off them, filters through it, so lists, counts and details agree.
 */
export const accountScope = (actor: Actor, alias = 'accounts'): RawBuilder<SqlBool> => visibleAccounts(accountScopeOf(actor), alias);

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
