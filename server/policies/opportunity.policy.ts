import type { RawBuilder, SqlBool } from 'kysely';
import { isAdmin, type Actor } from './actor';
import { organizationWorkScope } from './organization-work';

export type OpportunityAction = 'read' | 'create' | 'update' | 'export' | 'bulk';
export type PipelineAction = 'manage';

/**
 * The opportunities the actor may see, as a condition on an opportunities table under `alias`:
 * exactly those whose organization they see (see organizationWorkScope). Every list, board,
 * count, export and page of opportunities goes through this.
 */
export const opportunityScope = (actor: Actor, alias = 'opportunities'): RawBuilder<SqlBool> => organizationWorkScope(actor, alias);

/**
 * Opportunities follow their organization: whoever sees it (opportunityScope decides, in SQL)
 * works its opportunities, as they work its activities (seed 001: the agent manages them).
 */
export function canOpportunity(actor: Actor, action: OpportunityAction): boolean {
  switch (action) {
    case 'read':
    case 'create':
    case 'update':
    case 'export':
    case 'bulk':
      return actor.role === 'admin' || actor.role === 'manager' || actor.role === 'agent';
  }
}

/** The pipeline's settings (stale days) are an admin's, like its stages (the lists). */
export const canPipeline = (actor: Actor, _action: PipelineAction): boolean => isAdmin(actor);
