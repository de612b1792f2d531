import type { Actor } from './actor';

export type DocumentAction = 'read' | 'upload' | 'delete';

/**
 * Documents follow their account: whoever sees the account (accountScope decides, in SQL) may
 * read its documents, add to them and remove them, as they may edit the account itself.
 */
export function canDocument(actor: Actor, action: DocumentAction): boolean {
  switch (action) {
    case 'read':
    case 'upload':
    case 'delete':
      return actor.role === 'admin' || actor.role === 'manager' || actor.role === 'agent';
  }
}
