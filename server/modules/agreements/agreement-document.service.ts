import { Readable } from 'node:stream';
import { agreementMergeFieldKeys } from '@contract/agreement-templates';
import { agreementGenerateSchema, type Agreement, type AgreementGenerate } from '@contract/agreements';
import type { Language } from '@contract/common';
import { renderMerge } from '@contract/email-merge';
import type { AgreementRow, AgreementTemplateRow, Db } from '@server/db/database';
import { cleanFileName } from '@server/lib/attachment';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import type { Storage } from '@server/lib/storage';
import { nowIso, today } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { insertDocument } from '@server/modules/documents/documents.repo';
import { findListItemByKey } from '@server/modules/lists/lists.repo';
import { dateText, moneyText } from '@server/lib/pdf/pdf-render';
import { documentCustomer, documentIssuer } from '@server/modules/quotes/document-parties';
import { renderAgreementPdf, type AgreementPdfInput } from './agreement-pdf';
import { findTemplate } from './agreement-templates.repo';
import { updateAgreementRow } from './agreements.repo';
import { getAgreement, requireVisibleAgreement } from './agreements.service';

type Deps = { db: Db; storage: Storage };

/** The type's label in a language; an item since removed reads as its key. */
async function typeLabel(db: Db, key: string | null, language: Language): Promise<string | null> {
  if (!key) return null;
  const item = await findListItemByKey(db, 'agreement_type', key);
  return item ? (language === 'es' ? item.label_es : item.label_en) : key;
}

/** What of an agreement its document prints (a draft not yet written has them too). */
export type DocumentFacts = Pick<AgreementRow, 'organization_id' | 'title' | 'reference' | 'type' | 'start_on' | 'end_on' | 'value_amount' | 'value_currency'>;

/** What the PDF prints about both parties and the agreement, in the template's language. */
async function pdfInputOf(deps: Deps, agreement: DocumentFacts, language: Language): Promise<Omit<AgreementPdfInput, 'body'>> {
  const customer = await documentCustomer(deps.db, agreement.organization_id, null);
  return {
    language, title: agreement.title, reference: agreement.reference, type: await typeLabel(deps.db, agreement.type, language),
    startOn: agreement.start_on, endOn: agreement.end_on,
    value: agreement.value_amount === null || agreement.value_currency === null ? null : { amount: Number(agreement.value_amount), currency: agreement.value_currency },
    company: await documentIssuer(deps),
    customer: { name: customer.name, taxId: customer.taxId, address: customer.address },
  };
}

/** The template merged with the agreement: every field it names must be filled (or have a fallback). */
function mergedBody(template: AgreementTemplateRow, input: Omit<AgreementPdfInput, 'body'>): string {
  const { language } = input;
  const values: Record<string, string | null> = {
    'customer.name': input.customer.name, 'customer.taxId': input.customer.taxId, 'customer.address': input.customer.address.join(', ') || null,
    'company.name': input.company.name, 'company.taxId': input.company.taxId, 'company.address': input.company.address,
    'agreement.title': input.title, 'agreement.reference': input.reference, 'agreement.type': input.type,
    'agreement.startDate': input.startOn ? dateText(input.startOn, language) : null, 'agreement.endDate': input.endOn ? dateText(input.endOn, language) : null,
    'agreement.value': input.value ? moneyText(input.value.amount, input.value.currency, language) : null, 'agreement.date': dateText(today(), language),
  };
  const rendered = renderMerge(template.body, values, false, agreementMergeFieldKeys);
  if (rendered.unresolved.length > 0) {
    throw new AppError('validation_failed', { fields: [{ field: 'templateId', code: 'unfilled_merge_fields', params: { fields: rendered.unresolved.join(', ') } }] });
  }
  return rendered.text;
}

/** A template merged with an agreement and rendered, its PDF stored: what a transaction then makes the agreement's document. */
export type PreparedDocument = { template: AgreementTemplateRow; body: string; key: string; size: number };

/**
 * Merges an active template with the agreement's facts, the organization and our company, in the
 * template's language, renders the PDF and stores it under a new key, pushed to `stored` for the
 * caller to remove if what follows fails. Outside any transaction: rendering takes tens of
 * milliseconds of CPU, which a transaction would make every other writer (on SQLite, every
 * request) wait for.
 */
export async function prepareDocument(deps: Deps, agreement: DocumentFacts, templateId: string, stored: string[]): Promise<PreparedDocument> {
  const template = await findTemplate(deps.db, templateId);
  if (!template?.active) throw new AppError('validation_failed', { fields: [{ field: 'templateId', code: 'invalid_value' }] });
  const facts = await pdfInputOf(deps, agreement, template.language);
  const body = mergedBody(template, facts);
  const bytes = await renderAgreementPdf({ ...facts, body });
  const key = newId();
  stored.push(key);
  await deps.storage.put(key, Readable.from([bytes]));
  return { template, body, key, size: bytes.length };
}

/**
 * In the caller's transaction: makes a prepared PDF a draft's document, a document of the
 * organization (and of its project), the agreement then speaking the template's language. Answers
 * the agreement as it now stands.
 */
export async function attachDocument(trx: Db, actor: Actor, before: AgreementRow, prepared: PreparedDocument): Promise<AgreementRow> {
  if (before.status !== 'draft') throw new AppError('agreement_not_draft');
  const { template, body } = prepared;
  const now = nowIso();
  const documentId = newId();
  const name = cleanFileName(`${before.reference ?? before.title}.pdf`);
  await insertDocument(trx, {
    id: documentId, account_id: before.organization_id, purpose: 'document', name, size: prepared.size, content_type: 'application/pdf',
    storage_key: prepared.key, uploaded_by: actor.id, uploaded_at: now, opportunity_id: null, project_id: before.project_id,
  });
  await writeAudit(trx, { actorId: actor.id, entity: 'document', entityId: documentId, accountId: before.organization_id, action: 'document_added', changes: [{ field: 'document', before: null, after: name }] });
  const patch = { document_id: documentId, template_id: template.id, document_text: body, language: template.language, updated_at: now, updated_by: actor.id };
  if (!(await updateAgreementRow(trx, before.id, before.version, patch))) throw new AppError('stale_version');
  await writeAudit(trx, {
    actorId: actor.id, entity: 'agreement', entityId: before.id, accountId: before.organization_id, action: 'agreement_generated',
    changes: [{ field: 'title', before: null, after: before.title }, { field: 'template', before: null, after: template.name }, { field: 'document', before: null, after: name }],
  });
  return { ...before, ...patch, version: before.version + 1 };
}

/** Removes what a failed transaction stored: bytes no row names. */
export async function removeStored(storage: Storage, keys: string[]): Promise<void> {
  for (const key of keys) await storage.delete(key);
}

/**
 * Makes a draft agreement's document a PDF from a template (see prepareDocument): rendered from
 * the draft as read, then attached if it is still that version (412 otherwise); its bytes are
 * removed if anything fails.
 */
export async function generateAgreementDocument(deps: Deps, actor: Actor, id: string, input: AgreementGenerate): Promise<Agreement> {
  authorize(actor, { domain: 'agreement', action: 'update' });
  authorize(actor, { domain: 'document', action: 'upload' });
  const { version, templateId } = agreementGenerateSchema.parse(input);
  const stored: string[] = [];
  try {
    const draft = await requireVisibleAgreement(deps.db, actor, id);
    if (draft.version !== version) throw new AppError('stale_version');
    if (draft.status !== 'draft') throw new AppError('agreement_not_draft');
    const prepared = await prepareDocument(deps, draft, templateId, stored);
    await deps.db.transaction().execute(async (trx) => {
      const before = await requireVisibleAgreement(trx, actor, id);
      if (before.version !== version) throw new AppError('stale_version');
      await attachDocument(trx, actor, before, prepared);
    });
  } catch (error) {
    await removeStored(deps.storage, stored);
    throw error;
  }
  return getAgreement(deps.db, actor, id);
}
