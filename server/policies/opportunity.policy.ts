import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { accountScopeOf } from './account.policy';
import { isAdmin, type Actor } from './actor';

export type OpportunityAction = 'read' | 'create' | 'update' | 'export' | 'bulk';
export type PipelineAction = 'manage';

/**
 * The opportunities the actor may see, as a condition on an opportunities table under `alias`:
 * exactly those whose organization they see (the portfolio rule). Everyone who sees every account
 * reads the organization's liveness copied onto the opportunity (no lookup per row); an agent's
 * opportunities are those of the organizations in their portfolio, which holds live accounts only,
 * read as a set so a board or list starts from the portfolio instead of checking every opportunity.
 * Every list, board, count, export and page of opportunities goes through this.
 */
export function opportunityScope(actor: Actor, alias = 'opportunities'): RawBuilder<SqlBool> {
  const live = sql<SqlBool>`${sql.ref(`${alias}.organization_discarded_at`)} is null`;
  const scope = accountScopeOf(actor);
  if (scope.sees === 'all') return live;
  return sql<SqlBool>`(${live} and ${sql.ref(`${alias}.organization_id`)} in (select pa.id from portfolio_accounts pa where pa.holder_id = ${scope.holder}))`;
}

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
