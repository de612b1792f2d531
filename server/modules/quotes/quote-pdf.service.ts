import type { Db } from '@server/db/database';
import type { Storage } from '@server/lib/storage';
import { authorize, type Actor } from '@server/policies';
import { documentCustomer, documentIssuer } from './document-parties';
import { renderQuotePdf } from './quote-pdf';
import { linesOf, type QuoteRow } from './quotes.repo';
import { requireVisibleQuote } from './quotes.service';

/** A quote's PDF past the policies: for the e-mail and the public page, which already hold the quote. */
export async function pdfOfQuote(deps: { db: Db; storage: Storage }, quote: QuoteRow): Promise<Buffer> {
  return renderQuotePdf({
    quote, lines: await linesOf(deps.db, quote.id), customer: await documentCustomer(deps.db, quote.account_id, quote.contact_id), issuer: await documentIssuer(deps),
  });
}

/** The PDF of a quote the actor sees, and the file name it downloads as. */
export async function quotePdf(deps: { db: Db; storage: Storage }, actor: Actor, id: string): Promise<{ bytes: Buffer; fileName: string }> {
  authorize(actor, { domain: 'quote', action: 'read' });
  const quote = await requireVisibleQuote(deps.db, actor, id);
  return { bytes: await pdfOfQuote(deps, quote), fileName: pdfFileName(quote) };
}

export const pdfFileName = (quote: Pick<QuoteRow, 'number' | 'language'>): string => `${quote.number ?? (quote.language === 'es' ? 'borrador' : 'draft')}.pdf`;
