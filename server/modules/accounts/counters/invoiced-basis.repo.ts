import { sql } from 'kysely';
import { isPostgres, type Db } from '@server/db/database';

// accounts.invoiced_this_year holds each account's issued invoices of one year in one currency,
// the basis (account_counter_basis): this year, in the base currency of the quotes' settings.
// Triggers add to it as invoices change (2026-12-12T1100-account-counters); when the year turns or
// the base currency changes, the basis moves and the column is recounted from account_invoiced.

export type Basis = { year: string; currency: string };

/** The basis the column holds now, and whether every account has been recounted to it. */
export const currentBasis = (db: Db): Promise<Basis & { recounted_at: string | null }> =>
  db.selectFrom('account_counter_basis').select(['year', 'currency', 'recounted_at']).where('id', '=', 'default').executeTakeFirstOrThrow();

/** Whether a job of this kind waits or runs. */
export async function jobPending(db: Db, kind: string): Promise<boolean> {
  const row = await db.selectFrom('jobs').select('id').where('kind', '=', kind).where('status', 'in', ['queued', 'running']).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The basis the column should hold at `now`: that year, the base currency. */
export async function wantedBasis(db: Db, now: Date): Promise<Basis> {
  const settings = await db.selectFrom('quote_settings').select('base_currency').where('id', '=', 'default').executeTakeFirst();
  return { year: String(now.getUTCFullYear()), currency: settings?.base_currency ?? 'EUR' };
}

/** Moves the basis: from here on the triggers add invoices of this year and currency; marked recounted once every account is. */
export async function moveBasis(db: Db, basis: Basis): Promise<void> {
  await db.updateTable('account_counter_basis').set({ ...basis, recounted_at: null }).where('id', '=', 'default').execute();
}

export async function markRecounted(db: Db, basis: Basis, at: string): Promise<void> {
  await db.updateTable('account_counter_basis').set({ recounted_at: at }).where('id', '=', 'default').where('year', '=', basis.year).where('currency', '=', basis.currency).execute();
}

/** Ids of accounts after `after`, in id order: the recount's next batch. */
export async function accountIdsAfter(db: Db, after: string, size: number): Promise<string[]> {
  const rows = await db.selectFrom('accounts').select('id').where('id', '>', after).orderBy('id').limit(size).execute();
  return rows.map((row) => row.id);
}

/**
 * Sets the column of these accounts to their sum of the basis, in the caller's transaction. On
 * PostgreSQL invoices' writes wait for it meanwhile (a share lock on the sums), and it waits for
 * those under way: a trigger's addition made while the sum was read would otherwise be lost.
 */
export async function recountInvoiced(trx: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  if (isPostgres(trx)) await sql`lock table account_invoiced in share mode`.execute(trx);
  const sum = sql<number>`coalesce((select m.amount from account_invoiced m join account_counter_basis b on b.year = m.year and b.currency = m.currency
    where m.account_id = accounts.id), 0)`;
  const result = await sql`update accounts set invoiced_this_year = ${sum} where id in (${sql.join(ids)}) and invoiced_this_year <> ${sum}`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}
