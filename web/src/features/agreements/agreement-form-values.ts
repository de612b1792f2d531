import type { Agreement, AgreementCreate, AgreementUpdate } from '@contract/agreements';
import type { Language } from '@contract/common';
import { majorText, minorUnits } from '@contract/money';

/** What the agreement form holds: the value as typed in major units beside its currency. */
export type AgreementFormValues = {
  title: string;
  type: string | null;
  reference: string;
  language: Language;
  projectId: string | null;
  ownerId: string;
  startOn: string | null;
  endOn: string | null;
  value: string;
  currency: string;
  renewalRemindOn: string | null;
};

export function agreementFormValues(agreement: Agreement | null, meId: string, language: Language, projectId: string | null = null): AgreementFormValues {
  return {
    title: agreement?.title ?? '',
    type: agreement?.type ?? null,
    reference: agreement?.reference ?? '',
    language: agreement?.language ?? language,
    projectId: agreement?.project?.id ?? projectId,
    ownerId: agreement?.owner.id ?? meId,
    startOn: agreement?.startOn ?? null,
    endOn: agreement?.endOn ?? null,
    value: agreement?.value ? majorText(agreement.value.amount, agreement.value.currency) : '',
    currency: agreement?.value?.currency ?? 'EUR',
    renewalRemindOn: agreement?.renewalRemindOn ?? null,
  };
}

/** The value typed as minor units (null when empty, undefined when it is no amount: the form says so). */
export function valueOf(values: AgreementFormValues): { amount: number; currency: string } | null | undefined {
  if (values.value.trim() === '') return null;
  const amount = minorUnits(values.value, values.currency);
  return amount === null ? undefined : { amount, currency: values.currency };
}

/** A new agreement's fields, its organization aside. */
export const agreementCreatePayload = (values: AgreementFormValues): Omit<AgreementCreate, 'organizationId'> => ({
  title: values.title,
  type: values.type,
  reference: values.reference || null,
  language: values.language,
  projectId: values.projectId,
  ownerId: values.ownerId,
  startOn: values.startOn,
  endOn: values.endOn,
  value: valueOf(values) ?? null,
  renewalRemindOn: values.renewalRemindOn,
});

/** Only what changed (what was agreed is sent only when it changed, so a sent agreement's owner or reminder can still be edited). */
export function agreementUpdatePayload(values: AgreementFormValues, agreement: Agreement): AgreementUpdate {
  const next = agreementCreatePayload(values);
  const payload: AgreementUpdate = { version: agreement.version };
  if (next.title !== agreement.title) payload.title = next.title;
  if ((next.type ?? null) !== agreement.type) payload.type = next.type;
  if ((next.reference ?? null) !== agreement.reference) payload.reference = next.reference;
  if (next.language !== agreement.language) payload.language = next.language;
  if ((next.projectId ?? null) !== (agreement.project?.id ?? null)) payload.projectId = next.projectId;
  if (next.ownerId !== agreement.owner.id) payload.ownerId = next.ownerId;
  if ((next.startOn ?? null) !== agreement.startOn) payload.startOn = next.startOn;
  if ((next.endOn ?? null) !== agreement.endOn) payload.endOn = next.endOn;
  if (JSON.stringify(next.value) !== JSON.stringify(agreement.value)) payload.value = next.value;
  if ((next.renewalRemindOn ?? null) !== agreement.renewalRemindOn) payload.renewalRemindOn = next.renewalRemindOn;
  return payload;
}
