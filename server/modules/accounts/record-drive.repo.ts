import type { Db } from '@server/db/database';
import { estimatedRows } from '@server/db/statistics';
import { pageDriveFor, type PortfolioDrive } from '@server/lib/portfolio-drive';
import type { AccountScope } from '@server/policies';
import { portfolioSize } from './account-list';

/**
 * How a page of records hanging off accounts (activities, requests, quotes) reads a scope: its
 * portfolio's size against every account's (see pageDriveFor). Counts start from the portfolio
 * whatever this says, as they stop at the cap.
 */
export async function recordPageDrive(db: Db, scope: AccountScope): Promise<PortfolioDrive> {
  return pageDriveFor(await portfolioSize(db, scope), await estimatedRows(db, 'accounts'));
}
