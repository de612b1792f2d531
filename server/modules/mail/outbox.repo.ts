import { sql, type SqlBool } from 'kysely';
import { isPostgres, type Db } from '@server/db/database';
import type { EmailMessageRow, EmailMessagesTable, EmailStatus } from '@server/db/mail-tables';
import type { Insertable } from 'kysely';
import { inChunks } from '@server/lib/chunks';
import { nowIso } from '@server/lib/time';
import { keysetPage, type SortPlan } from '@server/lib/list';

export type NewMessage = Insertable<EmailMessagesTable>;

export async function insertMessages(db: Db, rows: NewMessage[]): Promise<void> {
  await inChunks(rows, (chunk) => db.insertInto('email_messages').values(chunk).execute());
}

export const findMessage = (db: Db, id: string): Promise<EmailMessageRow | undefined> =>
  db.selectFrom('email_messages').selectAll().where('id', '=', id).executeTakeFirst();

export const findMessageByToken = (db: Db, token: string): Promise<EmailMessageRow | undefined> =>
  db.selectFrom('email_messages').selectAll().where('token', '=', token).executeTakeFirst();

/**
 * Claims the next due message for `owner` (status queued → sending) unless the messages handed to
 * the server in the last minute already reach `ratePerMinute`. One statement (writers are serialised
 * on SQLite); on PostgreSQL a transaction-scoped advisory lock makes the count and the claim one
 * step across processes, and SKIP LOCKED keeps two processes off the same row.
 */
export async function claimNextMessage(db: Db, owner: string, ratePerMinute: number, now = nowIso()): Promise<EmailMessageRow | undefined> {
  const windowStart = new Date(Date.parse(now) - 60_000).toISOString();
  const claim = async (trx: Db) => {
    const lock = isPostgres(trx) ? sql`for update skip locked` : sql``;
    const next = sql`(select id from email_messages where status = 'queued' and next_attempt_at <= ${now}
      order by next_attempt_at, id limit 1 ${lock})`;
    const underRate = sql<SqlBool>`(select count(*) from email_messages where claimed_at > ${windowStart}) < ${ratePerMinute}`;
    return trx
      .updateTable('email_messages')
      .set((eb) => ({ status: 'sending', claimed_by: owner, claimed_at: now, updated_at: now, attempts: eb('attempts', '+', 1) }))
      .where(sql<SqlBool>`id = ${next}`)
      .where('status', '=', 'queued')
      .where(underRate)
      .returningAll()
      .executeTakeFirst();
  };
  if (!isPostgres(db)) return claim(db);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(72480011)`.execute(trx);
    return claim(trx);
  });
}

/** Settles a claimed message; only the process that holds the claim may (false when it no longer does). */
export async function settleMessage(db: Db, id: string, owner: string, patch: Partial<Pick<EmailMessageRow,
  'status' | 'sent_at' | 'smtp_message_id' | 'last_response' | 'next_attempt_at'>>): Promise<boolean> {
  const result = await db
    .updateTable('email_messages')
    .set({ ...patch, updated_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * A message still 'sending' long after its claim belongs to a process that died mid-conversation:
 * the server may or may not have taken it, so it is never resent by itself (at most once); an
 * admin decides. Answers how many were marked.
 */
export async function markStaleAsUncertain(db: Db, claimedBefore: string): Promise<number> {
  const result = await db
    .updateTable('email_messages')
    .set({ status: 'uncertain', last_response: sql`coalesce(last_response, 'claimed by a process that stopped before the server answered')`, updated_at: nowIso() })
    .where('status', '=', 'sending')
    .where('claimed_at', '<', claimedBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Counts of messages by stored status. */
export async function countByStatus(db: Db, where?: { bulkId: string }): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('email_messages')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .$if(where !== undefined, (query) => query.where('bulk_id', '=', where?.bulkId ?? ''))
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

/** An admin's decision on an uncertain or failed message: send it again, or drop it. */
export async function decideMessage(db: Db, id: string, decision: 'retry' | 'drop'): Promise<boolean> {
  const now = nowIso();
  const result = await db
    .updateTable('email_messages')
    .set(decision === 'retry'
      ? { status: 'queued', next_attempt_at: now, claimed_by: null, claimed_at: null, updated_at: now }
      : { status: 'cancelled', updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['uncertain', 'failed'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const outboxSort: SortPlan = { key: '-createdAt', columns: ['email_messages.created_at', 'email_messages.id'], direction: 'desc' };

/** The outbox for an admin, newest first, optionally of one status. */
export async function listOutbox(db: Db, query: { status?: EmailStatus | 'retrying' | undefined; limit: number; cursor?: string | undefined }) {
  const stored = query.status === 'retrying' || query.status === 'queued' ? undefined : query.status;
  const base = db
    .selectFrom('email_messages')
    .leftJoin('email_bulks', 'email_bulks.id', 'email_messages.bulk_id')
    .$if(query.status === 'retrying', (q) => q.where('email_messages.status', '=', 'queued').where('email_messages.attempts', '>', 0))
    .$if(query.status === 'queued', (q) => q.where('email_messages.status', '=', 'queued').where('email_messages.attempts', '=', 0))
    .$if(stored !== undefined, (q) => q.where('email_messages.status', '=', stored ?? 'sent'));
  const rows = base.selectAll('email_messages').select('email_bulks.content as bulk_content');
  return keysetPage(db, base, rows, outboxSort, query, (row) => [row.created_at, row.id]);
}

/** Records a tracked message's first open (the time only). */
export async function markOpened(db: Db, token: string): Promise<void> {
  await db.updateTable('email_messages').set({ opened_at: nowIso() }).where('token', '=', token).where('track_opens', '=', true).where('opened_at', 'is', null).execute();
}
