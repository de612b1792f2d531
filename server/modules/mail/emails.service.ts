import { emailCreateSchema, emailPreviewRequestSchema, type Email, type EmailCreate, type EmailPreview, type RecipientOption } from '@contract/emails';
import { renderMerge, type MergeValues } from '@contract/email-merge';
import type { Config } from '@server/config';
import type { AccountRow, Db } from '@server/db/database';
import { AppError, fieldError } from '@server/lib/errors';
import { newId, newToken } from '@server/lib/ids';
import type { Storage } from '@server/lib/storage';
import { authorize, type Actor } from '@server/policies';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { fieldsOf } from '@server/modules/accounts/account-fields';
import { findVisibleDocument } from '@server/modules/documents/documents.repo';
import { findVisibleRequest } from '@server/modules/requests/requests.repo';
import { findVisibleOpportunity } from '@server/modules/opportunities/opportunities.repo';
import { findBulk, findVisibleEmail, findVisibleEmailOfActivity, type EmailView } from './emails.repo';
import { presentEmail } from './emails.presenter';
import { sanitizeBody } from './html';
import { requireSmtp } from './mail-settings.service';
import { campaignMergeValues, mergeValuesFor } from './merge-values';
import { findCampaign } from '@server/modules/campaigns/campaigns.repo';
import { findVisibleMembership } from '@server/modules/campaigns/members.repo';
import { logAndQueue } from './record-message';
import { pixelTag, type StoredAttachment } from './outgoing';
import { findVisibleContact, visibleContactsOf } from './recipients.repo';
import { suppressionsOf } from './suppressions.repo';

export type MailDeps = { db: Db; storage: Storage; config: Config };

/** Attachments of one message together; servers commonly refuse past 25 MB once base64 has grown them. */
export const maxAttachmentBytes = 18 * 1024 * 1024;

/**
 * The record a message is about, seen through the actor's portfolio, and what its fields can
 * merge; with a campaign, the account must be a member of it the actor sees.
 */
async function messageContext(db: Db, actor: Actor, accountId: string, contactId: string | null | undefined, campaignId: string | null | undefined) {
  const account = await requireVisibleAccount(db, actor, accountId);
  let contact: { person: AccountRow; position: string | null } | null = null;
  if (contactId) {
    contact = (await findVisibleContact(db, actor, account, contactId)) ?? null;
    if (!contact) throw fieldError('contactId', 'not_a_contact');
  }
  let campaign: MergeValues = {};
  if (campaignId) {
    const found = (await findVisibleMembership(db, actor, campaignId, account.id)) ? await findCampaign(db, campaignId) : undefined;
    if (!found) throw fieldError('campaignId', 'not_a_member');
    campaign = campaignMergeValues(found);
  }
  return { account, contact, values: { ...mergeValuesFor(account, contact, actor), ...campaign } };
}

/** Subject and body with their merge fields filled (values HTML-escaped in the body), and what could not be. */
function render(subject: string, html: string, values: MergeValues) {
  const renderedSubject = renderMerge(subject, values, false);
  const renderedHtml = renderMerge(html, values, true);
  return { subject: renderedSubject.text, html: sanitizeBody(renderedHtml.text), unresolved: [...new Set([...renderedSubject.unresolved, ...renderedHtml.unresolved])] };
}

/** The preview before sending: the message as the recipient would get it, and what could not be filled. */
export async function previewEmail(db: Db, actor: Actor, input: unknown): Promise<EmailPreview> {
  authorize(actor, { domain: 'mail', action: 'send' });
  const data = emailPreviewRequestSchema.parse(input);
  const { values } = await messageContext(db, actor, data.accountId, data.contactId, data.campaignId);
  return render(data.subject, data.html, values);
}

/** Copies the chosen documents of the account for the message, so deleting a document later does not break its sending. */
async function copyAttachments(deps: MailDeps, actor: Actor, accountId: string, ids: string[]): Promise<StoredAttachment[]> {
  const chosen: Array<{ attachment: StoredAttachment; source: string }> = [];
  let total = 0;
  for (const [index, id] of ids.entries()) {
    const document = await findVisibleDocument(deps.db, actor, accountId, id, 'document');
    if (!document) throw fieldError(`attachmentIds.${index}`, 'invalid_value');
    total += document.size;
    if (total > maxAttachmentBytes) throw new AppError('validation_failed', { fields: [{ field: 'attachmentIds', code: 'attachments_too_large', params: { maxMb: maxAttachmentBytes / 1024 / 1024 } }] });
    chosen.push({ attachment: { name: document.name, contentType: document.content_type, size: document.size, storageKey: `mail-${newId()}` }, source: document.storage_key });
  }
  for (const { attachment, source } of chosen) await deps.storage.put(attachment.storageKey, await deps.storage.get(source));
  return chosen.map((item) => item.attachment);
}

/** Names for the addresses that belong to the record or its contacts ("Ana López <ana@…>"). */
export function namesOf(account: AccountRow, contacts: Array<{ person: AccountRow }>): Map<string, string> {
  const names = new Map<string, string>();
  for (const person of [...contacts.map((contact) => contact.person), account]) {
    for (const address of fieldsOf(person).emails) names.set(address, person.name);
  }
  return names;
}

/**
 * Sends a message from a record: refused (nothing queued) without SMTP, for an account outside
 * the portfolio, or with a field that cannot be filled. The message is queued in the outbox and
 * logged as an e-mail activity on the account's timeline in the same transaction.
 */
export async function sendEmail(deps: MailDeps, actor: Actor, input: EmailCreate, baseUrl: string): Promise<Email> {
  authorize(actor, { domain: 'mail', action: 'send' });
  const data = emailCreateSchema.parse(input);
  const { db } = deps;
  await requireSmtp(db, deps.config);
  const { account, values } = await messageContext(db, actor, data.accountId, data.contactId, data.campaignId);
  if (data.requestId) {
    const request = await findVisibleRequest(db, actor, data.requestId);
    if (!request || request.account_id !== account.id) throw fieldError('requestId', 'invalid_value');
  }
  if (data.opportunityId) {
    const opportunity = await findVisibleOpportunity(db, actor, data.opportunityId);
    if (!opportunity || opportunity.organization_id !== account.id) throw fieldError('opportunityId', 'invalid_value');
  }
  const rendered = render(data.subject, data.html, values);
  if (rendered.unresolved.length > 0) {
    throw new AppError('validation_failed', { fields: [{ field: 'html', code: 'unresolved_merge_fields', params: { fields: rendered.unresolved.join(', ') } }] });
  }
  const attachments = await copyAttachments(deps, actor, account.id, data.attachmentIds ?? []);
  const names = namesOf(account, await visibleContactsOf(db, actor, account));
  const withNames = (list: string[]) => JSON.stringify([...new Set(list)].map((address) => ({ address, name: names.get(address) ?? null })));
  const id = newId();
  const token = newToken();
  const trackOpens = data.trackOpens ?? false;
  try {
    await db.transaction().execute(async (trx) => {
      await requireVisibleAccount(trx, actor, account.id);
      await logAndQueue(trx, actor, {
        id, activityId: newId(), accountId: account.id, contactId: data.contactId ?? null, requestId: data.requestId ?? null, opportunityId: data.opportunityId ?? null,
        language: actor.language, to: withNames(data.to), cc: withNames(data.cc ?? []), bcc: withNames(data.bcc ?? []), subject: rendered.subject,
        html: trackOpens ? `${rendered.html}${pixelTag(baseUrl, token)}` : rendered.html, attachments, token, trackOpens, isPrivate: data.private ?? false,
        campaignId: data.campaignId ?? null,
      });
    });
  } catch (error) {
    for (const attachment of attachments) await deps.storage.delete(attachment.storageKey);
    throw error;
  }
  return getEmail(db, actor, id);
}

async function present(db: Db, row: EmailView | undefined): Promise<Email> {
  if (!row) throw new AppError('not_found');
  return presentEmail(row, row.bulk_id ? await findBulk(db, row.bulk_id) : undefined);
}

/** A message and its delivery status, for whoever may see its activity. */
export async function getEmail(db: Db, actor: Actor, id: string): Promise<Email> {
  authorize(actor, { domain: 'activity', action: 'read' });
  return present(db, await findVisibleEmail(db, actor, id));
}

export async function getEmailOfActivity(db: Db, actor: Actor, activityId: string): Promise<Email> {
  authorize(actor, { domain: 'activity', action: 'read' });
  return present(db, await findVisibleEmailOfActivity(db, actor, activityId));
}

/** The addresses offered when composing from an account: its own and its visible contacts', with their standing for bulk mail. */
export async function recipientOptions(db: Db, actor: Actor, accountId: string): Promise<{ items: RecipientOption[] }> {
  authorize(actor, { domain: 'mail', action: 'send' });
  const account = await requireVisibleAccount(db, actor, accountId);
  const contacts = await visibleContactsOf(db, actor, account);
  const items: RecipientOption[] = [];
  const seen = new Set<string>();
  for (const { person, contactId } of [{ person: account, contactId: null }, ...contacts.map((contact) => ({ person: contact.person, contactId: contact.person.id }))]) {
    for (const address of fieldsOf(person).emails) {
      if (seen.has(address)) continue;
      seen.add(address);
      items.push({ address, name: person.name, contactId, status: 'ok' });
    }
  }
  const suppressed = await suppressionsOf(db, items.map((item) => item.address));
  return { items: items.map((item) => ({ ...item, status: suppressed.get(item.address)?.reason ?? 'ok' })) };
}
