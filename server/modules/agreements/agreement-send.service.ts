import { agreementSendSchema, type Agreement, type AgreementSend } from '@contract/agreements';
import type { Config } from '@server/config';
import type { AgreementRow, Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import type { Storage } from '@server/lib/storage';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { requireSmtp } from '@server/modules/mail/mail-settings.service';
import type { StoredAttachment } from '@server/modules/mail/outgoing';
import { visibleContactsOf } from '@server/modules/mail/recipients.repo';
import { linkMailHtml, linkRecipients, queueRecordMail, withMailAttachments } from '@server/modules/public-links/link-mail';
import { issueLinkToken } from '@server/modules/public-links/public-links';
import { fill } from '@server/modules/quotes/quote-mail-texts';
import { findQuoteSettings } from '@server/modules/quotes/quotes.repo';
import { agreementMailTexts } from './agreement-mail-texts';
import { findOrganizationDocument, updateAgreementRow } from './agreements.repo';
import { getAgreement, requireVisibleAgreement } from './agreements.service';

export type AgreementMailDeps = { db: Db; storage: Storage; config: Config };

/** Where the customer reads and signs: the web app's public page for this token. */
export const agreementLinkUrl = (baseUrl: string, token: string): string => `${baseUrl}/a/${token}`;

function messageOf(agreement: AgreementRow, company: string | null, link: string, userMessage: string | null | undefined, subject: string | undefined) {
  const texts = agreementMailTexts[agreement.language];
  const values = { title: agreement.title, company: company ?? '' };
  const html = linkMailHtml(userMessage ?? fill(texts.intro, values), { url: link, label: texts.link }, texts.attached);
  return { subject: subject ?? fill(company ? texts.subjectFrom : texts.subject, values), html };
}

/** A copy of the agreement's document for the outbox, which removes its attachments once sent. */
async function attachmentOf(trx: Db, storage: Storage, agreement: AgreementRow): Promise<StoredAttachment> {
  const document = agreement.document_id ? await findOrganizationDocument(trx, agreement.organization_id, agreement.document_id) : undefined;
  if (!document) throw new AppError('agreement_no_document');
  const storageKey = `mail-${newId()}`;
  // A document whose bytes are gone cannot go out: said as "no document", not as a server error.
  const bytes = await storage.get(document.storage_key).catch(() => {
    throw new AppError('agreement_no_document');
  });
  const { size } = await storage.put(storageKey, bytes);
  return { name: document.name, contentType: document.content_type, size, storageKey };
}

/**
 * In the caller's transaction: sends a draft or sent agreement to its organization through the
 * outbox (see sendAgreement), with the copy of its document pushed to `stored` for the caller to
 * remove if the transaction fails.
 */
export async function sendWithin(trx: Db, storage: Storage, actor: Actor, before: AgreementRow, data: Omit<AgreementSend, 'version'>, baseUrl: string, stored: StoredAttachment[]): Promise<void> {
  if (before.status !== 'draft' && before.status !== 'sent') throw new AppError('agreement_invalid_transition');
  stored.push(await attachmentOf(trx, storage, before));
  const account = await requireVisibleAccount(trx, actor, before.organization_id);
  const contacts = await visibleContactsOf(trx, actor, account);
  const to = linkRecipients(account, undefined, data.to);
  const { token, hash } = issueLinkToken();
  const now = nowIso();
  if (!(await updateAgreementRow(trx, before.id, before.version, { status: 'sent', token_hash: hash, sent_at: now, updated_at: now, updated_by: actor.id }))) throw new AppError('stale_version');
  await writeAudit(trx, {
    actorId: actor.id, entity: 'agreement', entityId: before.id, accountId: before.organization_id, action: 'agreement_sent',
    changes: [{ field: 'title', before: null, after: before.title }, { field: 'status', before: before.status, after: 'sent' }, { field: 'to', before: null, after: to.join(', ') }],
  });
  const settings = await findQuoteSettings(trx);
  const message = messageOf(before, settings?.company_name ?? null, agreementLinkUrl(baseUrl, token), data.message, data.subject);
  await queueRecordMail(trx, actor, {
    account, contacts, contactId: null, opportunityId: null, language: before.language, to, subject: message.subject, html: message.html, attachments: stored,
  });
}

/**
 * Sends an agreement to the customer through the outbox: a draft becomes sent (a sent one goes
 * again), with its document attached and a link to the public page where the customer reads it and
 * signs by typing their name. The link's token belongs to this sending; sending again issues a new
 * one and the earlier link stops working. Logged as an e-mail on the organization's timeline, in
 * one transaction with the status change.
 */
export async function sendAgreement(deps: AgreementMailDeps, actor: Actor, id: string, input: AgreementSend, baseUrl: string): Promise<Agreement> {
  authorize(actor, { domain: 'agreement', action: 'send' });
  authorize(actor, { domain: 'mail', action: 'send' });
  const { version, ...data } = agreementSendSchema.parse(input);
  const { db, storage } = deps;
  // Refused before anything else when nobody can send mail (the settings page says where).
  await requireVisibleAgreement(db, actor, id);
  await requireSmtp(db, deps.config);
  await withMailAttachments(storage, (stored) => db.transaction().execute(async (trx) => {
    const before = await requireVisibleAgreement(trx, actor, id);
    if (before.version !== version) throw new AppError('stale_version');
    await sendWithin(trx, storage, actor, before, data, baseUrl, stored);
  }));
  return getAgreement(db, actor, id);
}
