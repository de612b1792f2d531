import { z } from 'zod';
import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { parseJsonColumn } from '@server/lib/json';
import type { PdfCustomer, PdfIssuer } from '@server/lib/pdf/business-document';
import type { Storage } from '@server/lib/storage';
import { logoBytes } from './quote-settings.service';
import { findQuoteParty, findQuoteSettings } from './quotes.repo';

// Who a business document is from and to. The quote settings hold our company (name, tax id,
// address, logo) for every document Cartera prints, quotes and invoices alike.

const addressSchema = z.object({ street: z.string().nullish(), postalCode: z.string().nullish(), city: z.string().nullish(), region: z.string().nullish(), country: z.string().nullish() });
const addressesSchema = z.object({ visit: addressSchema.optional(), postal: addressSchema.optional(), billing: addressSchema.optional() });

/** Our company, as the quote settings have it. */
export async function documentIssuer(deps: { db: Db; storage: Storage }): Promise<PdfIssuer> {
  const settings = await findQuoteSettings(deps.db);
  if (!settings) throw new AppError('not_found');
  const logo = await logoBytes(deps.db, deps.storage);
  return {
    name: settings.company_name, taxId: settings.company_tax_id, address: settings.company_address,
    logo: logo && settings.logo_type ? { bytes: logo, type: settings.logo_type } : null,
  };
}

/** The customer block: the account's name and tax id, its billing address (else postal, else visit), and the contact. */
export async function documentCustomer(db: Db, accountId: string, contactId: string | null): Promise<PdfCustomer> {
  const account = await findQuoteParty(db, accountId);
  if (!account) throw new AppError('not_found');
  const addresses = parseJsonColumn(account.addresses, addressesSchema, {});
  const address = addresses.billing ?? addresses.postal ?? addresses.visit;
  const lines = address ? [address.street, [address.postalCode, address.city].filter(Boolean).join(' '), [address.region, address.country].filter(Boolean).join(', ')] : [];
  const contact = contactId ? await findQuoteParty(db, contactId) : undefined;
  return { name: account.name, taxId: account.tax_id, address: lines.filter((line): line is string => Boolean(line)), contactName: contact?.name ?? null };
}
