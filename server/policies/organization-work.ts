import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { accountScopeOf } from './account.policy';
import type { Actor } from './actor';

/**
 * Work that belongs to an organization (opportunities, projects) and is visible exactly when that
 * organization is (the portfolio rule), as a condition on its table under `alias`, which carries
 * `organization_id` and a trigger-kept copy of the organization's `organization_discarded_at`.
 * Whoever sees every account reads that copy (no lookup per row); an agent's rows are those of the
 * organizations in their portfolio (which holds live accounts only), read as a set.
 */
export function organizationWorkScope(actor: Actor, alias: string): RawBuilder<SqlBool> {
  const live = sql<SqlBool>`${sql.ref(`${alias}.organization_discarded_at`)} is null`;
  const scope = accountScopeOf(actor);
  if (scope.sees === 'all') return live;
  return sql<SqlBool>`(${live} and ${sql.ref(`${alias}.organization_id`)} in (select pa.id from portfolio_accounts pa where pa.holder_id = ${scope.holder}))`;
}
