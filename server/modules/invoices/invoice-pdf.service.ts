import type { Db, InvoiceRow } from '@server/db/database';
import type { Storage } from '@server/lib/storage';
import { authorize, type Actor } from '@server/policies';
import { documentCustomer, documentIssuer } from '@server/modules/quotes/document-parties';
import { renderInvoicePdf } from './invoice-pdf';
import { linesOf, quoteNumberOf } from './invoices.repo';
import { requireVisibleInvoice } from './invoices.service';

export type PdfDeps = { db: Db; storage: Storage };

/** An invoice's PDF past the policies: for its e-mail and its public page, which already hold the invoice. */
export async function pdfOfInvoice(deps: PdfDeps, invoice: InvoiceRow): Promise<Buffer> {
  return renderInvoicePdf({
    invoice, lines: await linesOf(deps.db, invoice.id), quoteNumber: invoice.quote_id ? await quoteNumberOf(deps.db, invoice.quote_id) : null,
    customer: await documentCustomer(deps.db, invoice.organization_id, null), issuer: await documentIssuer(deps),
  });
}

/** The file name an invoice's PDF downloads (or is attached) as: its number, made safe for a file name. */
export const invoicePdfFileName = (invoice: Pick<InvoiceRow, 'number'>): string => `${invoice.number.replace(/[\\/:*?"<>|\s]+/g, '-')}.pdf`;

/** The PDF of an invoice the actor sees, and the file name it downloads as. */
export async function invoicePdf(deps: PdfDeps, actor: Actor, id: string): Promise<{ bytes: Buffer; fileName: string }> {
  authorize(actor, { domain: 'invoice', action: 'read' });
  const invoice = await requireVisibleInvoice(deps.db, actor, id);
  return { bytes: await pdfOfInvoice(deps, invoice), fileName: invoicePdfFileName(invoice) };
}
