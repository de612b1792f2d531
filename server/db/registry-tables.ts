// Tables of company-registry lookup, credit monitoring and notifications (issue 23).

type Timestamp = string;

/** One row per register: whether an admin turned it on, its non-secret settings and its sealed secret. */
export interface RegistrySettingsTable {
  country: string;
  enabled: boolean;
  /** SE: the OAuth2 client id. */
  client_id: string | null;
  /** DK: who to contact, sent in the User-Agent cvrapi.dk asks for. */
  contact: string | null;
  /** GB: the API key; SE: the client secret; sealed with CARTERA_SECRET_KEY (server/lib/secrets.ts). */
  secret_sealed: string | null;
  /** NO: the last update id of the change feed already read. */
  feed_cursor: string | null;
  /** PE: when the public file was last loaded completely, and how many companies it held. */
  loaded_at: Timestamp | null;
  loaded_count: number | null;
  updated_at: Timestamp;
  updated_by: string | null;
  version: number;
}

/** A register's answer kept for audit and for creating the account from it (its departments too). */
export interface RegistryLookupsTable {
  id: string;
  country: string;
  number: string;
  fetched_at: Timestamp;
  /** JSON: the register's raw answers ({ company, subUnits }) and the mapped company and sub-units. */
  raw: string;
  mapped: string;
  created_by: string | null;
}

/** Which register entry an account was created from (or its department's entry). */
export interface AccountRegistryLinksTable {
  id: string;
  account_id: string;
  country: string;
  number: string;
  /** 'company' or 'sub_unit'. */
  kind: string;
  fetched_at: Timestamp;
  /** JSON: the register's raw answer at the time of the lookup. */
  raw: string;
  created_at: Timestamp;
  created_by: string | null;
}

/** Peru: SUNAT's "padrón reducido", loaded by an admin-started job; lookups read it offline. */
export interface PeTaxpayersTable {
  ruc: string;
  name: string;
  name_norm: string;
  state: string | null;
  condition: string | null;
  ubigeo: string | null;
  address: string | null;
  load_id: string;
}

/** Peru: the "locales anexos" (branches) file. */
export interface PeBranchesTable {
  id: string;
  ruc: string;
  ubigeo: string | null;
  address: string | null;
  load_id: string;
}

/** An account's credit watch: explicit monitoring (null follows the stage: customers are watched) and its risk. */
export interface AccountCreditTable {
  account_id: string;
  /** 'on', 'off', or null: automatic (watched while a customer). */
  monitoring: string | null;
  risk_level: string;
  /** JSON array of the current signals. */
  signals: string;
  checked_at: Timestamp | null;
  changed_at: Timestamp | null;
  /** Why the last check could not ask a source (the level then stays as it was). */
  check_error: string | null;
  updated_at: Timestamp;
}

/** The history of an account's risk level: every change, its date, source and what changed. */
export interface CreditEventsTable {
  id: string;
  account_id: string;
  at: Timestamp;
  source: string;
  level_before: string;
  level_after: string;
  /** JSON arrays of the signals before and after. */
  signals_before: string;
  signals_after: string;
}

/** Something a user should know (the bell shows the unread ones). `kind` says how to word it. */
export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  account_id: string | null;
  /** JSON: what the wording needs besides the account (levels, signals…). */
  params: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** Periodic work that happened: one row per (name, period), so only one process starts each run. */
export interface ScheduledRunsTable {
  name: string;
  period: string;
  created_at: Timestamp;
}
