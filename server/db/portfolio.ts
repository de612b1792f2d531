import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { PortfolioDrive } from '@server/lib/portfolio-drive';
import type { AccountScope } from '@server/policies/account.policy';

// `portfolio_accounts` holds one row per live account in each portfolio that holds it (its
// owners', and its owners' teams'), kept by triggers from the owners (see its migration).

/**
 * Whether portfolio `holder` holds the account `accountId` names: one lookup by key. `limit 1
 * offset 0` keeps SQLite from turning the test into a join with a Bloom filter and PostgreSQL
 * from a join or hashed subplan, each of which reads the whole portfolio first.
 */
export const portfolioHolds = (holder: string, accountId: RawBuilder<unknown>): RawBuilder<SqlBool> =>
  sql<SqlBool>`exists (select 1 from portfolio_accounts pa where pa.holder_id = ${holder} and pa.id = ${accountId} limit 1 offset 0)`;

/**
 * Records hanging off accounts (activities, requests, quotes) whose account `accountId` names is
 * in portfolio `holder`, read the `drive` way (see pageDriveFor): checked row by row as an index
 * walk meets them, or read from the portfolio's accounts. A portfolio holds live accounts only.
 */
export const portfolioReach = (holder: string, drive: PortfolioDrive, accountId: RawBuilder<unknown>): RawBuilder<SqlBool> =>
  drive === 'probe' ? portfolioHolds(holder, accountId) : sql<SqlBool>`${accountId} in (select pa.id from portfolio_accounts pa where pa.holder_id = ${holder})`;

/** The live accounts of a scope, as a condition on an accounts table under `alias`, checked account by account. */
export function visibleAccounts(scope: AccountScope, alias: string): RawBuilder<SqlBool> {
  const live = sql<SqlBool>`${sql.ref(`${alias}.discarded_at`)} is null`;
  if (scope.sees === 'all') return live;
  return sql<SqlBool>`(${live} and ${portfolioHolds(scope.holder, sql.ref(`${alias}.id`))})`;
}
