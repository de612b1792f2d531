import type { Email, EmailStatus, OutboxItem } from '@contract/emails';
import type { EmailBulkRow, EmailMessageRow } from '@server/db/mail-tables';
import { addressesOf, attachmentsOf, bulkContentOf, contentFor, renderBulkMessage } from './outgoing';

/** Waiting messages that were already tried read as retrying. */
export const presentStatus = (row: Pick<EmailMessageRow, 'status' | 'attempts'>): EmailStatus =>
  row.status === 'queued' && row.attempts > 0 ? 'retrying' : row.status;

/** A message as its record's timeline shows it; a bulk message rendered as its recipient got it. */
export function presentEmail(row: EmailMessageRow & { author_name: string | null }, bulk: EmailBulkRow | undefined): Email {
  const rendered = bulk ? renderBulkMessage(bulk, row) : null;
  return {
    id: row.id,
    activityId: row.activity_id,
    accountId: row.account_id,
    contactId: row.contact_id,
    bulkId: row.bulk_id,
    author: row.author_id && row.author_name !== null ? { id: row.author_id, name: row.author_name } : null,
    to: addressesOf(row.to_list).map((item) => item.address),
    cc: addressesOf(row.cc_list).map((item) => item.address),
    bcc: addressesOf(row.bcc_list).map((item) => item.address),
    subject: rendered?.subject ?? row.subject ?? '',
    html: rendered?.html ?? row.html ?? '',
    attachments: attachmentsOf(row.attachments).map(({ name, contentType, size }) => ({ name, contentType, size })),
    status: presentStatus(row),
    attempts: row.attempts,
    sentAt: row.sent_at,
    lastResponse: row.last_response,
    trackOpens: row.track_opens,
    openedAt: row.opened_at,
    createdAt: row.created_at,
  };
}

export function presentOutboxItem(row: EmailMessageRow & { bulk_content: string | null }): OutboxItem {
  const bulkSubject = row.bulk_content ? contentFor(bulkContentOf(row.bulk_content), row.language, row.language)?.subject : undefined;
  return {
    id: row.id,
    kind: row.kind,
    to: addressesOf(row.to_list).map((item) => item.address),
    subject: row.subject ?? bulkSubject ?? '',
    status: presentStatus(row),
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastResponse: row.last_response,
    createdAt: row.created_at,
    accountId: row.account_id,
  };
}
