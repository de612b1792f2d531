import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { portfolioHolds } from '@server/db/portfolio';
import { accountScopeOf } from './account.policy';
import type { Actor } from './actor';

export type CampaignAction = 'read' | 'create' | 'update' | 'manageMembers' | 'workMembers' | 'export';

/**
 * How a member list reads the actor's portfolio: `probe` checks each member it meets with one
 * lookup by key (walking a campaign's index in page order); `portfolio` reads the portfolio's
 * ids first (when it is smaller than the campaign). Both mean the same set.
 */
export type MemberDrive = 'probe' | 'portfolio';

/**
 * The campaign members the actor may see, as a condition on a campaign_members table under
 * `alias`: exactly those whose account they see. The account's liveness is copied onto the
 * member (no lookup per row); an agent's members are those of the accounts in their portfolio.
 * Every member list, count, export and page goes through this.
 */
export function memberScope(actor: Actor, alias = 'campaign_members', drive: MemberDrive = 'probe'): RawBuilder<SqlBool> {
  const live = sql<SqlBool>`${sql.ref(`${alias}.account_discarded_at`)} is null`;
  const scope = accountScopeOf(actor);
  if (scope.sees === 'all') return live;
  if (drive === 'probe') return sql<SqlBool>`(${live} and ${portfolioHolds(scope.holder, sql.ref(`${alias}.account_id`))})`;
  return sql<SqlBool>`(${live} and ${sql.ref(`${alias}.account_id`)} in (select pa.id from portfolio_accounts pa where pa.holder_id = ${scope.holder}))`;
}

/** Campaigns are the whole team's: everyone reads them and works the members they see. */
const everyone = (actor: Actor): boolean => actor.role === 'admin' || actor.role === 'manager' || actor.role === 'agent';
const runsCampaigns = (actor: Actor): boolean => actor.role === 'admin' || actor.role === 'manager';

/**
 * Admins and managers create and edit campaigns and their membership; an agent does so only for a
 * campaign they are responsible for (`responsible`). Working a member (status, note, activities)
 * is for whoever sees its account, as with any account's work.
 */
export function canCampaign(actor: Actor, action: CampaignAction, responsible = false): boolean {
  switch (action) {
    case 'read':
    case 'workMembers':
    case 'export':
      return everyone(actor);
    case 'create':
      return runsCampaigns(actor);
    case 'update':
    case 'manageMembers':
      return runsCampaigns(actor) || (everyone(actor) && responsible);
  }
}
