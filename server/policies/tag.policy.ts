import type { Actor } from './actor';

export type TagAction = 'read' | 'create' | 'update' | 'delete';

/**
 * Tags are a shared vocabulary (seed 001: anyone segments their people with them).
 * - Every user reads tags and creates new ones: adding a word harms nobody, and agents tag
 *   their own accounts as they work. Assigning a tag is editing an account, so it follows the
 *   account's own rule (and its portfolio).
 * - Renaming, recolouring and deleting change or remove the segmentation of accounts the actor
 *   may not even see (a deleted tag leaves every account in the company), so only admins and
 *   managers, who see every account, may do it.
 */
export function canTag(actor: Actor, action: TagAction): boolean {
  switch (action) {
    case 'read':
    case 'create':
      return true;
    case 'update':
    case 'delete':
      return actor.role === 'admin' || actor.role === 'manager';
  }
}
