import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { portfolioHolds } from '@server/db/portfolio';
import type { PortfolioDrive } from '@server/lib/portfolio-drive';
import { accountScopeOf } from './account.policy';
import { isAdmin, type Actor } from './actor';

export type OpportunityAction = 'read' | 'create' | 'update' | 'export' | 'bulk';
export type PipelineAction = 'manage';

/**
 * The opportunities the actor may see, as a condition on an opportunities table under `alias`:
 * exactly those whose organization they see (the portfolio rule, as organizationWorkScope words
 * it for all work on organizations). Whoever sees every account reads the trigger-kept copy of the
 * organization's discard (no lookup per row). An agent's portfolio is read the `drive` way (see
 * pageDriveFor): as the set of its organizations, whose opportunities opportunities_portfolio_idx
 * holds with everything a board or list reads; or checked card by card, by key, as a walk of the
 * live cards' indexes meets them. The set is of the portfolio's organizations only: opportunities
 * hang off organizations (creation refuses another kind, merges join accounts of one kind, and a
 * kind never changes), and a portfolio is mostly people (a team's 50,000 accounts hold 10,000
 * organizations: a fifth of the lookups). Every list, board, count, export and page of
 * opportunities goes through this.
 */
export function opportunityScope(actor: Actor, alias = 'opportunities', drive: PortfolioDrive = 'portfolio'): RawBuilder<SqlBool> {
  const live = sql<SqlBool>`${sql.ref(`${alias}.organization_discarded_at`)} is null`;
  const scope = accountScopeOf(actor);
  if (scope.sees === 'all') return live;
  const organization = sql.ref(`${alias}.organization_id`);
  if (drive === 'probe') return sql<SqlBool>`(${live} and ${portfolioHolds(scope.holder, organization)})`;
  return sql<SqlBool>`(${live} and ${organization} in (select pa.id from portfolio_accounts pa where pa.holder_id = ${scope.holder} and pa.kind = 'organization'))`;
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
