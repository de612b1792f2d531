import type { RawBuilder, SqlBool } from 'kysely';
import { isAdmin, type Actor } from './actor';
import { organizationWorkScope } from './organization-work';

export type AgreementAction = 'read' | 'create' | 'update' | 'send' | 'sign' | 'export';
export type AgreementTemplateAction = 'read' | 'manage';

/**
 * The agreements the actor may see, as a condition on an agreements table under `alias`: exactly
 * those whose organization they see. Every list, count, export, page and counter of agreements goes through this.
 */
export const agreementScope = (actor: Actor, alias = 'agreements'): RawBuilder<SqlBool> => organizationWorkScope(actor, alias);

/** Agreements follow their organization: whoever sees it (agreementScope decides, in SQL) works its agreements. */
export function canAgreement(actor: Actor, action: AgreementAction): boolean {
  switch (action) {
    case 'read':
    case 'create':
    case 'update':
    case 'send':
    case 'sign':
    case 'export':
      return actor.role === 'admin' || actor.role === 'manager' || actor.role === 'agent';
  }
}

/** Everyone who writes agreements picks a template; writing templates is an admin's. */
export function canAgreementTemplate(actor: Actor, action: AgreementTemplateAction): boolean {
  switch (action) {
    case 'read':
      return actor.role === 'admin' || actor.role === 'manager' || actor.role === 'agent';
    case 'manage':
      return isAdmin(actor);
  }
}
