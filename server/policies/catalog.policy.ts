import { isAdmin, type Actor } from './actor';

export type ProductAction = 'read' | 'manage' | 'export' | 'import';
export type TaxRateAction = 'manage';

/**
 * The catalog is the company's, not a portfolio's: everyone signed in reads it (quote lines are
 * picked from it); admins and managers keep it (prices are not an agent's to change).
 */
export function canProduct(actor: Actor, action: ProductAction): boolean {
  switch (action) {
    case 'read':
    case 'export':
      return true;
    case 'manage':
    case 'import':
      return actor.role === 'admin' || actor.role === 'manager';
  }
}

/** Tax rates are configuration, like every list: admins only. */
export const canTaxRate = (actor: Actor, _action: TaxRateAction): boolean => isAdmin(actor);
