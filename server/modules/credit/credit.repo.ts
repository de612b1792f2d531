import { sql, type Insertable, type Selectable, type SqlBool } from 'kysely';
import type { Db } from '@server/db/database';
import type { AccountCreditTable, CreditEventsTable } from '@server/db/registry-tables';

export type CreditRow = Selectable<AccountCreditTable>;
export type CreditEventRow = Selectable<CreditEventsTable>;

/** An account the check looks at: what identifies it in a register, and its current risk. */
export type WatchedAccount = {
  id: string;
  name: string;
  country: string | null;
  tax_id: string | null;
  monitoring: string | null;
  risk_level: string | null;
  signals: string | null;
  changed_at: string | null;
};

/** Watched: monitoring turned on, or a customer whose monitoring was not turned off (seed 003). */
const watched = sql<SqlBool>`(c.monitoring = 'on' or (a.stage = 'customer' and (c.monitoring is null or c.monitoring <> 'off')))`;

const watchedColumns = ['a.id', 'a.name', 'a.country', 'a.tax_id', 'c.monitoring', 'c.risk_level', 'c.signals', 'c.changed_at'] as const;

/** The next page of watched live organizations, by id. */
export function watchedAccountsAfter(db: Db, afterId: string, limit: number): Promise<WatchedAccount[]> {
  return db
    .selectFrom('accounts as a')
    .leftJoin('account_credit as c', 'c.account_id', 'a.id')
    .select(watchedColumns)
    .where('a.discarded_at', 'is', null)
    .where('a.kind', '=', 'organization')
    .where('a.id', '>', afterId)
    .where(watched)
    .orderBy('a.id')
    .limit(limit)
    .execute();
}

/** These live organizations, watched or not (a check asked for by hand). */
export function accountsToCheck(db: Db, ids: string[]): Promise<WatchedAccount[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('accounts as a')
    .leftJoin('account_credit as c', 'c.account_id', 'a.id')
    .select(watchedColumns)
    .where('a.discarded_at', 'is', null)
    .where('a.kind', '=', 'organization')
    .where('a.id', 'in', ids)
    .orderBy('a.id')
    .execute();
}

/** Watched live organizations registered under these numbers in this country (the change feed's companies). */
export async function watchedAccountsWithNumbers(db: Db, country: string, numbers: string[]): Promise<WatchedAccount[]> {
  if (numbers.length === 0) return [];
  const linked = db.selectFrom('account_registry_links').select('account_id').where('country', '=', country).where('kind', '=', 'company').where('number', 'in', numbers);
  return db
    .selectFrom('accounts as a')
    .leftJoin('account_credit as c', 'c.account_id', 'a.id')
    .select(watchedColumns)
    .where('a.discarded_at', 'is', null)
    .where('a.kind', '=', 'organization')
    .where(watched)
    .where((eb) => eb.or([eb('a.id', 'in', linked), eb.and([eb('a.country', '=', country), eb('a.tax_id_norm', 'in', numbers)])]))
    .orderBy('a.id')
    .execute();
}

/** Each account's latest register entry (the company it was created from). */
export async function companyLinksOf(db: Db, accountIds: string[]): Promise<Map<string, { country: string; number: string }>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('account_registry_links')
    .select(['account_id', 'country', 'number', 'created_at'])
    .where('account_id', 'in', accountIds)
    .where('kind', '=', 'company')
    .orderBy('created_at')
    .execute();
  return new Map(rows.map((row) => [row.account_id, { country: row.country, number: row.number }]));
}

export const creditOf = (db: Db, accountId: string): Promise<CreditRow | undefined> =>
  db.selectFrom('account_credit').selectAll().where('account_id', '=', accountId).executeTakeFirst();

/** Records a check's outcome; the monitoring choice is left as it is (a user may change it meanwhile). */
export async function saveCheck(db: Db, row: Omit<CreditRow, 'monitoring'>): Promise<void> {
  await db.insertInto('account_credit').values({ ...row, monitoring: null }).onConflict((oc) => oc.column('account_id').doUpdateSet({
    risk_level: row.risk_level, signals: row.signals, checked_at: row.checked_at, changed_at: row.changed_at, check_error: row.check_error, updated_at: row.updated_at,
  })).execute();
}

/** Sets how an account is watched ('on', 'off', or null for automatic); its risk is left as it is. */
export async function saveMonitoring(db: Db, accountId: string, monitoring: string | null, at: string): Promise<void> {
  await db.insertInto('account_credit').values({
    account_id: accountId, monitoring, risk_level: 'unknown', signals: '[]', checked_at: null, changed_at: null, check_error: null, updated_at: at,
  }).onConflict((oc) => oc.column('account_id').doUpdateSet({ monitoring, updated_at: at })).execute();
}

export async function insertCreditEvent(db: Db, row: Insertable<CreditEventsTable>): Promise<void> {
  await db.insertInto('credit_events').values(row).execute();
}

export const creditEventsOf = (db: Db, accountId: string, limit: number): Promise<CreditEventRow[]> =>
  db.selectFrom('credit_events').selectAll().where('account_id', '=', accountId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();

/** The account's owners (who hear of a change). */
export async function ownerIdsOf(db: Db, accountId: string): Promise<string[]> {
  const rows = await db.selectFrom('account_owners').select('user_id').where('account_id', '=', accountId).execute();
  return rows.map((row) => row.user_id);
}
