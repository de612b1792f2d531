import type { Readable } from 'node:stream';
import type { PublicAgreement } from '@contract/agreement-links';
import { typedNameSchema, type TypedName } from '@contract/public-links';
import type { AgreementRow, Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import type { Storage } from '@server/lib/storage';
import { findListItemByKey } from '@server/modules/lists/lists.repo';
import { linkTokenHash } from '@server/modules/public-links/public-links';
import { findQuoteParty, findQuoteSettings } from '@server/modules/quotes/quotes.repo';
import { recordCustomerSignature } from './agreement-signature';
import { findAgreementByTokenHash, findOrganizationDocument } from './agreements.repo';
import { today } from '@server/lib/time';

/**
 * The public page's side of an agreement: everything is found by the link's token (stored hashed)
 * and nothing else. A draft never had a token, one taken back to draft or sent again lost it, and an
 * agreement of a discarded organization is not found: each answers 404 like a token never issued.
 */
async function agreementOfToken(db: Db, token: string): Promise<AgreementRow> {
  const agreement = await findAgreementByTokenHash(db, linkTokenHash(token));
  if (!agreement) throw new AppError('not_found');
  return agreement;
}

const stateOf = (status: AgreementRow['status']): PublicAgreement['state'] =>
  status === 'sent' ? 'open' : status === 'signed_by_customer' || status === 'signed_by_both' ? 'signed' : 'closed';

async function present(db: Db, agreement: AgreementRow): Promise<PublicAgreement> {
  const settings = await findQuoteSettings(db);
  const customer = await findQuoteParty(db, agreement.organization_id);
  if (!customer) throw new AppError('not_found');
  const type = agreement.type ? await findListItemByKey(db, 'agreement_type', agreement.type) : undefined;
  const document = agreement.document_id ? await findOrganizationDocument(db, agreement.organization_id, agreement.document_id) : undefined;
  return {
    state: stateOf(agreement.status), language: agreement.language, title: agreement.title, reference: agreement.reference,
    type: type ? (agreement.language === 'es' ? type.label_es : type.label_en) : agreement.type,
    company: { name: settings?.company_name ?? null, taxId: settings?.company_tax_id ?? null, address: settings?.company_address ?? null },
    customer: { name: customer.name, taxId: customer.tax_id },
    startOn: agreement.start_on, endOn: agreement.end_on,
    value: agreement.value_amount === null || agreement.value_currency === null ? null : { amount: Number(agreement.value_amount), currency: agreement.value_currency },
    text: agreement.document_text,
    document: document ? { name: document.name, contentType: document.content_type } : null,
    signature: agreement.customer_signed_on ? { name: agreement.customer_signed_name, on: agreement.customer_signed_on, at: agreement.customer_signed_at } : null,
  };
}

export async function publicAgreement(db: Db, token: string): Promise<PublicAgreement> {
  return present(db, await agreementOfToken(db, token));
}

/** The document the e-mail carried, while the link works (and once signed, to keep a copy). */
export async function publicAgreementDocument(deps: { db: Db; storage: Storage }, token: string): Promise<{ stream: Readable; name: string; contentType: string }> {
  const agreement = await agreementOfToken(deps.db, token);
  const document = agreement.document_id ? await findOrganizationDocument(deps.db, agreement.organization_id, agreement.document_id) : undefined;
  if (!document) throw new AppError('not_found');
  const stream = await deps.storage.get(document.storage_key).catch(() => {
    throw new AppError('not_found');
  });
  return { stream, name: document.name, contentType: document.content_type };
}

/**
 * The customer signs from the page by typing their name: recorded with the day, the time and the
 * address it came from, as signed by the customer (ours follows in Cartera). An agreement whose
 * term is already over cannot be signed.
 */
export async function signAgreementByLink(db: Db, token: string, ip: string, input: TypedName): Promise<PublicAgreement> {
  const { name } = typedNameSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const agreement = await agreementOfToken(trx, token);
    const day = today();
    if (agreement.status === 'sent' && agreement.end_on && agreement.end_on < day) throw new AppError('agreement_ended');
    await recordCustomerSignature(trx, agreement, { on: day, name, ip, actorId: null });
  });
  return publicAgreement(db, token);
}
