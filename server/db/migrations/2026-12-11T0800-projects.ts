import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Projects (seed 003: a new company gets a start project; the company list counts active projects
// and open tasks): on an organization, with responsible users, a status, dates and a budget.
// Activities (a project's tasks) and documents gain a project link.
//
// A project is visible exactly when its organization is (the portfolio rule, as opportunities):
// each carries a copy of its organization's discarded_at, kept by a trigger in the same
// transaction as the discard or restore, so the lists of those who see everything read only live
// projects from partial indexes; agents' scope reads their portfolio by organization.

async function triggers(db: Kysely<any>, pg: boolean): Promise<void> {
  const copy = 'update projects set organization_discarded_at = new.discarded_at where organization_id = new.id';
  if (pg) {
    await sql.raw(`create function projects_organization_discarded() returns trigger language plpgsql as $$
      begin ${copy}; return null; end $$`).execute(db);
    await sql.raw(`create trigger projects_organization_discarded after update of discarded_at on accounts
      for each row when (old.discarded_at is distinct from new.discarded_at) execute function projects_organization_discarded()`).execute(db);
    return;
  }
  await sql.raw(`create trigger projects_organization_discarded after update of discarded_at on accounts
    when old.discarded_at is not new.discarded_at begin ${copy}; end`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  // Compared as bytes on both dialects, so names and dates sort alike.
  const bytes = pg ? sql`text collate "C"` : sql`text`;
  const money = pg ? sql`bigint` : sql`integer`;
  const live = sql<boolean>`organization_discarded_at is null`;

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('organization_discarded_at', ts)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_norm', bytes, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_on', bytes)
    .addColumn('end_on', bytes)
    .addColumn('description', 'text')
    .addColumn('budget_amount', money)
    .addColumn('budget_currency', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // The list's sorts, and each filter followed by the default sort.
  const partial: Array<[string, string[]]> = [
    ['projects_created_idx', ['created_at', 'id']],
    ['projects_updated_idx', ['updated_at', 'id']],
    ['projects_name_idx', ['name_norm', 'id']],
    ['projects_status_idx', ['status', 'created_at', 'id']],
    ['projects_end_idx', ['end_on', 'id']],
  ];
  for (const [name, columns] of partial) await db.schema.createIndex(name).on('projects').columns(columns).where(live).execute();
  // An agent's scope and an organization's tab lead with the organization; its active-projects counter reads (organization, status).
  await db.schema.createIndex('projects_organization_idx').on('projects').columns(['organization_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('projects_organization_status_idx').on('projects').columns(['organization_id', 'status']).execute();

  await db.schema
    .createTable('project_responsibles')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('project_responsibles_pk', ['project_id', 'user_id'])
    .execute();
  await db.schema.createIndex('project_responsibles_user_idx').on('project_responsibles').columns(['user_id', 'project_id']).execute();

  // DESIGN.md: an activity links to an account and optionally a project; so does a document.
  await db.schema.alterTable('activities').addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null')).execute();
  // The project's tasks by due date, and its open ones counted.
  await db.schema.createIndex('activities_project_idx').on('activities').columns(['project_id', 'status', 'due_at', 'id']).execute();
  // The account's open tasks (the company list's counter): scheduled tasks of one account.
  await db.schema.createIndex('activities_account_open_idx').on('activities').columns(['account_id', 'type', 'status']).execute();
  await db.schema.alterTable('documents').addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null')).execute();
  await db.schema.createIndex('documents_project_idx').on('documents').columns(['project_id', 'uploaded_at', 'id']).execute();

  await triggers(db, pg);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) await sql.raw('drop function if exists projects_organization_discarded() cascade').execute(db);
  else await sql.raw('drop trigger if exists projects_organization_discarded').execute(db);
  await db.schema.dropIndex('documents_project_idx').ifExists().execute();
  await db.schema.alterTable('documents').dropColumn('project_id').execute();
  await db.schema.dropIndex('activities_account_open_idx').ifExists().execute();
  await db.schema.dropIndex('activities_project_idx').ifExists().execute();
  await db.schema.alterTable('activities').dropColumn('project_id').execute();
  await db.schema.dropTable('project_responsibles').ifExists().execute();
  await db.schema.dropTable('projects').ifExists().execute();
}
