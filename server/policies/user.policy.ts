import { isAdmin, type Actor } from './actor';

export type UserAction = 'list' | 'create' | 'update' | 'deactivate' | 'resetPassword' | 'manageTeams';

/** User administration is for admins only; every user may read the pickers and edit themselves. */
export const canUser = (actor: Actor, _action: UserAction): boolean => isAdmin(actor);
