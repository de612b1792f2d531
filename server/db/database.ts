import { PostgresAdapter, type ColumnType, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type {
  EmailBulksTable, EmailMessagesTable, EmailSuppressionEventsTable, EmailSuppressionsTable, EmailTemplatesTable, MailSettingsTable,
} from './mail-tables';
import type { CampaignMembersTable, CampaignResponsiblesTable, CampaignsTable } from './campaign-tables';
import type {
  AccountCreditTable, AccountRegistryLinksTable, CreditEventsTable, NotificationsTable, PeBranchesTable, PeTaxpayersTable,
  RegistryLookupsTable, RegistrySettingsTable, ScheduledRunsTable,
} from './registry-tables';
import type { ProjectResponsiblesTable, ProjectsTable } from './project-tables';
import type { InvoiceLinesTable, InvoicesTable } from './invoice-tables';
import type { AgreementBulkRowsTable, AgreementTemplatesTable, AgreementsTable } from './agreement-tables';
import type { ProductsTable, QuoteLinesTable, PublicLinkHitsTable, QuoteSeriesTable, QuoteSettingsTable, QuotesTable, TaxRatesTable } from './sales-tables';

/** Timestamps: ISO strings in, ISO strings out, on both dialects. */
type Timestamp = string;

export interface TeamsTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  /** Lower case, accents stripped: the sort and search key. */
  name_norm: string;
  password_hash: string;
  role: 'admin' | 'manager' | 'agent';
  scope: 'own' | 'team' | 'all';
  team_id: string | null;
  crm_manager: boolean;
  language: 'es' | 'en';
  active: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

export interface SessionsTable {
  /** sha256 of the cookie value; the cookie itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

/** One counter per throttled key (an e-mail, an address, an (address, e-mail) pair). */
export interface LoginThrottleTable {
  key: string;
  /** Failures since the key was last forgiven (a success, or a day without attempts). */
  failures: number;
  last_at: Timestamp;
  /** No attempt for this key is checked before this time. */
  locked_until: Timestamp | null;
}

/** An (address, e-mail) pair that signed in successfully: there only the pair's counter applies. */
export interface LoginTrustedTable {
  key: string;
  last_success_at: Timestamp;
}

export interface AccountsTable {
  id: string;
  kind: 'organization' | 'person';
  name: string;
  name_norm: string;
  first_name: string | null;
  last_name: string | null;
  stage: string;
  tax_id: string | null;
  tax_id_norm: string | null;
  /** Item key of the `industry` list. */
  industry: string | null;
  industry_norm: string | null;
  /** Item key of the `source` list ("how did you hear of us"). */
  source: string | null;
  website: string | null;
  /** JSON arrays and objects, stored as text on both dialects. */
  emails: string;
  phones: string;
  addresses: string;
  city: string | null;
  city_norm: string | null;
  country: string | null;
  notes: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
  version: number;
  discarded_at: Timestamp | null;
  discarded_by: string | null;
  /** Company card (seed 003): how invoices go out, where to, and the default credit days. */
  invoice_delivery: 'email_link' | 'email_pdf' | 'paper' | null;
  invoice_email: string | null;
  credit_days: number | null;
  /** The team (department) of our own company the account belongs to. */
  team_id: string | null;
  /** The `documents` row (purpose 'logo') holding the account's logo. */
  logo_document_id: string | null;
  /** The parent organization of a department or subsidiary. */
  parent_id: string | null;
  /** A person's own details (null on organizations): ISO date, national id, `contact_channel` item, ISO 639-1 language. */
  birth_date: string | null;
  national_id: string | null;
  preferred_channel: string | null;
  language: string | null;
  /**
   * The company list's counters, kept by triggers (see 2026-12-12T1100-account-counters): active
   * projects, scheduled tasks (every one, and those not private), unsigned agreements, and issued
   * invoices' totals in the year and currency of account_counter_basis. Read only: nothing but the triggers writes them.
   */
  active_projects: Counter;
  open_tasks: Counter;
  open_tasks_shared: Counter;
  unsigned_agreements: Counter;
  invoiced_this_year: Counter;
}

/** A column triggers keep: read, never inserted nor updated by the app. */
type Counter = ColumnType<number, never, never>;

/** The counters of an account just inserted. */
export const uncounted = { active_projects: 0, open_tasks: 0, open_tasks_shared: 0, unsigned_agreements: 0, invoiced_this_year: 0 } as const;

export interface AccountOwnersTable {
  account_id: string;
  user_id: string;
}

/**
 * A live account in one portfolio (its owner's, or its owner's team's: `holder_id`), with the columns
 * a list filters and sorts on copied from the account. Kept by triggers; see its migration.
 */
export interface PortfolioAccountsTable {
  holder_id: string;
  id: string;
  kind: AccountsTable['kind'];
  stage: string;
  name_norm: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  country: string | null;
  city_norm: string | null;
  industry_norm: string | null;
  source: string | null;
  team_id: string | null;
  parent_id: string | null;
  /** The account's tag ids, each between spaces (' id1 id2 '), or '' for none. */
  tag_ids: string;
  /** The account's search terms (account_terms), each between spaces, or '' for none. */
  words: string;
  active_projects: Counter;
  open_tasks: Counter;
  open_tasks_shared: Counter;
  unsigned_agreements: Counter;
  invoiced_this_year: Counter;
}

/** Issued invoices' totals of an organization per year ('2026') and currency, kept by triggers on invoices. */
export interface AccountInvoicedTable {
  account_id: string;
  year: string;
  currency: string;
  amount: number;
}

/** The year and currency accounts.invoiced_this_year holds (one row, 'default'); recounted_at is null while a move is recounted. */
export interface AccountCounterBasisTable {
  id: string;
  year: string;
  currency: string;
  recounted_at: string | null;
}

/** Word prefixes of names, e-mails, phones and tax ids, for indexed free-text filtering. */
export interface AccountTermsTable {
  account_id: string;
  term: string;
}

/**
 * Search terms of the records the company lists search by their own text (a project's name, an
 * invoice's number, an agreement's title and reference), by kind; the company's words are its
 * account_terms. Kept by the repositories that write those records (record-terms.repo.ts).
 */
export interface RecordTermsTable {
  kind: 'project' | 'invoice' | 'agreement';
  term: string;
  record_id: string;
}

export interface ContactsTable {
  id: string;
  person_id: string;
  organization_id: string;
  position: string | null;
  area: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

export interface AuditLogTable {
  id: string;
  at: Timestamp;
  actor_id: string | null;
  entity: string;
  entity_id: string;
  /** The account whose history shows this row. */
  account_id: string | null;
  action: string;
  changes: ColumnType<string, string, never>;
  /** The import, bulk action or merge that wrote the row (`import:<id>`…), or null. */
  batch_id: ColumnType<string | null, string | null | undefined, never>;
}

/** A file attached to an account; the bytes live in storage under `storage_key`. */
export interface DocumentsTable {
  id: string;
  account_id: string;
  purpose: 'document' | 'logo';
  /** The client's file name, for display and downloads only (never a path). */
  name: string;
  size: number;
  /** Taken from the content, never from the client's claim. */
  content_type: string;
  storage_key: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
  /** The opportunity (of the same account) the document belongs to. */
  opportunity_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The project (of the same account) the document belongs to. */
  project_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ListItemsTable {
  id: string;
  list_key: string;
  key: string;
  label_es: string;
  label_en: string;
  color: string | null;
  position: number;
  active: boolean;
  /** Built-in items (the three stages) cannot be deactivated. */
  system: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
  /** opportunity_stage only: the probability a deal in the stage gets by default (0–100), and what the stage means. */
  probability: ColumnType<number | null, number | null | undefined, number | null>;
  outcome: ColumnType<'open' | 'won' | 'lost' | null, 'open' | 'won' | 'lost' | null | undefined, 'open' | 'won' | 'lost' | null>;
}

/** A pipeline's own settings (one row, 'default'): its stages are the opportunity_stage list. */
export interface PipelinesTable {
  id: string;
  /** A card with no activity for this many days is stale. */
  stale_days: number;
  updated_at: Timestamp;
  updated_by: string | null;
  version: number;
}

/** A deal with an organization (seed 001), on the pipeline board. */
export interface OpportunitiesTable {
  id: string;
  organization_id: string;
  /** The organization's discarded_at, kept by a trigger: the opportunity is visible only while it is null. */
  organization_discarded_at: ColumnType<Timestamp | null, Timestamp | null | undefined, never>;
  name: string;
  name_norm: string;
  /** Integer minor units of `currency` (ISO 4217); null while unknown. */
  amount: number | null;
  currency: string;
  /** ISO date, YYYY-MM-DD. */
  expected_close_on: string;
  probability: number;
  /** Item key of the `source` list. */
  source: string | null;
  owner_id: string;
  /** Item key of the `opportunity_stage` list; `status` is that stage's outcome. */
  stage: string;
  status: 'open' | 'won' | 'lost';
  /** Rank key ordering the stage's column (fractional indexing): one write per move. */
  position: string;
  /** Item key of the `opportunity_lost_reason` list. */
  lost_reason: string | null;
  lost_note: string | null;
  notes: string | null;
  /** When it was won or lost; null while open. */
  closed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
  version: number;
  /** The campaign a converted member came from. */
  campaign_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A person of the opportunity's organization taking part in it, with a role (`opportunity_role` item). */
export interface OpportunityPeopleTable {
  opportunity_id: string;
  person_id: string;
  role: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

export interface OpportunityTagsTable {
  opportunity_id: string;
  tag_id: string;
  created_at: Timestamp;
  created_by: string | null;
}

export interface RequestsTable {
  id: string;
  account_id: string;
  requested_at: Timestamp;
  /** Item keys of the request_interest, request_group, request_channel, source and request_status lists. */
  interest: string | null;
  request_group: string | null;
  channel: string | null;
  source: string | null;
  status: string | null;
  handled: boolean;
  reason: string | null;
  notes: string | null;
  responsible_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  version: number;
}

export interface ActivitiesTable {
  id: string;
  account_id: string;
  request_id: string | null;
  /** Item key of the activity_type list. */
  type: string;
  status: 'scheduled' | 'done' | 'cancelled';
  subject: string;
  start_at: Timestamp;
  end_at: Timestamp | null;
  /** When it must be done by; the start unless given. The bell counts scheduled ones due by today. */
  due_at: Timestamp;
  responsible_id: string;
  /** The opportunity (of the same organization) the activity works on. */
  opportunity_id: string | null;
  /** The campaign whose member (the account) the activity works on. */
  campaign_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The project (of the same organization) the activity is a task of. */
  project_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The agreement whose renewal reminder the activity is. */
  agreement_id: ColumnType<string | null, string | null | undefined, string | null>;
  result: string | null;
  notes: string | null;
  is_private: boolean;
  remind_at: Timestamp | null;
  /** Set once the reminder has been shown, so it shows once across tabs and reloads. */
  reminded_at: Timestamp | null;
  done_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
  version: number;
}

export interface CalendarFeedsTable {
  user_id: string;
  /** sha256 of the token in the feed URL; the token itself is never stored. */
  token_hash: string;
  created_at: Timestamp;
}

/** A characteristic (kind `characteristic`) or an interest area (interest / disinterest / unmet_need) of an account. */
export interface AccountTraitsTable {
  id: string;
  account_id: string;
  kind: 'characteristic' | 'interest' | 'disinterest' | 'unmet_need';
  item_key: string;
  note: string | null;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

/** Two related accounts and why; direction-neutral (read from either side). */
export interface AccountRelationshipsTable {
  id: string;
  account_id: string;
  related_id: string;
  /** Item key of the `relationship_reason` list. */
  reason: string;
  note: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

export interface TagsTable {
  id: string;
  name: string;
  name_norm: string;
  color: string | null;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  version: number;
}

export interface AccountTagsTable {
  tag_id: string;
  account_id: string;
  created_at: Timestamp;
  created_by: string | null;
}

/** A named set of list filters, sort and columns; private to its owner or shared with everyone. */
export interface SavedViewsTable {
  id: string;
  owner_id: string;
  /** Which list the view belongs to (only `accounts` for now). */
  list: string;
  name: string;
  name_norm: string;
  shared: boolean;
  /** JSON: the list query (filters and sort) and the visible columns. */
  query: string;
  columns: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobsTable {
  id: string;
  /** A key of the job registry (server/jobs/job-kinds.ts). */
  kind: string;
  status: JobStatus;
  /** JSON: what the handler needs; results and errors are JSON text too. */
  payload: string;
  progress_done: number;
  progress_total: number | null;
  result: string | null;
  error: string | null;
  created_by: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  /** Refreshed while a process works on the job; a stale one means that process died. */
  heartbeat_at: Timestamp | null;
  attempts: number;
  /** The worker (job_workers.id) running it; a job whose worker is dead goes back to the queue. */
  worker_id: string | null;
}

/** A process that runs jobs, registered while it lives. */
export interface JobWorkersTable {
  id: string;
  host: string;
  pid: number;
  /** Random per process: tells it from an earlier process with the same pid on the same host. */
  process_id: string;
  /** PostgreSQL: the session advisory lock this worker holds while it lives (null on SQLite). */
  lock_key: number | null;
  started_at: Timestamp;
  heartbeat_at: Timestamp;
}

export interface ImportsTable {
  id: string;
  /** What the file brings in: accounts (the default), or invoices from the accounting system. */
  entity: ColumnType<'accounts' | 'invoices', 'accounts' | 'invoices' | undefined, never>;
  job_id: string | null;
  status: 'draft' | 'queued' | 'running' | 'done' | 'failed' | 'undoing' | 'undone';
  file_name: string;
  stored_name: string;
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string;
  headers: string;
  mapping: string;
  rules: string;
  rows_total: number | null;
  rows_done: number;
  created_count: number;
  updated_count: number;
  skipped_count: number;
  failed_count: number;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  undone_at: Timestamp | null;
  undone_by: string | null;
}

export interface ImportRowsTable {
  import_id: string;
  row_number: number;
  action: 'created' | 'updated' | 'skipped' | 'failed';
  account_id: string | null;
  /** An organization this row created to link the person to. */
  organization_id: string | null;
  /** A contact link this row created (removed by undo when the person stays). */
  contact_id: string | null;
  /** The invoice an invoices import's row created or updated. */
  invoice_id: string | null;
  /** JSON before-image of an updated account, restored by undo. */
  before: string | null;
  /** JSON field errors of a failed row. */
  errors: string | null;
}

export interface Database {
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  login_trusted: LoginTrustedTable;
  accounts: AccountsTable;
  account_owners: AccountOwnersTable;
  portfolio_accounts: PortfolioAccountsTable;
  account_invoiced: AccountInvoicedTable;
  account_counter_basis: AccountCounterBasisTable;
  account_terms: AccountTermsTable;
  record_terms: RecordTermsTable;
  contacts: ContactsTable;
  audit_log: AuditLogTable;
  list_items: ListItemsTable;
  jobs: JobsTable;
  job_workers: JobWorkersTable;
  imports: ImportsTable;
  import_rows: ImportRowsTable;
  documents: DocumentsTable;
  requests: RequestsTable;
  activities: ActivitiesTable;
  calendar_feeds: CalendarFeedsTable;
  account_traits: AccountTraitsTable;
  account_relationships: AccountRelationshipsTable;
  tags: TagsTable;
  account_tags: AccountTagsTable;
  saved_views: SavedViewsTable;
  pipelines: PipelinesTable;
  opportunities: OpportunitiesTable;
  opportunity_people: OpportunityPeopleTable;
  opportunity_tags: OpportunityTagsTable;
  campaigns: CampaignsTable;
  campaign_responsibles: CampaignResponsiblesTable;
  campaign_members: CampaignMembersTable;
  mail_settings: MailSettingsTable;
  email_templates: EmailTemplatesTable;
  email_bulks: EmailBulksTable;
  email_messages: EmailMessagesTable;
  email_suppressions: EmailSuppressionsTable;
  email_suppression_events: EmailSuppressionEventsTable;
  registry_settings: RegistrySettingsTable;
  registry_lookups: RegistryLookupsTable;
  account_registry_links: AccountRegistryLinksTable;
  pe_taxpayers: PeTaxpayersTable;
  pe_branches: PeBranchesTable;
  account_credit: AccountCreditTable;
  credit_events: CreditEventsTable;
  notifications: NotificationsTable;
  scheduled_runs: ScheduledRunsTable;
  tax_rates: TaxRatesTable;
  products: ProductsTable;
  quote_settings: QuoteSettingsTable;
  quote_series: QuoteSeriesTable;
  quotes: QuotesTable;
  quote_lines: QuoteLinesTable;
  public_link_hits: PublicLinkHitsTable;
  projects: ProjectsTable;
  project_responsibles: ProjectResponsiblesTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  agreements: AgreementsTable;
  agreement_templates: AgreementTemplatesTable;
  agreement_bulk_rows: AgreementBulkRowsTable;
}

export type Db = Kysely<Database>;

/** Whether this database is PostgreSQL (else SQLite): for the few statements the two spell differently. */
export const isPostgres = (db: Db): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserPatch = Updateable<UsersTable>;
export type AccountRow = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AccountPatch = Updateable<AccountsTable>;
export type ContactRow = Selectable<ContactsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type ListItemRow = Selectable<ListItemsTable>;
export type JobRow = Selectable<JobsTable>;
export type JobWorkerRow = Selectable<JobWorkersTable>;
export type ImportRow = Selectable<ImportsTable>;
export type ImportRowRow = Selectable<ImportRowsTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type RequestRow = Selectable<RequestsTable>;
/** The campaign link is optional on rows written whole (an e-mail's activity, the bench): absent means none. */
export type ActivityRow = Omit<Selectable<ActivitiesTable>, 'campaign_id' | 'project_id' | 'agreement_id'> & { campaign_id?: string | null; project_id?: string | null; agreement_id?: string | null };
export type ProjectRow = Selectable<ProjectsTable>;
export type InvoiceRow = Selectable<InvoicesTable>;
export type AgreementRow = Selectable<AgreementsTable>;
export type AgreementTemplateRow = Selectable<AgreementTemplatesTable>;
export type OpportunityRow = Selectable<OpportunitiesTable>;
export type NewOpportunity = Insertable<OpportunitiesTable>;
export type PipelineRow = Selectable<PipelinesTable>;

/** Columns that SQLite stores as 0/1 and every caller sees as booleans. */
export const booleanColumns = new Set(['crm_manager', 'active', 'system', 'handled', 'is_private', 'shared', 'include_contacts', 'track_opens', 'enabled']);
export type AccountTraitRow = Selectable<AccountTraitsTable>;
export type AccountRelationshipRow = Selectable<AccountRelationshipsTable>;
export type TagRow = Selectable<TagsTable>;
export type SavedViewRow = Selectable<SavedViewsTable>;

/** Columns that SQLite stores as 0/1 and every caller sees as booleans. */
