import type { Language } from '@contract/common';
import type { Role, Scope } from '@contract/users';

/** Who is asking: everything a policy needs to decide, loaded with the session. */
export type Actor = {
  id: string;
  name: string;
  email: string;
  role: Role;
  scope: Scope;
  teamId: string | null;
  crmManager: boolean;
  language: Language;
};

export const isAdmin = (actor: Actor): boolean => actor.role === 'admin';

/** Admins, managers and agents with scope `all` see every account. */
export const seesAllAccounts = (actor: Actor): boolean =>
  actor.role === 'admin' || actor.role === 'manager' || actor.scope === 'all';

/**
 * The actor as a cache key for SQL built from their policies (portfolio, privacy): all of it, so
 * a query built for one actor is only ever reused for an equal one, whatever a policy reads.
 */
export const actorKey = (actor: Actor): string => JSON.stringify(actor);

/** Admins and CRM managers see private activities (seed 002's "Responsable CRM"). */
export const seesPrivateActivities = (actor: Actor): boolean => isAdmin(actor) || actor.crmManager;
