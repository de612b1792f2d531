import type { Agreement, AgreementCard } from '@contract/agreements';
import type { CardRow } from './agreements.repo';

/** What the list and the tabs show of an agreement: never its token hash or the signer's address. */
export function presentCard(row: CardRow): AgreementCard {
  return {
    id: row.id,
    title: row.title,
    reference: row.reference,
    type: row.type,
    organization: { id: row.organization_id, name: row.organization_name },
    project: row.project_id && row.project_name !== null ? { id: row.project_id, name: row.project_name } : null,
    status: row.status,
    owner: { id: row.owner_id, name: row.owner_name },
    startOn: row.start_on,
    endOn: row.end_on,
    value: row.value_amount === null || row.value_currency === null ? null : { amount: Number(row.value_amount), currency: row.value_currency },
    renewalRemindOn: row.renewal_remind_on,
    sentAt: row.sent_at,
    customerSignedOn: row.customer_signed_on,
    companySignedOn: row.company_signed_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The agreement's page: the card and its document, signatures and who made it. */
export function presentAgreement(row: CardRow, createdByName: string | null): Agreement {
  const document = row.document_id && row.document_name !== null
    ? {
      id: row.document_id, name: row.document_name, contentType: row.document_type ?? 'application/octet-stream', size: Number(row.document_size ?? 0),
      downloadUrl: `/api/v1/accounts/${row.organization_id}/documents/${row.document_id}/content`,
    }
    : null;
  return {
    ...presentCard(row),
    language: row.language,
    document,
    templateId: row.template_id,
    customerSignature: row.customer_signed_on
      ? { on: row.customer_signed_on, name: row.customer_signed_name, at: row.customer_signed_at, ip: row.customer_signed_ip }
      : null,
    companySignature: row.company_signed_on
      ? { on: row.company_signed_on, by: row.company_signed_by && row.company_signed_by_name ? { id: row.company_signed_by, name: row.company_signed_by_name } : null }
      : null,
    closedOn: row.closed_on,
    reminderActivityId: row.reminder_activity_id,
    createdBy: row.created_by && createdByName ? { id: row.created_by, name: createdByName } : null,
  };
}
