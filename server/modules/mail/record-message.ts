import type { Language } from '@contract/common';
import type { ActivityRow, Db } from '@server/db/database';
import { nowIso } from '@server/lib/time';
import type { Actor } from '@server/policies';
import { insertActivity } from '@server/modules/activities/activities.repo';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { insertMessages } from './outbox.repo';
import type { StoredAttachment } from './outgoing';

/** One message sent from a record, already rendered: what the outbox and the timeline keep of it. */
export type RecordMessage = {
  id: string;
  activityId: string;
  accountId: string;
  contactId: string | null;
  requestId: string | null;
  opportunityId: string | null;
  language: Language;
  /** JSON lists of { address, name }. */
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  html: string;
  attachments: StoredAttachment[];
  token: string;
  trackOpens: boolean;
  isPrivate: boolean;
  /** The campaign whose member the account is: the message counts in the member's campaign mail. */
  campaignId?: string | null;
};

/**
 * In the caller's transaction: logs the message as a done e-mail activity on the account's
 * timeline (and the opportunity's, when it is about one) and queues it in the outbox.
 */
export async function logAndQueue(trx: Db, actor: Actor, message: RecordMessage): Promise<void> {
  const now = nowIso();
  const activity: ActivityRow = {
    id: message.activityId, account_id: message.accountId, request_id: message.requestId, type: 'email', status: 'done', subject: message.subject,
    start_at: now, end_at: null, due_at: now, responsible_id: actor.id, opportunity_id: message.opportunityId, result: null, notes: null, is_private: message.isPrivate,
    remind_at: null, reminded_at: null, done_at: now, created_at: now, updated_at: now, created_by: actor.id, updated_by: actor.id, version: 1,
    campaign_id: message.campaignId ?? null,
  };
  await insertActivity(trx, activity);
  await writeAudit(trx, {
    actorId: actor.id, entity: 'activity', entityId: message.activityId, accountId: message.accountId, action: 'activity_logged',
    changes: [{ field: 'type', before: null, after: 'email' }, { field: 'subject', before: null, after: message.subject }, { field: 'status', before: null, after: 'done' }],
  });
  await insertMessages(trx, [{
    id: message.id, kind: 'single', account_id: message.accountId, activity_id: message.activityId, contact_id: message.contactId, bulk_id: null, author_id: actor.id,
    language: message.language, to_list: message.to, cc_list: message.cc, bcc_list: message.bcc, address_norm: null,
    subject: message.subject, html: message.html, merge_values: null, attachments: JSON.stringify(message.attachments), token: message.token, track_opens: message.trackOpens,
    status: 'queued', attempts: 0, next_attempt_at: now, claimed_by: null, claimed_at: null, sent_at: null, smtp_message_id: null, last_response: null, opened_at: null,
    created_at: now, updated_at: now, campaign_id: message.campaignId ?? null,
  }]);
}
