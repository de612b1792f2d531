import { invoiceDeliverSchema, type Invoice, type InvoiceDeliver } from '@contract/invoices';
import type { Config } from '@server/config';
import type { AccountRow, Db, InvoiceRow } from '@server/db/database';
import { AppError, fieldError } from '@server/lib/errors';
import { dateText, moneyText } from '@server/lib/pdf/pdf-render';
import type { Storage } from '@server/lib/storage';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { requireSmtp } from '@server/modules/mail/mail-settings.service';
import { visibleContactsOf } from '@server/modules/mail/recipients.repo';
import { linkMailHtml, linkRecipients, queueRecordMail, storedPdf, withMailAttachments } from '@server/modules/public-links/link-mail';
import { issueLinkToken } from '@server/modules/public-links/public-links';
import { fill } from '@server/modules/quotes/quote-mail-texts';
import { findQuoteSettings } from '@server/modules/quotes/quotes.repo';
import { invoiceMailTexts } from './invoice-mail-texts';
import { invoicePdfFileName, pdfOfInvoice } from './invoice-pdf.service';
import { updateInvoiceRow } from './invoices.repo';
import { getInvoice, requireVisibleInvoice } from './invoices.service';

export type InvoiceMailDeps = { db: Db; storage: Storage; config: Config };
type Method = NonNullable<InvoiceRow['delivery']>;

/** Where the customer opens the invoice: the web app's public page for this token. */
export const invoiceLinkUrl = (baseUrl: string, token: string): string => `${baseUrl}/i/${token}`;

/** The invoice's e-mail in its language: the sender's text (else ours), and the link or a note of the PDF attached. */
function messageOf(invoice: InvoiceRow, company: string | null, link: string | null, data: { message?: string | null | undefined; subject?: string | undefined }) {
  const texts = invoiceMailTexts[invoice.language];
  const values = {
    number: invoice.number, company: company ?? '', total: moneyText(Number(invoice.total), invoice.currency, invoice.language), dueDate: dateText(invoice.due_date, invoice.language),
  };
  const html = linkMailHtml(data.message ?? fill(texts.intro, values), link ? { url: link, label: texts.link } : null, link ? texts.linkNote : texts.attachedNote);
  return { subject: data.subject ?? fill(company ? texts.subjectFrom : texts.subject, values), html };
}

/** A draft is issued before it goes out, and a cancelled invoice does not go out at all. */
const deliverable = (invoice: InvoiceRow): boolean => invoice.status !== 'draft' && invoice.status !== 'cancelled';

/** Who an invoice goes to: the addresses asked for, else its invoice e-mail (as the card had it, else as it has it now), else the company's. */
function recipientsOf(invoice: InvoiceRow, account: AccountRow, asked: string[] | undefined): string[] {
  const invoiceEmail = invoice.delivery_email ?? account.invoice_email;
  return asked ? [...new Set(asked)] : invoiceEmail ? [invoiceEmail] : linkRecipients(account, undefined, undefined);
}

/**
 * Delivers an issued invoice as its company's card says, or as asked (seed 003): by e-mail with a
 * link to its public page (a new token each time; the page records the first time it is opened),
 * by e-mail with its PDF attached, or on paper (recorded here; the PDF to print is the invoice's
 * PDF). The e-mail goes through the outbox, logged on the company's timeline in one transaction
 * with the invoice's record of the delivery. A draft or a cancelled invoice is not delivered.
 */
export async function deliverInvoice(deps: InvoiceMailDeps, actor: Actor, id: string, input: InvoiceDeliver, baseUrl: string): Promise<Invoice> {
  authorize(actor, { domain: 'invoice', action: 'deliver' });
  const data = invoiceDeliverSchema.parse(input);
  const { db, storage } = deps;
  const found = await requireVisibleInvoice(db, actor, id);
  const method: Method | null = data.method ?? found.delivery ?? (await requireVisibleAccount(db, actor, found.organization_id)).invoice_delivery;
  if (!method) throw fieldError('method', 'required');
  if (method !== 'paper') {
    authorize(actor, { domain: 'mail', action: 'send' });
    // Refused before anything else when nobody can send mail (the settings page says where).
    await requireSmtp(db, deps.config);
  }
  await withMailAttachments(storage, async (stored) => {
    // The PDF is rendered before the transaction (tens of milliseconds of CPU every other writer
    // would wait for); the version checked inside proves it is of the invoice as it still is.
    if (method === 'email_pdf' && deliverable(found) && found.version === data.version) stored.push(await storedPdf(storage, invoicePdfFileName(found), await pdfOfInvoice({ db, storage }, found)));
    await db.transaction().execute(async (trx) => {
      const before = await requireVisibleInvoice(trx, actor, id);
      if (before.version !== data.version) throw new AppError('stale_version');
      if (!deliverable(before)) throw new AppError('invoice_not_deliverable');
      const account = await requireVisibleAccount(trx, actor, before.organization_id);
      const to = method === 'paper' ? null : recipientsOf(before, account, data.to);
      const link = method === 'email_link' ? issueLinkToken() : null;
      const now = nowIso();
      const patch = { delivered_via: method, delivered_at: now, delivered_to: to?.join(', ') ?? null, token_hash: link?.hash ?? before.token_hash, updated_at: now, updated_by: actor.id };
      if (!(await updateInvoiceRow(trx, id, before.version, patch))) throw new AppError('stale_version');
      await writeAudit(trx, {
        actorId: actor.id, entity: 'invoice', entityId: id, accountId: before.organization_id, action: 'invoice_delivered',
        changes: [{ field: 'number', before: null, after: before.number }, { field: 'delivered_via', before: before.delivered_via, after: method }, ...(to ? [{ field: 'to', before: null, after: to.join(', ') }] : [])],
      });
      if (!to) return;
      const settings = await findQuoteSettings(trx);
      const message = messageOf(before, settings?.company_name ?? null, link ? invoiceLinkUrl(baseUrl, link.token) : null, data);
      await queueRecordMail(trx, actor, {
        account, contacts: await visibleContactsOf(trx, actor, account), contactId: null, opportunityId: null, language: before.language, to,
        subject: message.subject, html: message.html, attachments: stored,
      });
    });
  });
  return getInvoice(db, actor, id);
}
