import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Invoices (issue 22): what was billed to an organization, by hand or copied from an accepted
// quote, with the accounting system's number (unique). Visible exactly when the organization is
// (the portfolio rule, as projects): a trigger keeps a copy of the organization's discarded_at.
// Overdue is read from (status, due_date), so it is never stale.

async function triggers(db: Kysely<any>, pg: boolean): Promise<void> {
  const copy = 'update invoices set organization_discarded_at = new.discarded_at where organization_id = new.id';
  if (pg) {
    await sql.raw(`create function invoices_organization_discarded() returns trigger language plpgsql as $$
      begin ${copy}; return null; end $$`).execute(db);
    await sql.raw(`create trigger invoices_organization_discarded after update of discarded_at on accounts
      for each row when (old.discarded_at is distinct from new.discarded_at) execute function invoices_organization_discarded()`).execute(db);
    return;
  }
  await sql.raw(`create trigger invoices_organization_discarded after update of discarded_at on accounts
    when old.discarded_at is not new.discarded_at begin ${copy}; end`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  const bytes = pg ? sql`text collate "C"` : sql`text`;
  const money = pg ? sql`bigint` : sql`integer`;
  const live = sql<boolean>`organization_discarded_at is null`;

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('number_norm', bytes, (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('organization_discarded_at', ts)
    .addColumn('quote_id', 'text', (c) => c.references('quotes.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issue_date', bytes, (c) => c.notNull())
    .addColumn('due_date', bytes, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('net_total', money, (c) => c.notNull())
    .addColumn('tax_total', money, (c) => c.notNull())
    .addColumn('total', money, (c) => c.notNull())
    .addColumn('paid_amount', money, (c) => c.notNull())
    .addColumn('delivery', 'text')
    .addColumn('delivery_email', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // The number is the accounting system's key: one invoice per number (an import is idempotent on it).
  await db.schema.createIndex('invoices_number_key').on('invoices').column('number_norm').unique().execute();
  // The list's sorts, and each filter followed by the default sort.
  const partial: Array<[string, string[]]> = [
    ['invoices_issue_idx', ['issue_date', 'id']],
    ['invoices_due_idx', ['due_date', 'id']],
    ['invoices_created_idx', ['created_at', 'id']],
    ['invoices_status_idx', ['status', 'due_date', 'id']],
  ];
  for (const [name, columns] of partial) await db.schema.createIndex(name).on('invoices').columns(columns).where(live).execute();
  // An agent's scope, an organization's tab and its invoiced-this-year counter lead with the organization.
  await db.schema.createIndex('invoices_organization_idx').on('invoices').columns(['organization_id', 'issue_date', 'id']).execute();
  await db.schema.createIndex('invoices_quote_idx').on('invoices').column('quote_id').execute();

  await db.schema
    .createTable('invoice_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity_milli', money, (c) => c.notNull())
    .addColumn('unit_price', money, (c) => c.notNull())
    .addColumn('tax_bp', 'integer', (c) => c.notNull())
    .addColumn('net', money, (c) => c.notNull())
    .addColumn('tax', money, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invoice_lines_invoice_idx').on('invoice_lines').columns(['invoice_id', 'position']).execute();

  await triggers(db, pg);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) await sql.raw('drop function if exists invoices_organization_discarded() cascade').execute(db);
  else await sql.raw('drop trigger if exists invoices_organization_discarded').execute(db);
  await db.schema.dropTable('invoice_lines').ifExists().execute();
  await db.schema.dropTable('invoices').ifExists().execute();
}
