import { isAdmin, type Actor } from './actor';

export type RegistryAction = 'search' | 'manage';
export type CreditAction = 'read' | 'setMonitoring' | 'check' | 'checkAll';

/** Every user may ask the registers while creating an account; only admins turn them on, set keys or load Peru's file. */
export function canRegistry(actor: Actor, action: RegistryAction): boolean {
  switch (action) {
    case 'search':
      return actor.role === 'admin' || actor.role === 'manager' || actor.role === 'agent';
    case 'manage':
      return isAdmin(actor);
  }
}

/**
 * Credit monitoring of an account the actor can see (visibility is the portfolio, in SQL): whoever
 * may edit the account may watch it and ask for a check now; only admins re-check every account.
 */
export function canCredit(actor: Actor, action: CreditAction): boolean {
  switch (action) {
    case 'read':
    case 'setMonitoring':
    case 'check':
      return actor.role === 'admin' || actor.role === 'manager' || actor.role === 'agent';
    case 'checkAll':
      return isAdmin(actor);
  }
}
