import { emailBulkSelectionSchema, type EmailBulkCounts } from '@contract/emails';
import { z } from 'zod';
import type { ActivityRow } from '@server/db/database';
import { newId, newToken } from '@server/lib/ids';
import { parseJsonColumn } from '@server/lib/json';
import { nowIso } from '@server/lib/time';
import type { JobContext, JobHandler } from '@server/jobs/job-context';
import { actorById } from '@server/modules/auth/auth.service';
import { insertActivitiesBulk } from '../bulk-activities.repo';
import { writeAudits } from '@server/modules/audit/audit.repo';
import { insertMessages, type NewMessage } from '../outbox.repo';
import { bulkContentOf } from '../outgoing';
import { suppressionsOf } from '../suppressions.repo';
import { emptyCounts, screenPage } from './bulk-screen';
import { accountRecipients } from './recipient-source';

const payloadSchema = z.object({ bulkId: z.string() });

/**
 * Enqueues a bulk send, page by page: for each recipient an e-mail activity on the selected
 * record's timeline (with its history row) and an outbox message, written with the job's
 * checkpoint in one transaction. A resumed job meets the addresses it already queued (unique per
 * send) and counts them instead of queueing them twice. Nothing is sent here.
 */
async function run(ctx: JobContext): Promise<EmailBulkCounts> {
  const payload = parseJsonColumn(ctx.job.payload, payloadSchema, null);
  const bulk = payload ? await ctx.db.selectFrom('email_bulks').selectAll().where('id', '=', payload.bulkId).executeTakeFirst() : undefined;
  if (!bulk || !bulk.author_id) throw new Error('bulk e-mail job without its bulk or author');
  const bulkId = bulk.id;
  // The author's portfolio as it is now: an account that left it since the request is not mailed.
  const author = await actorById(ctx.db, bulk.author_id);
  const selection = parseJsonColumn(bulk.selection, emailBulkSelectionSchema, { ids: [] });
  const content = bulkContentOf(bulk.content);
  const counts = emptyCounts();
  const seen = new Set<string>();
  const unresolved = new Set<string>();
  let done = 0;
  for await (const page of accountRecipients(ctx.db, author, selection, bulk.include_contacts, 1000).pages()) {
    const addresses = page.recipients.map((recipient) => recipient.address.toLowerCase());
    const queued = addresses.length === 0 ? [] : await ctx.db.selectFrom('email_messages').select('address_norm')
      .where('bulk_id', '=', bulkId).where('address_norm', 'in', addresses).execute();
    const already = new Set(queued.map((row) => row.address_norm ?? ''));
    const fresh = { ...page, recipients: page.recipients.filter((recipient) => !already.has(recipient.address.toLowerCase())) };
    for (const address of already) seen.add(address);
    counts.recipients += already.size;
    const accepted = screenPage(fresh, content, bulk.default_language, seen, await suppressionsOf(ctx.db, addresses), counts, unresolved);
    const now = nowIso();
    const activities: ActivityRow[] = [];
    const messages: NewMessage[] = [];
    for (const item of accepted) {
      const activityId = newId();
      activities.push({
        id: activityId, account_id: item.recipient.accountId, request_id: null, type: 'email', status: 'done', subject: item.subject,
        start_at: now, end_at: null, due_at: now, responsible_id: author.id, opportunity_id: null, result: null, notes: null, is_private: false,
        remind_at: null, reminded_at: null, done_at: now, created_at: now, updated_at: now, created_by: author.id, updated_by: author.id, version: 1,
      });
      messages.push({
        id: newId(), kind: 'bulk', account_id: item.recipient.accountId, activity_id: activityId, contact_id: item.recipient.contactId, bulk_id: bulkId,
        author_id: author.id, language: item.language, to_list: JSON.stringify([{ address: item.recipient.address, name: item.recipient.name }]),
        cc_list: '[]', bcc_list: '[]', address_norm: item.recipient.address, subject: null, html: null, merge_values: JSON.stringify(item.values),
        attachments: '[]', token: newToken(), track_opens: bulk.track_opens, status: 'queued', attempts: 0, next_attempt_at: now,
        claimed_by: null, claimed_at: null, sent_at: null, smtp_message_id: null, last_response: null, opened_at: null, created_at: now, updated_at: now,
      });
    }
    done += page.records;
    await ctx.db.transaction().execute(async (trx) => {
      await insertActivitiesBulk(trx, activities);
      await writeAudits(trx, activities.map((activity) => ({
        actorId: author.id, entity: 'activity', entityId: activity.id, accountId: activity.account_id, action: 'activity_logged',
        changes: [{ field: 'type', before: null, after: 'email' }, { field: 'subject', before: null, after: activity.subject }, { field: 'status', before: null, after: 'done' }],
      })));
      await insertMessages(trx, messages);
      await ctx.checkpoint(trx, done);
    });
  }
  await ctx.db.updateTable('email_bulks').set({ status: 'enqueued', counts: JSON.stringify(counts), finished_at: nowIso() }).where('id', '=', bulkId).execute();
  return counts;
}

export const bulkEmailsHandler: JobHandler = {
  run,
  onFailed: async (db, job) => {
    const payload = parseJsonColumn(job.payload, payloadSchema, null);
    if (payload) await db.updateTable('email_bulks').set({ status: 'failed', finished_at: nowIso() }).where('id', '=', payload.bulkId).execute();
  },
};
