import { Readable } from 'node:stream';
import type { Language } from '@contract/common';
import { escapeHtml } from '@contract/email-merge';
import type { AccountRow, Db } from '@server/db/database';
import { fieldError } from '@server/lib/errors';
import { newId, newToken } from '@server/lib/ids';
import type { Storage } from '@server/lib/storage';
import type { Actor } from '@server/policies';
import { fieldsOf } from '@server/modules/accounts/account-fields';
import { namesOf } from '@server/modules/mail/emails.service';
import type { StoredAttachment } from '@server/modules/mail/outgoing';
import { logAndQueue } from '@server/modules/mail/record-message';

// What every e-mail that sends a record to its customer shares (a quote, an agreement, an
// invoice): who it goes to, its HTML around the link, its attachments, and its place in the outbox
// and on the account's timeline.

/** Who an e-mail with a public link goes to: the addresses asked for, else the contact person's first address, else the account's. */
export function linkRecipients(account: AccountRow, contact: AccountRow | undefined, asked: string[] | undefined): string[] {
  if (asked && asked.length > 0) return [...new Set(asked)];
  const fallback = (contact ? fieldsOf(contact).emails[0] : undefined) ?? fieldsOf(account).emails[0];
  if (!fallback) throw fieldError('to', 'required');
  return [fallback];
}

/**
 * The HTML of an e-mail that carries a public link: the sender's text (blank lines part
 * paragraphs), the link, and a note in small print (what is attached, that the link is personal).
 * Without a link (a document sent only attached) the text and the note.
 */
export function linkMailHtml(text: string, link: { url: string; label: string } | null, note: string): string {
  const paragraphs = text.split(/\n{2,}/).map((part) => `<p>${escapeHtml(part).replace(/\n/g, '<br>')}</p>`);
  const anchor = link ? `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>` : '';
  return `${paragraphs.join('')}${anchor}<p style="font-size:12px;color:#868e96">${escapeHtml(note)}</p>`;
}

/**
 * Runs a send that stores attachments for the outbox (which removes them once sent): when the
 * send fails, what it stored is removed again, so a refused send leaves no file behind.
 */
export async function withMailAttachments<T>(storage: Storage, send: (stored: StoredAttachment[]) => Promise<T>): Promise<T> {
  const stored: StoredAttachment[] = [];
  try {
    return await send(stored);
  } catch (error) {
    for (const attachment of stored) await storage.delete(attachment.storageKey);
    throw error;
  }
}

/** A PDF made for an e-mail, stored for the outbox under a key of its own. */
export async function storedPdf(storage: Storage, name: string, bytes: Buffer): Promise<StoredAttachment> {
  const attachment: StoredAttachment = { name, contentType: 'application/pdf', size: bytes.length, storageKey: `mail-${newId()}` };
  await storage.put(attachment.storageKey, Readable.from([bytes]));
  return attachment;
}

export type RecordMail = {
  account: AccountRow;
  /** The account's contacts the sender sees: their names go with their addresses. */
  contacts: Array<{ person: AccountRow }>;
  contactId: string | null;
  opportunityId: string | null;
  language: Language;
  to: string[];
  subject: string;
  html: string;
  attachments: StoredAttachment[];
};

/** In the caller's transaction: queues the e-mail to the customer and logs it on the account's timeline, each address with the name Cartera knows it by. */
export async function queueRecordMail(trx: Db, actor: Actor, mail: RecordMail): Promise<void> {
  const names = namesOf(mail.account, mail.contacts);
  await logAndQueue(trx, actor, {
    id: newId(), activityId: newId(), accountId: mail.account.id, contactId: mail.contactId, requestId: null, opportunityId: mail.opportunityId,
    language: mail.language, to: JSON.stringify(mail.to.map((address) => ({ address, name: names.get(address) ?? null }))), cc: '[]', bcc: '[]',
    subject: mail.subject, html: mail.html, attachments: mail.attachments, token: newToken(), trackOpens: false, isPrivate: false,
  });
}
