import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '@server/db/database';
import { visibleAccounts } from '@server/db/portfolio';
import { timedCache } from '@server/db/timed-cache';
import { countCapped } from '@server/lib/list';
import type { AccountScope } from '@server/policies';
import { sizeCaps } from './costs';

/**
 * How a query finds the scope's accounts; all three mean the same set. `probe` checks each
 * account it meets with one lookup by key (right for walking an index of accounts when the actor
 * sees many of those it passes); `portfolio` reads the portfolio's ids first; `walk` reads
 * portfolio_accounts itself under the accounts alias (its rows carry the columns a list filters
 * and sorts on), in page order, and counts it without reading an account.
 */
export type ScopeDrive = 'probe' | 'portfolio' | 'walk';

/** The scope as a condition on `alias`, in the form the drive reads it. */
export function scopeCondition(scope: AccountScope, alias: string, drive: ScopeDrive): RawBuilder<SqlBool> {
  if (scope.sees === 'all' || drive === 'probe') return visibleAccounts(scope, alias);
  // A portfolio holds live accounts only.
  if (drive === 'walk') return sql<SqlBool>`${sql.ref(`${alias}.holder_id`)} = ${scope.holder}`;
  return sql<SqlBool>`(${sql.ref(`${alias}.discarded_at`)} is null and ${sql.ref(`${alias}.id`)} in (select pa.id from portfolio_accounts pa where pa.holder_id = ${scope.holder}))`;
}

/** The rows of one portfolio: its live accounts, one row each. */
export const portfolioRows = (db: Db, holder: string) => db.selectFrom('portfolio_accounts').where('portfolio_accounts.holder_id', '=', holder);

/** Portfolio sizes by holder, trusted a minute: a size only weighs plans (a stale one may pick a slower plan, never other rows). */
const portfolioSizes = timedCache<number | null>(60_000);

/** The scope's live accounts up to sizeCaps.count (null past it, or for a scope of every account), counted at most once a minute. */
export async function portfolioSize(db: Db, scope: AccountScope): Promise<number | null> {
  if (scope.sees === 'all') return null;
  const known = portfolioSizes.get(db, scope.holder);
  if (known !== undefined) return known;
  const { total, totalIsEstimate } = await countCapped(db, portfolioRows(db, scope.holder), sizeCaps.count);
  const size = totalIsEstimate ? null : total;
  portfolioSizes.set(db, scope.holder, size);
  return size;
}
