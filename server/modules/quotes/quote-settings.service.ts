import { Readable } from 'node:stream';
import { quoteSettingsUpdateSchema, type QuoteSettings, type QuoteSettingsUpdate } from '@contract/quotes';
import type { Db } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import type { Storage } from '@server/lib/storage';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { contentTypeOf } from '@server/modules/documents/upload';
import { findQuoteSettings, updateQuoteSettingsRow, type QuoteSettingsRow } from './quotes.repo';

const present = (row: QuoteSettingsRow): QuoteSettings => ({
  numberPrefix: row.number_prefix, validityDays: row.validity_days, baseCurrency: row.base_currency, companyName: row.company_name,
  companyTaxId: row.company_tax_id, companyAddress: row.company_address, hasLogo: row.logo_key !== null, paymentTerms: row.payment_terms,
  termsEs: row.terms_es, termsEn: row.terms_en, version: row.version,
});

async function settingsRow(db: Db): Promise<QuoteSettingsRow> {
  const row = await findQuoteSettings(db);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Everyone who quotes reads the settings (the base currency, the default terms). */
export async function getQuoteSettings(db: Db, actor: Actor): Promise<QuoteSettings> {
  authorize(actor, { domain: 'quote', action: 'read' });
  return present(await settingsRow(db));
}

/** Numbering prefix, validity, base currency and the company on the PDF (admins). Numbers already given keep their prefix. */
export async function updateQuoteSettings(db: Db, actor: Actor, input: QuoteSettingsUpdate): Promise<QuoteSettings> {
  authorize(actor, { domain: 'quoteSettings', action: 'manage' });
  const { version, ...data } = quoteSettingsUpdateSchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const before = await settingsRow(trx);
    if (before.version !== version) throw new AppError('stale_version');
    const pick = <T>(sent: T | undefined, current: T): T => (sent === undefined ? current : sent);
    const after: QuoteSettingsRow = {
      ...before, number_prefix: pick(data.numberPrefix, before.number_prefix), validity_days: pick(data.validityDays, before.validity_days),
      base_currency: pick(data.baseCurrency, before.base_currency), company_name: pick(data.companyName, before.company_name),
      company_tax_id: pick(data.companyTaxId, before.company_tax_id), company_address: pick(data.companyAddress, before.company_address),
      payment_terms: pick(data.paymentTerms, before.payment_terms), terms_es: pick(data.termsEs, before.terms_es), terms_en: pick(data.termsEn, before.terms_en),
      updated_at: nowIso(), updated_by: actor.id, version: version + 1,
    };
    const { id: _id, version: _version, ...patch } = after;
    if (!(await updateQuoteSettingsRow(trx, version, patch))) throw new AppError('stale_version');
    const fields = ['number_prefix', 'validity_days', 'base_currency', 'company_name', 'company_tax_id', 'company_address', 'payment_terms', 'terms_es', 'terms_en'] as const;
    await writeAudit(trx, { actorId: actor.id, entity: 'quote_settings', entityId: 'default', accountId: null, action: 'updated', changes: diffFields(before, after, fields) });
    return present(after);
  });
}

export const maxLogoBytes = 1024 * 1024;
const logoTypes = ['image/png', 'image/jpeg'];

/** The company logo on the PDF (admins): a PNG or JPEG up to 1 MB, or none. */
export async function replaceQuoteLogo(deps: { db: Db; storage: Storage }, actor: Actor, bytes: Buffer | null): Promise<QuoteSettings> {
  authorize(actor, { domain: 'quoteSettings', action: 'manage' });
  let stored: { key: string; type: string } | null = null;
  if (bytes) {
    const type = await contentTypeOf(bytes.subarray(0, 64 * 1024), 'logo');
    if (!logoTypes.includes(type)) throw new AppError('validation_failed', { fields: [{ field: 'file', code: 'not_an_image' }] });
    stored = { key: `quote-logo-${newId()}`, type };
    await deps.storage.put(stored.key, Readable.from([bytes]));
  }
  const before = await settingsRow(deps.db);
  const ok = await updateQuoteSettingsRow(deps.db, before.version, { logo_key: stored?.key ?? null, logo_type: stored?.type ?? null, updated_at: nowIso(), updated_by: actor.id });
  if (!ok) {
    if (stored) await deps.storage.delete(stored.key);
    throw new AppError('stale_version');
  }
  if (before.logo_key) await deps.storage.delete(before.logo_key);
  return present(await settingsRow(deps.db));
}

/** The logo's bytes for the PDF, or null. */
export async function logoBytes(db: Db, storage: Storage): Promise<Buffer | null> {
  const row = await settingsRow(db);
  if (!row.logo_key) return null;
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.get(row.logo_key)) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks);
  } catch {
    return null;
  }
}
