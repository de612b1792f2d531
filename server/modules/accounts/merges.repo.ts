import type { Db } from '@server/db/database';

/** The accounts whose history is this account's: itself (and, once merged, the accounts merged into it). */
export async function historyAccountIds(_db: Db, accountId: string): Promise<string[]> {
  return [accountId];
}
