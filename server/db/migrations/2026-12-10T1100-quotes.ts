import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Quotes (seed 001 "Cotizaciones"): for an account, optionally an opportunity and a contact person;
// lines with a quantity in thousandths, a unit price in minor units, a discount and a tax rate
// each; totals stored as the server computed them. Numbers come from a per-year series moved in
// the transaction that uses it, so none is skipped or given twice. A revision is a quote of its
// own (root_id, previous_id, revision) so each keeps the lines and totals it was sent with.
//
// Like opportunities, a quote is visible exactly when its account is: it carries a copy of the
// account's discarded_at (kept by a trigger) so the list's indexes hold live quotes only.

async function triggers(db: Kysely<any>, pg: boolean): Promise<void> {
  const copy = 'update quotes set account_discarded_at = new.discarded_at where account_id = new.id';
  if (pg) {
    await sql.raw(`create function quotes_account_discarded() returns trigger language plpgsql as $$
      begin ${copy}; return null; end $$`).execute(db);
    await sql.raw(`create trigger quotes_account_discarded after update of discarded_at on accounts
      for each row when (old.discarded_at is distinct from new.discarded_at) execute function quotes_account_discarded()`).execute(db);
    return;
  }
  await sql.raw(`create trigger quotes_account_discarded after update of discarded_at on accounts
    when old.discarded_at is not new.discarded_at begin ${copy}; end`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  const bytes = pg ? sql`text collate "C"` : sql`text`;
  const money = pg ? sql`bigint` : sql`integer`;
  const live = sql<boolean>`account_discarded_at is null`;

  await db.schema
    .createTable('quote_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number_prefix', 'text', (c) => c.notNull())
    .addColumn('validity_days', 'integer', (c) => c.notNull())
    .addColumn('base_currency', 'text', (c) => c.notNull())
    .addColumn('company_name', 'text')
    .addColumn('company_tax_id', 'text')
    .addColumn('company_address', 'text')
    .addColumn('logo_key', 'text')
    .addColumn('logo_type', 'text')
    .addColumn('payment_terms', 'text')
    .addColumn('terms_es', 'text')
    .addColumn('terms_en', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('quote_series')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('quotes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('account_discarded_at', ts)
    .addColumn('opportunity_id', 'text', (c) => c.references('opportunities.id').onDelete('set null'))
    .addColumn('contact_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('root_id', 'text', (c) => c.notNull())
    .addColumn('previous_id', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('series_year', 'integer')
    .addColumn('series_number', 'integer')
    .addColumn('number', bytes)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('base_currency', 'text', (c) => c.notNull())
    .addColumn('exchange_rate', 'text')
    .addColumn('issue_date', bytes, (c) => c.notNull())
    .addColumn('valid_until', bytes, (c) => c.notNull())
    .addColumn('payment_terms', 'text')
    .addColumn('notes', 'text')
    .addColumn('terms', 'text')
    .addColumn('net_total', money, (c) => c.notNull())
    .addColumn('tax_total', money, (c) => c.notNull())
    .addColumn('total', money, (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('sent_at', ts)
    .addColumn('decided_at', ts)
    .addColumn('decided_name', 'text')
    .addColumn('decided_ip', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // A number is never given twice (revisions add their -R suffix to their root's).
  await db.schema.createIndex('quotes_number_unique').on('quotes').column('number').unique().execute();
  // The list's sorts and each filter followed by the default sort (newest issue date first).
  const partial: Array<[string, string[]]> = [
    ['quotes_issue_idx', ['issue_date', 'id']],
    ['quotes_updated_idx', ['updated_at', 'id']],
    ['quotes_number_idx', ['number', 'id']],
    ['quotes_status_idx', ['status', 'issue_date', 'id']],
    ['quotes_owner_idx', ['owner_id', 'issue_date', 'id']],
    ['quotes_total_idx', ['currency', 'total', 'id']],
    ['quotes_status_decided_idx', ['status', 'decided_at', 'currency', 'total']],
  ];
  for (const [name, columns] of partial) await db.schema.createIndex(name).on('quotes').columns(columns).where(live).execute();
  // An agent's scope leads with their portfolio's accounts; an account's and an opportunity's pages list their own.
  await db.schema.createIndex('quotes_account_idx').on('quotes').columns(['account_id', 'issue_date', 'id']).execute();
  await db.schema.createIndex('quotes_opportunity_idx').on('quotes').columns(['opportunity_id', 'issue_date', 'id']).execute();
  await db.schema.createIndex('quotes_root_idx').on('quotes').columns(['root_id', 'revision']).execute();

  await db.schema
    .createTable('quote_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('quote_id', 'text', (c) => c.notNull().references('quotes.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.references('products.id').onDelete('set null'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity_milli', money, (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('unit_price', money, (c) => c.notNull())
    .addColumn('discount_bp', 'integer')
    .addColumn('discount_amount', money)
    .addColumn('tax_bp', 'integer', (c) => c.notNull())
    .addColumn('net', money, (c) => c.notNull())
    .addColumn('tax', money, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quote_lines_quote_idx').on('quote_lines').columns(['quote_id', 'position']).execute();

  await triggers(db, pg);
  await db.insertInto('quote_settings').values({
    id: 'default', number_prefix: 'COT', validity_days: 30, base_currency: 'EUR', company_name: null, company_tax_id: null, company_address: null,
    logo_key: null, logo_type: null, payment_terms: null, terms_es: null, terms_en: null, updated_at: new Date().toISOString(), updated_by: null, version: 1,
  }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) await sql.raw('drop function if exists quotes_account_discarded() cascade').execute(db);
  else await sql.raw('drop trigger if exists quotes_account_discarded').execute(db);
  await db.schema.dropTable('quote_lines').ifExists().execute();
  await db.schema.dropTable('quotes').ifExists().execute();
  await db.schema.dropTable('quote_series').ifExists().execute();
  await db.schema.dropTable('quote_settings').ifExists().execute();
}
