import { z } from 'zod';
import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { parseJsonColumn } from '@server/lib/json';
import type { Storage } from '@server/lib/storage';
import { authorize, type Actor } from '@server/policies';
import { logoBytes } from './quote-settings.service';
import { renderQuotePdf, type PdfCustomer } from './quote-pdf';
import { findQuoteParty, findQuoteSettings, linesOf, type QuoteRow } from './quotes.repo';
import { requireVisibleQuote } from './quotes.service';

const addressSchema = z.object({ street: z.string().nullish(), postalCode: z.string().nullish(), city: z.string().nullish(), region: z.string().nullish(), country: z.string().nullish() });
const addressesSchema = z.object({ visit: addressSchema.optional(), postal: addressSchema.optional(), billing: addressSchema.optional() });

/** The customer block: the account's name and tax id, its billing address (else postal, else visit), and the contact. */
async function customerOf(db: Db, quote: QuoteRow): Promise<PdfCustomer> {
  const account = await findQuoteParty(db, quote.account_id);
  if (!account) throw new AppError('not_found');
  const addresses = parseJsonColumn(account.addresses, addressesSchema, {});
  const address = addresses.billing ?? addresses.postal ?? addresses.visit;
  const lines = address ? [address.street, [address.postalCode, address.city].filter(Boolean).join(' '), [address.region, address.country].filter(Boolean).join(', ')] : [];
  const contact = quote.contact_id ? await findQuoteParty(db, quote.contact_id) : undefined;
  return { name: account.name, taxId: account.tax_id, address: lines.filter((line): line is string => Boolean(line)), contactName: contact?.name ?? null };
}

/** A quote's PDF past the policies: for the e-mail and the public page, which already hold the quote. */
export async function pdfOfQuote(deps: { db: Db; storage: Storage }, quote: QuoteRow): Promise<Buffer> {
  const settings = await findQuoteSettings(deps.db);
  if (!settings) throw new AppError('not_found');
  const logo = await logoBytes(deps.db, deps.storage);
  return renderQuotePdf({
    quote, lines: await linesOf(deps.db, quote.id), customer: await customerOf(deps.db, quote), settings,
    logo: logo && settings.logo_type ? { bytes: logo, type: settings.logo_type } : null,
  });
}

/** The PDF of a quote the actor sees, and the file name it downloads as. */
export async function quotePdf(deps: { db: Db; storage: Storage }, actor: Actor, id: string): Promise<{ bytes: Buffer; fileName: string }> {
  authorize(actor, { domain: 'quote', action: 'read' });
  const quote = await requireVisibleQuote(deps.db, actor, id);
  return { bytes: await pdfOfQuote(deps, quote), fileName: pdfFileName(quote) };
}

export const pdfFileName = (quote: Pick<QuoteRow, 'number' | 'language'>): string => `${quote.number ?? (quote.language === 'es' ? 'borrador' : 'draft')}.pdf`;
