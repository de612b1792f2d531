import { quoteSendSchema, type Quote, type QuoteSend } from '@contract/quotes';
import type { Config } from '@server/config';
import type { Db } from '@server/db/database';
import { AppError, fieldError } from '@server/lib/errors';
import type { Storage } from '@server/lib/storage';
import { nowIso, today } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { requireSmtp } from '@server/modules/mail/mail-settings.service';
import { visibleContactsOf } from '@server/modules/mail/recipients.repo';
import { linkMailHtml, linkRecipients, queueRecordMail, storedPdf, withMailAttachments } from '@server/modules/public-links/link-mail';
import { issueLinkToken } from '@server/modules/public-links/public-links';
import { dateText } from '@server/lib/pdf/pdf-render';
import { pdfFileName, pdfOfQuote } from './quote-pdf.service';
import { fill, quoteMailTexts } from './quote-mail-texts';
import { markSent } from './quote-workflow.service';
import { effectiveStatus } from './quotes.presenter';
import { findQuoteSettings, updateQuoteRow, type QuoteRow } from './quotes.repo';
import { getQuote, requireVisibleQuote } from './quotes.service';

export type QuoteMailDeps = { db: Db; storage: Storage; config: Config };

/** Where the customer answers: the web app's public page for this token. */
export const quoteLinkUrl = (baseUrl: string, token: string): string => `${baseUrl}/q/${token}`;

function messageOf(quote: QuoteRow, company: string | null, link: string, userMessage: string | null | undefined, subject: string | undefined) {
  const texts = quoteMailTexts[quote.language];
  const values = { number: quote.number ?? '', company: company ?? '', validUntil: dateText(quote.valid_until, quote.language) };
  const html = linkMailHtml(userMessage ?? fill(texts.intro, values), { url: link, label: texts.link }, texts.attached);
  return { subject: subject ?? fill(company ? texts.subjectFrom : texts.subject, values), html };
}

/**
 * Sends a quote to the customer through the outbox: a draft is numbered and marked sent (a sent
 * one goes again), with its PDF attached and a link to the public acceptance page. The link's
 * token belongs to this revision; sending again issues a new one and the earlier link stops
 * working (only the hash is kept, so an old link cannot be sent twice). Logged as an e-mail on
 * the account's and opportunity's timelines, in one transaction with the status change.
 */
export async function sendQuote(deps: QuoteMailDeps, actor: Actor, id: string, input: QuoteSend, baseUrl: string): Promise<Quote> {
  authorize(actor, { domain: 'quote', action: 'send' });
  authorize(actor, { domain: 'mail', action: 'send' });
  const data = quoteSendSchema.parse(input);
  const { db, storage } = deps;
  // Refused before anything else when nobody can send mail (the settings page says where).
  await requireVisibleQuote(db, actor, id);
  await requireSmtp(db, deps.config);
  await withMailAttachments(storage, (stored) => db.transaction().execute(async (trx) => {
    const before = await requireVisibleQuote(trx, actor, id);
    if (before.version !== data.version) throw new AppError('stale_version');
    const status = effectiveStatus(before, today());
    if (status === 'expired') throw new AppError('quote_expired');
    if (status !== 'draft' && status !== 'sent') throw new AppError('quote_not_open');
    // A link that would open on an expired quote is not worth sending.
    if (before.valid_until < today()) throw fieldError('validUntil', 'valid_until_past');
    const account = await requireVisibleAccount(trx, actor, before.account_id);
    const contacts = await visibleContactsOf(trx, actor, account);
    const contact = contacts.find((candidate) => candidate.person.id === before.contact_id)?.person;
    const to = linkRecipients(account, contact, data.to);
    const { token, hash } = issueLinkToken();
    const now = nowIso();
    let quote: QuoteRow;
    if (status === 'draft') quote = await markSent(trx, actor, before, { token_hash: hash });
    else {
      if (!(await updateQuoteRow(trx, id, before.version, { token_hash: hash, updated_at: now, updated_by: actor.id }))) throw new AppError('stale_version');
      quote = { ...before, token_hash: hash, version: before.version + 1 };
      await writeAudit(trx, { actorId: actor.id, entity: 'quote', entityId: id, accountId: before.account_id, action: 'quote_sent', changes: [{ field: 'number', before: null, after: before.number }] });
    }
    const settings = await findQuoteSettings(trx);
    const message = messageOf(quote, settings?.company_name ?? null, quoteLinkUrl(baseUrl, token), data.message, data.subject);
    stored.push(await storedPdf(storage, pdfFileName(quote), await pdfOfQuote({ db: trx, storage }, quote)));
    await queueRecordMail(trx, actor, {
      account, contacts, contactId: contact?.id ?? null, opportunityId: quote.opportunity_id, language: quote.language, to, subject: message.subject, html: message.html, attachments: stored,
    });
  }));
  return getQuote(db, actor, id);
}
