import type { ColumnType, Selectable } from 'kysely';

type Timestamp = string;

/** The one row ('mail') of SMTP settings an admin keeps in the UI; the password is AES-256-GCM ciphertext. */
export interface MailSettingsTable {
  id: string;
  host: string | null;
  port: number | null;
  tls_mode: 'tls' | 'starttls' | 'none';
  username: string | null;
  password_enc: string | null;
  from_address: string | null;
  from_name: string | null;
  reply_to: string | null;
  /** Messages handed to the SMTP server per minute, across every app process. */
  rate_per_minute: number;
  updated_at: Timestamp;
  updated_by: string | null;
  version: number;
}

/** A template in Spanish and/or English, with merge fields such as {{account.name}}. */
export interface EmailTemplatesTable {
  id: string;
  name: string;
  name_norm: string;
  subject_es: string | null;
  html_es: string | null;
  subject_en: string | null;
  html_en: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
  version: number;
}

export interface EmailBulksTable {
  id: string;
  job_id: string | null;
  author_id: string | null;
  /** JSON: which accounts (ids, a list filter or a tag). */
  selection: string;
  include_contacts: boolean;
  /** JSON: { es?: { subject, html }, en?: { subject, html } }. */
  content: string;
  default_language: 'es' | 'en';
  track_opens: boolean;
  /** Where the links in the messages (unsubscribe, open pixel) point. */
  base_url: string;
  status: 'enqueuing' | 'enqueued' | 'failed';
  /** JSON: the recipients found and the ones left out, by reason. */
  counts: string;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  /** A send to a campaign's members. */
  campaign_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 'queued' covers first tries and retries (attempts > 0 reads as retrying). */
export type EmailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'uncertain' | 'cancelled' | 'suppressed';

/** The outbox: one row per message, sent at most once by the sender loop. */
export interface EmailMessagesTable {
  id: string;
  kind: 'single' | 'bulk';
  account_id: string | null;
  activity_id: string | null;
  contact_id: string | null;
  bulk_id: string | null;
  author_id: string | null;
  language: 'es' | 'en';
  /** JSON arrays of { address, name } */
  to_list: string;
  cc_list: string;
  bcc_list: string;
  /** A bulk message's one recipient, lower case: its key within the bulk send and for unsubscribes. */
  address_norm: string | null;
  /** Rendered subject and body of a single message; null on bulk rows, rendered from the bulk's content. */
  subject: string | null;
  html: string | null;
  /** JSON: a bulk message's merge values. */
  merge_values: string | null;
  /** JSON array of { name, contentType, size, storageKey }. */
  attachments: string;
  /** Names the message in its public links (unsubscribe, open pixel). */
  token: string;
  track_opens: boolean;
  status: EmailStatus;
  attempts: number;
  next_attempt_at: Timestamp;
  claimed_by: string | null;
  claimed_at: Timestamp | null;
  sent_at: Timestamp | null;
  smtp_message_id: string | null;
  /** The SMTP server's last answer (or the connection error). */
  last_response: string | null;
  opened_at: Timestamp | null;
  /** The campaign it was sent for: its member's mail stats. */
  campaign_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EmailSuppressionsTable {
  address_norm: string;
  reason: 'unsubscribed' | 'bounced';
  at: Timestamp;
  message_id: string | null;
}

export interface EmailSuppressionEventsTable {
  id: string;
  address_norm: string;
  action: 'unsubscribed' | 'bounced' | 'resubscribed';
  actor_id: string | null;
  message_id: string | null;
  note: string | null;
  at: Timestamp;
}

export type MailSettingsRow = Selectable<MailSettingsTable>;
export type EmailTemplateRow = Selectable<EmailTemplatesTable>;
export type EmailBulkRow = Selectable<EmailBulksTable>;
export type EmailMessageRow = Selectable<EmailMessagesTable>;
export type EmailSuppressionEventRow = Selectable<EmailSuppressionEventsTable>;
