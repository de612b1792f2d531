import type { PublicInvoice } from '@contract/invoice-links';
import type { Db, InvoiceRow } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import type { Storage } from '@server/lib/storage';
import { nowIso, today } from '@server/lib/time';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { linkTokenHash } from '@server/modules/public-links/public-links';
import { findQuoteParty, findQuoteSettings } from '@server/modules/quotes/quotes.repo';
import { invoicePdfFileName, pdfOfInvoice } from './invoice-pdf.service';
import { presentLine, statusOn } from './invoices.presenter';
import { findInvoiceByTokenHash, linesOf, markFirstOpened } from './invoices.repo';

/**
 * The public page's side of an invoice: everything is found by the link's token (stored hashed)
 * and nothing else. An invoice sent again has a new token (the old link is dead), and one of a
 * discarded organization is not found: each answers 404 like a token never issued. Reading it,
 * or its PDF, is the customer opening it: the first time is recorded, and said in its history.
 */
async function openedByToken(db: Db, token: string): Promise<InvoiceRow> {
  return db.transaction().execute(async (trx) => {
    const invoice = await findInvoiceByTokenHash(trx, linkTokenHash(token));
    if (!invoice || invoice.status === 'draft') throw new AppError('not_found');
    if (!invoice.first_opened_at) {
      const at = nowIso();
      if (await markFirstOpened(trx, invoice.id, at)) {
        await writeAudit(trx, { actorId: null, entity: 'invoice', entityId: invoice.id, accountId: invoice.organization_id, action: 'invoice_opened', changes: [{ field: 'number', before: null, after: invoice.number }] });
        return { ...invoice, first_opened_at: at };
      }
    }
    return invoice;
  });
}

/** The invoice as its customer reads it: ours and theirs, its figures and lines; no ids of ours. */
export async function publicInvoice(db: Db, token: string): Promise<PublicInvoice> {
  const invoice = await openedByToken(db, token);
  const status = statusOn(invoice, today());
  const customer = await findQuoteParty(db, invoice.organization_id);
  const settings = await findQuoteSettings(db);
  if (!customer || status === 'draft') throw new AppError('not_found');
  return {
    language: invoice.language, number: invoice.number, status, issueDate: invoice.issue_date, dueDate: invoice.due_date,
    company: { name: settings?.company_name ?? null, taxId: settings?.company_tax_id ?? null, address: settings?.company_address ?? null },
    customer: { name: customer.name, taxId: customer.tax_id }, currency: invoice.currency, lines: (await linesOf(db, invoice.id)).map(presentLine),
    net: Number(invoice.net_total), tax: Number(invoice.tax_total), total: Number(invoice.total), paid: Number(invoice.paid_amount), notes: invoice.notes,
  };
}

/** The invoice's PDF from its page. */
export async function publicInvoicePdf(deps: { db: Db; storage: Storage }, token: string): Promise<{ bytes: Buffer; fileName: string }> {
  const invoice = await openedByToken(deps.db, token);
  return { bytes: await pdfOfInvoice(deps, invoice), fileName: invoicePdfFileName(invoice) };
}
