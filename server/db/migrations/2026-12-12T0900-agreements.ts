import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Agreements (issue 22 item 2; seed 003: a new company's start project "crear y enviar acuerdos
// generales de cooperación"): on an organization, optionally inside one of its projects, with a type
// from a configurable list, dates, a value, an owner, a document (uploaded or generated from an
// admin-edited template) and a status from draft to signed by both, each signature dated.
//
// Visible exactly when the organization is (the portfolio rule, as projects and invoices): a trigger
// keeps a copy of the organization's discarded_at, so the lists of those who see everything read
// live agreements from partial indexes. The company list's unsigned-agreements counter reads
// (organization, status). A renewal reminder is an activity (a task for the owner) linked back here.

async function triggers(db: Kysely<any>, pg: boolean): Promise<void> {
  const copy = 'update agreements set organization_discarded_at = new.discarded_at where organization_id = new.id';
  if (pg) {
    await sql.raw(`create function agreements_organization_discarded() returns trigger language plpgsql as $$
      begin ${copy}; return null; end $$`).execute(db);
    await sql.raw(`create trigger agreements_organization_discarded after update of discarded_at on accounts
      for each row when (old.discarded_at is distinct from new.discarded_at) execute function agreements_organization_discarded()`).execute(db);
    return;
  }
  await sql.raw(`create trigger agreements_organization_discarded after update of discarded_at on accounts
    when old.discarded_at is not new.discarded_at begin ${copy}; end`).execute(db);
}

type Seed = readonly [key: string, es: string, en: string, color: string];

const agreementTypes: readonly Seed[] = [
  ['general_cooperation', 'Acuerdo general de cooperación', 'General cooperation agreement', '#228be6'],
  ['framework', 'Acuerdo marco', 'Framework agreement', '#7950f2'],
  ['nda', 'Acuerdo de confidencialidad', 'Non-disclosure agreement', '#868e96'],
  ['service', 'Contrato de servicios', 'Service agreement', '#40c057'],
];

// A template to start from in each language, so generating works before an admin writes one.
const templates = [
  {
    name: 'Acuerdo general de cooperación', language: 'es',
    body: `Entre {{company.name}} (NIF {{company.taxId|—}}) y {{customer.name}} (NIF {{customer.taxId|—}}), se acuerda lo siguiente.

1. Objeto. Las partes colaborarán según lo descrito en «{{agreement.title}}».

2. Vigencia. Desde el {{agreement.startDate|día de la firma}} hasta el {{agreement.endDate|aviso de cualquiera de las partes}}.

3. Importe. {{agreement.value|Sin importe fijo}}.

Firmado en la fecha indicada: {{agreement.date}}.`,
  },
  {
    name: 'General cooperation agreement', language: 'en',
    body: `Between {{company.name}} (tax ID {{company.taxId|—}}) and {{customer.name}} (tax ID {{customer.taxId|—}}), the following is agreed.

1. Purpose. The parties will cooperate as described in "{{agreement.title}}".

2. Term. From {{agreement.startDate|the date of signature}} until {{agreement.endDate|notice by either party}}.

3. Value. {{agreement.value|No fixed value}}.

Signed on the date given: {{agreement.date}}.`,
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  // Compared as bytes on both dialects, so titles and dates sort alike.
  const bytes = pg ? sql`text collate "C"` : sql`text`;
  const money = pg ? sql`bigint` : sql`integer`;
  const bool = (value: boolean) => (pg ? value : value ? 1 : 0);
  const live = sql<boolean>`organization_discarded_at is null`;

  await db.schema
    .createTable('agreement_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_norm', bytes, (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agreement_templates_name_idx').on('agreement_templates').columns(['name_norm', 'id']).execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('organization_discarded_at', ts)
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_norm', bytes, (c) => c.notNull())
    .addColumn('type', 'text')
    .addColumn('reference', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_on', bytes)
    .addColumn('end_on', bytes)
    .addColumn('value_amount', money)
    .addColumn('value_currency', 'text')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('document_id', 'text', (c) => c.references('documents.id').onDelete('set null'))
    .addColumn('template_id', 'text', (c) => c.references('agreement_templates.id').onDelete('set null'))
    // The template's text as merged when the PDF was generated: what the public page shows.
    .addColumn('document_text', 'text')
    .addColumn('renewal_remind_on', bytes)
    .addColumn('reminder_activity_id', 'text', (c) => c.references('activities.id').onDelete('set null'))
    // Only the hash of the public link's token is kept; sending again issues a new one.
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('sent_at', ts)
    .addColumn('customer_signed_on', bytes)
    .addColumn('customer_signed_name', 'text')
    .addColumn('customer_signed_at', ts)
    .addColumn('customer_signed_ip', 'text')
    .addColumn('company_signed_on', bytes)
    .addColumn('company_signed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('closed_on', bytes)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // The list's sorts, and each filter followed by the default sort.
  const partial: Array<[string, string[]]> = [
    ['agreements_created_idx', ['created_at', 'id']],
    ['agreements_updated_idx', ['updated_at', 'id']],
    ['agreements_title_idx', ['title_norm', 'id']],
    ['agreements_status_idx', ['status', 'created_at', 'id']],
    ['agreements_end_idx', ['end_on', 'id']],
    ['agreements_owner_idx', ['owner_id', 'created_at', 'id']],
  ];
  for (const [name, columns] of partial) await db.schema.createIndex(name).on('agreements').columns(columns).where(live).execute();
  // An agent's scope and an organization's tab lead with the organization; its unsigned-agreements counter reads (organization, status).
  await db.schema.createIndex('agreements_organization_idx').on('agreements').columns(['organization_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('agreements_organization_status_idx').on('agreements').columns(['organization_id', 'status']).execute();
  await db.schema.createIndex('agreements_project_idx').on('agreements').columns(['project_id', 'created_at', 'id']).execute();
  // Deleting a document, template or activity finds the agreements naming it.
  await db.schema.createIndex('agreements_document_idx').on('agreements').column('document_id').execute();
  await db.schema.createIndex('agreements_template_idx').on('agreements').column('template_id').execute();
  await db.schema.createIndex('agreements_reminder_idx').on('agreements').column('reminder_activity_id').execute();

  // The renewal reminders an agreement has made: its history shows them.
  await db.schema.alterTable('activities').addColumn('agreement_id', 'text', (c) => c.references('agreements.id').onDelete('set null')).execute();
  await db.schema.createIndex('activities_agreement_idx').on('activities').columns(['agreement_id']).execute();

  await triggers(db, pg);

  const now = new Date().toISOString();
  await db.insertInto('list_items').values(agreementTypes.map(([key, es, en, color], index) => ({
    // Fixed ids keep the seed identical on every install (UUIDv7-shaped, time zero).
    id: `00000000-0000-7000-8012-${String(index + 1).padStart(12, '0')}`,
    list_key: 'agreement_type', key, label_es: es, label_en: en, color, position: index,
    active: bool(true), system: bool(false), created_at: now, updated_at: now, version: 1, probability: null, outcome: null,
  }))).execute();
  await db.insertInto('agreement_templates').values(templates.map((template, index) => ({
    id: `00000000-0000-7000-8013-${String(index + 1).padStart(12, '0')}`,
    name: template.name, name_norm: template.name.normalize('NFKD').replace(/\p{Diacritic}/gu, '').toLowerCase(), language: template.language, body: template.body,
    active: bool(true), created_at: now, updated_at: now, updated_by: null, version: 1,
  }))).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) await sql.raw('drop function if exists agreements_organization_discarded() cascade').execute(db);
  else await sql.raw('drop trigger if exists agreements_organization_discarded').execute(db);
  await db.deleteFrom('list_items').where('list_key', '=', 'agreement_type').execute();
  await db.schema.dropIndex('activities_agreement_idx').ifExists().execute();
  await db.schema.alterTable('activities').dropColumn('agreement_id').execute();
  await db.schema.dropTable('agreements').ifExists().execute();
  await db.schema.dropTable('agreement_templates').ifExists().execute();
}
