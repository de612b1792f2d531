import { isAdmin, type Actor } from './actor';

export type ListAction = 'manage';

/** Every user reads lists; only admins add, rename, colour, order or deactivate items. */
export const canList = (actor: Actor, _action: ListAction): boolean => isAdmin(actor);
