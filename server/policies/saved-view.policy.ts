import type { Actor } from './actor';

export type SavedViewAction = 'create' | 'update' | 'delete';
type ViewRef = { ownerId: string; shared: boolean };

/**
 * Everyone saves views of their own. A view belongs to its owner: only they rename, change or
 * delete it. Admins may also delete a shared view (it shows in everyone's picker, so someone
 * must be able to tidy up after a user who left).
 */
export function canSavedView(actor: Actor, action: SavedViewAction, view?: ViewRef): boolean {
  if (action === 'create') return true;
  if (!view) return false;
  if (view.ownerId === actor.id) return true;
  return action === 'delete' && view.shared && actor.role === 'admin';
}
