import type { Language } from '@contract/common';
import type { AgreementRow } from '@server/db/database';
import { normalizeText } from '@server/lib/normalize';

/** An agreement's editable fields in API terms: what forms send and what history compares. */
export type AgreementFields = {
  title: string;
  type: string | null;
  reference: string | null;
  language: Language;
  projectId: string | null;
  ownerId: string;
  startOn: string | null;
  endOn: string | null;
  value: { amount: number; currency: string } | null;
  renewalRemindOn: string | null;
  documentId: string | null;
};

export const auditedAgreementFields = [
  'title', 'type', 'reference', 'language', 'projectId', 'ownerId', 'startOn', 'endOn', 'value', 'renewalRemindOn', 'documentId',
] as const satisfies ReadonlyArray<keyof AgreementFields>;

/** What was agreed: fixed once the agreement leaves draft (the customer signs what they were sent). */
export const agreedFields = ['title', 'type', 'reference', 'language', 'startOn', 'endOn', 'value', 'documentId'] as const satisfies ReadonlyArray<keyof AgreementFields>;

export const agreementFieldsOf = (row: AgreementRow): AgreementFields => ({
  title: row.title,
  type: row.type,
  reference: row.reference,
  language: row.language,
  projectId: row.project_id,
  ownerId: row.owner_id,
  startOn: row.start_on,
  endOn: row.end_on,
  value: row.value_amount === null || row.value_currency === null ? null : { amount: Number(row.value_amount), currency: row.value_currency },
  renewalRemindOn: row.renewal_remind_on,
  documentId: row.document_id,
});

export const agreementColumnsOf = (fields: AgreementFields) => ({
  title: fields.title,
  title_norm: normalizeText(fields.title),
  type: fields.type,
  reference: fields.reference,
  language: fields.language,
  project_id: fields.projectId,
  owner_id: fields.ownerId,
  start_on: fields.startOn,
  end_on: fields.endOn,
  value_amount: fields.value?.amount ?? null,
  value_currency: fields.value?.currency ?? null,
  renewal_remind_on: fields.renewalRemindOn,
  document_id: fields.documentId,
});
