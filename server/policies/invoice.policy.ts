import type { RawBuilder, SqlBool } from 'kysely';
import type { Actor } from './actor';
import { organizationWorkScope } from './organization-work';

export type InvoiceAction = 'read' | 'create' | 'update' | 'pay' | 'export' | 'import' | 'deliver';

/**
 * The invoices the actor may see, as a condition on an invoices table under `alias`: exactly those
 * whose organization they see. Every list, count, sum, export, page and credit signal goes through this.
 */
export const invoiceScope = (actor: Actor, alias = 'invoices'): RawBuilder<SqlBool> => organizationWorkScope(actor, alias);

/** Invoices follow their organization: whoever sees it (invoiceScope decides, in SQL) works its invoices. */
export function canInvoice(actor: Actor, action: InvoiceAction): boolean {
  switch (action) {
    case 'read':
    case 'create':
    case 'update':
    case 'pay':
    case 'export':
    case 'import':
    case 'deliver':
      return actor.role === 'admin' || actor.role === 'manager' || actor.role === 'agent';
  }
}
