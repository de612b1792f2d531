// Tables of agreements (issue 22 item 2).
import type { ColumnType } from 'kysely';

type Timestamp = string;

export type AgreementStatus = 'draft' | 'sent' | 'signed_by_customer' | 'signed_by_both' | 'expired' | 'terminated';

/** An agreement with an organization, optionally inside one of its projects. */
export interface AgreementsTable {
  id: string;
  organization_id: string;
  /** The organization's discarded_at, kept by a trigger: the agreement is visible only while it is null. */
  organization_discarded_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  project_id: string | null;
  title: string;
  title_norm: string;
  /** Item key of the `agreement_type` list. */
  type: string | null;
  reference: string | null;
  /** What its e-mail, PDF and public page speak. */
  language: 'es' | 'en';
  status: AgreementStatus;
  start_on: string | null;
  end_on: string | null;
  /** Integer minor units of `value_currency`; both null when it has no value. */
  value_amount: number | null;
  value_currency: string | null;
  owner_id: string;
  document_id: string | null;
  template_id: string | null;
  document_text: string | null;
  renewal_remind_on: string | null;
  /** The activity (a task of the owner) the renewal reminder date became. */
  reminder_activity_id: string | null;
  token_hash: string | null;
  sent_at: Timestamp | null;
  customer_signed_on: string | null;
  /** The name the customer typed on the public page (or the one recorded by a user). */
  customer_signed_name: string | null;
  customer_signed_at: Timestamp | null;
  /** Where the public page's signature came from; null when a user recorded it. */
  customer_signed_ip: string | null;
  company_signed_on: string | null;
  company_signed_by: string | null;
  /** When it expired or was terminated. */
  closed_on: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
  version: number;
}

/** An admin-edited text with merge fields that an agreement's PDF is generated from. */
export interface AgreementTemplatesTable {
  id: string;
  name: string;
  name_norm: string;
  language: 'es' | 'en';
  body: string;
  active: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
  version: number;
}

export type AgreementBulkOutcome = 'sent' | 'no_email' | 'failed';

/**
 * One company handled by a "send agreement from template" job: written in the transaction that
 * creates and sends its agreement (or records why it could not), keyed by (job, company) so a
 * resumed job never does a company twice.
 */
export interface AgreementBulkRowsTable {
  job_id: string;
  organization_id: string;
  outcome: AgreementBulkOutcome;
  agreement_id: string | null;
  /** JSON: { error, field?, params? } of why it was not sent. */
  reason: string | null;
  processed_at: Timestamp;
}
