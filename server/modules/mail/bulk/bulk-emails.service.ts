import { emailBulkRequestSchema, type EmailBulk, type EmailBulkPreview, type EmailBulkRequest } from '@contract/emails';
import type { Language } from '@contract/common';
import { z } from 'zod';
import type { Db } from '@server/db/database';
import { AppError, fieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { parseJsonColumn } from '@server/lib/json';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { enqueueJob } from '@server/jobs/jobs.repo';
import { sanitizeBody } from '../html';
import { requireSmtp } from '../mail-settings.service';
import type { MailDeps } from '../emails.service';
import { countByStatus } from '../outbox.repo';
import { bulkFooter, type BulkContent } from '../outgoing';
import { suppressionsOf } from '../suppressions.repo';
import { findTemplate } from '../templates.repo';
import { emptyCounts, screenPage } from './bulk-screen';
import { recipientsOf } from './recipient-source';
import { requireCampaign } from '@server/modules/campaigns/campaigns.service';

export const bulkEmailJobKind = 'emails.bulk';

type BulkRequestData = z.infer<typeof emailBulkRequestSchema>;

/** The text of the send: a template's languages, or the one message written for it (in the author's language unless told). */
export async function resolveContent(db: Db, actor: Actor, content: BulkRequestData['content']): Promise<{ content: BulkContent; fallback: Language }> {
  if ('templateId' in content) {
    const template = await findTemplate(db, content.templateId);
    if (!template) throw fieldError('content.templateId', 'invalid_value');
    const texts: BulkContent = {};
    if (template.subject_es !== null && template.html_es !== null) texts.es = { subject: template.subject_es, html: template.html_es };
    if (template.subject_en !== null && template.html_en !== null) texts.en = { subject: template.subject_en, html: template.html_en };
    return { content: texts, fallback: texts[actor.language] ? actor.language : texts.es ? 'es' : 'en' };
  }
  const language = content.language ?? actor.language;
  return { content: { [language]: { subject: content.subject, html: sanitizeBody(content.html) } }, fallback: language };
}

/**
 * What a bulk send would do, before anything is queued: how many get a message and, by reason,
 * who is left out (no address, unsubscribed, bounced, a field that cannot be filled, the same
 * address twice), with the first message rendered.
 */
export async function previewBulk(db: Db, actor: Actor, input: EmailBulkRequest): Promise<EmailBulkPreview> {
  authorize(actor, { domain: 'mail', action: 'sendBulk' });
  const data = emailBulkRequestSchema.parse(input);
  const { content, fallback } = await resolveContent(db, actor, data.content);
  if ('campaignId' in data.selection) await requireCampaign(db, data.selection.campaignId);
  const counts = emptyCounts();
  const seen = new Set<string>();
  const unresolvedFields = new Set<string>();
  let sample: EmailBulkPreview['sample'] = null;
  for await (const page of recipientsOf(db, actor, data.selection, data.includeContacts).pages()) {
    const suppressed = await suppressionsOf(db, page.recipients.map((recipient) => recipient.address.toLowerCase()));
    const accepted = screenPage(page, content, fallback, seen, suppressed, counts, unresolvedFields);
    const first = accepted[0];
    if (!sample && first) sample = { address: first.recipient.address, subject: first.subject, html: `${first.html}${bulkFooter('', '…', first.language)}` };
  }
  return { ...counts, sample, unresolvedFields: [...unresolvedFields] };
}

export type BulkPayload = { bulkId: string };

/**
 * Starts a bulk send as a background job (one request, however many recipients): refused without
 * SMTP or with an unknown template, before anything is stored. The job enqueues the messages;
 * the outbox sender sends them at the admin's rate.
 */
export async function startBulk(deps: MailDeps, actor: Actor, input: EmailBulkRequest, baseUrl: string): Promise<{ jobId: string; bulkId: string }> {
  authorize(actor, { domain: 'mail', action: 'sendBulk' });
  const data = emailBulkRequestSchema.parse(input);
  await requireSmtp(deps.db, deps.config);
  const { content, fallback } = await resolveContent(deps.db, actor, data.content);
  const campaignId = 'campaignId' in data.selection ? (await requireCampaign(deps.db, data.selection.campaignId)).id : null;
  const total = await recipientsOf(deps.db, actor, data.selection, data.includeContacts).count();
  const bulkId = newId();
  const jobId = await deps.db.transaction().execute(async (trx) => {
    const job = await enqueueJob(trx, { kind: bulkEmailJobKind, payload: { bulkId } satisfies BulkPayload, createdBy: actor.id, total });
    await trx.insertInto('email_bulks').values({
      id: bulkId, job_id: job.id, author_id: actor.id, selection: JSON.stringify(data.selection), include_contacts: data.includeContacts,
      content: JSON.stringify(content), default_language: fallback, track_opens: data.trackOpens, base_url: baseUrl,
      status: 'enqueuing', counts: JSON.stringify(emptyCounts()), created_at: nowIso(), finished_at: null, campaign_id: campaignId,
    }).execute();
    return job.id;
  });
  return { jobId, bulkId };
}

const countsSchema = z.object({
  recipients: z.number(), accounts: z.number(), noEmail: z.number(), unsubscribed: z.number(), bounced: z.number(), unresolved: z.number(), duplicates: z.number(),
});

/** A bulk send's progress for its author (and admins): what was enqueued and what became of the messages. */
export async function getBulk(db: Db, actor: Actor, id: string): Promise<EmailBulk> {
  authorize(actor, { domain: 'mail', action: 'sendBulk' });
  const bulk = await db.selectFrom('email_bulks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!bulk || (bulk.author_id !== actor.id && actor.role !== 'admin')) throw new AppError('not_found');
  const opened = await db.selectFrom('email_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('bulk_id', '=', id).where('opened_at', 'is not', null).executeTakeFirstOrThrow();
  return {
    id: bulk.id, jobId: bulk.job_id, status: bulk.status, counts: parseJsonColumn(bulk.counts, countsSchema, emptyCounts()),
    messages: await countByStatus(db, { bulkId: id }), opened: Number(opened.n), createdAt: bulk.created_at,
  };
}
