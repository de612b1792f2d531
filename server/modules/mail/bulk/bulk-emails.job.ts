import { emailBulkSelectionSchema, type EmailBulkCounts } from '@contract/emails';
import { z } from 'zod';
import type { ActivityRow, Db } from '@server/db/database';
import type { EmailBulkRow } from '@server/db/mail-tables';
import { newId, newToken } from '@server/lib/ids';
import { insertMany } from '@server/lib/insert-many';
import { parseJsonColumn } from '@server/lib/json';
import { nowIso } from '@server/lib/time';
import type { JobContext, JobHandler } from '@server/jobs/job-context';
import { actorById } from '@server/modules/auth/auth.service';
import { writeAudits } from '@server/modules/audit/audit.repo';
import type { Actor } from '@server/policies';
import type { NewMessage } from '../outbox.repo';
import { bulkContentOf } from '../outgoing';
import { suppressionsOf } from '../suppressions.repo';
import { emptyCounts, screenPage, type Accepted } from './bulk-screen';
import { recipientsOf, type RecipientPage } from './recipient-source';

const payloadSchema = z.object({ bulkId: z.string() });

/** Rows waiting for their transaction: activities and messages of the pages read so far, and how many records they cover. */
type Batch = { activities: ActivityRow[]; messages: NewMessage[]; done: number };

// A transaction takes what was read while the previous one ran, up to this many recipients
// (memory stays bounded when the database is the slower side).
const maxBatch = 10_000;

function rowsOf(bulk: EmailBulkRow, author: Actor, accepted: Accepted[], batch: Batch): void {
  const now = nowIso();
  for (const item of accepted) {
    const activityId = newId();
    batch.activities.push({
      id: activityId, account_id: item.recipient.accountId, request_id: null, type: 'email', status: 'done', subject: item.subject,
      start_at: now, end_at: null, due_at: now, responsible_id: author.id, opportunity_id: null, result: null, notes: null, is_private: false,
      remind_at: null, reminded_at: null, done_at: now, created_at: now, updated_at: now, created_by: author.id, updated_by: author.id, version: 1,
      campaign_id: bulk.campaign_id,
    });
    batch.messages.push({
      id: newId(), kind: 'bulk', account_id: item.recipient.accountId, activity_id: activityId, contact_id: item.recipient.contactId, bulk_id: bulk.id,
      author_id: author.id, language: item.language, to_list: JSON.stringify([{ address: item.recipient.address, name: item.recipient.name }]),
      cc_list: '[]', bcc_list: '[]', address_norm: item.recipient.address, subject: null, html: null, merge_values: JSON.stringify(item.values),
      attachments: '[]', token: newToken(), track_opens: bulk.track_opens, status: 'queued', attempts: 0, next_attempt_at: now,
      claimed_by: null, claimed_at: null, sent_at: null, smtp_message_id: null, last_response: null, opened_at: null, created_at: now, updated_at: now,
      campaign_id: bulk.campaign_id,
    });
  }
}

/** Writes one at a time, in order, while the caller reads on; a failed write fails the next call. */
class SerialWriter {
  private running: Promise<void> | null = null;
  private failure: { error: unknown } | null = null;

  get busy(): boolean {
    return this.running !== null;
  }

  start(write: () => Promise<void>): void {
    this.rethrow();
    const running: Promise<void> = write().finally(() => {
      if (this.running === running) this.running = null;
    });
    running.catch((error: unknown) => { this.failure ??= { error }; });
    this.running = running;
  }

  async wait(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
    this.rethrow();
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }
}

/** One transaction: the batch's activities with their history rows, its messages, and the job's checkpoint. */
async function writeBatch(ctx: JobContext, authorId: string, batch: Batch): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await insertMany(trx, 'activities', batch.activities);
    await writeAudits(trx, batch.activities.map((activity) => ({
      actorId: authorId, entity: 'activity', entityId: activity.id, accountId: activity.account_id, action: 'activity_logged',
      changes: [{ field: 'type', before: null, after: 'email' }, { field: 'subject', before: null, after: activity.subject }, { field: 'status', before: null, after: 'done' }],
    })));
    await insertMany(trx, 'email_messages', batch.messages);
    await ctx.checkpoint(trx, batch.done);
  });
}

/** A page's recipients less those this send already queued: only a resumed job (a later attempt) can meet them. */
async function unqueued(db: Db, bulkId: string, page: RecipientPage, resumed: boolean): Promise<{ fresh: RecipientPage; already: string[] }> {
  if (!resumed || page.recipients.length === 0) return { fresh: page, already: [] };
  const addresses = page.recipients.map((recipient) => recipient.address.toLowerCase());
  const queued = await db.selectFrom('email_messages').select('address_norm').where('bulk_id', '=', bulkId).where('address_norm', 'in', addresses).execute();
  const already = new Set(queued.flatMap((row) => (row.address_norm ? [row.address_norm] : [])));
  return { fresh: { ...page, recipients: page.recipients.filter((recipient) => !already.has(recipient.address.toLowerCase())) }, already: [...already] };
}

/**
 * Enqueues a bulk send: for each recipient an e-mail activity on the selected record's timeline
 * (with its history row) and an outbox message, written with the job's checkpoint in one
 * transaction. Reading and screening the next pages goes on while a transaction runs (the
 * database and this process work side by side), and each transaction takes everything read
 * meanwhile: few large commits when the database is the bottleneck. A resumed job meets the
 * addresses it already queued (unique per send) and counts them instead of queueing them twice.
 * Nothing is sent here.
 */
async function run(ctx: JobContext): Promise<EmailBulkCounts> {
  const payload = parseJsonColumn(ctx.job.payload, payloadSchema, null);
  const bulk = payload ? await ctx.db.selectFrom('email_bulks').selectAll().where('id', '=', payload.bulkId).executeTakeFirst() : undefined;
  if (!bulk || !bulk.author_id) throw new Error('bulk e-mail job without its bulk or author');
  // The author's portfolio as it is now: an account that left it since the request is not mailed.
  const author = await actorById(ctx.db, bulk.author_id);
  const selection = parseJsonColumn(bulk.selection, emailBulkSelectionSchema, { ids: [] });
  const content = bulkContentOf(bulk.content);
  const counts = emptyCounts();
  const seen = new Set<string>();
  const unresolved = new Set<string>();
  const writer = new SerialWriter();
  let batch: Batch = { activities: [], messages: [], done: 0 };
  let flushed = 0;
  const flush = () => {
    const taken = batch;
    flushed = taken.done;
    batch = { activities: [], messages: [], done: taken.done };
    writer.start(() => writeBatch(ctx, author.id, taken));
  };
  for await (const page of recipientsOf(ctx.db, author, selection, bulk.include_contacts, 1000).pages()) {
    const { fresh, already } = await unqueued(ctx.db, bulk.id, page, ctx.attempt > 1);
    for (const address of already) seen.add(address);
    counts.recipients += already.length;
    const suppressed = await suppressionsOf(ctx.db, fresh.recipients.map((recipient) => recipient.address.toLowerCase()));
    rowsOf(bulk, author, screenPage(fresh, content, bulk.default_language, seen, suppressed, counts, unresolved), batch);
    batch.done += page.records;
    if (writer.busy && batch.messages.length >= maxBatch) await writer.wait();
    if (!writer.busy) flush();
  }
  await writer.wait();
  if (batch.done > flushed) flush();
  await writer.wait();
  await ctx.db.updateTable('email_bulks').set({ status: 'enqueued', counts: JSON.stringify(counts), finished_at: nowIso() }).where('id', '=', bulk.id).execute();
  return counts;
}

export const bulkEmailsHandler: JobHandler = {
  run,
  onFailed: async (db, job) => {
    const payload = parseJsonColumn(job.payload, payloadSchema, null);
    if (payload) await db.updateTable('email_bulks').set({ status: 'failed', finished_at: nowIso() }).where('id', '=', payload.bulkId).execute();
  },
};
