import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Opportunities (seed 001: "eventos de necesidad de un servicio que una Organización requiere"):
// on an organization, with the people of that organization involved (each with a role), tags, a
// pipeline stage and a position on the board. Activities and documents gain an opportunity link.
//
// The pipeline's stages are a configurable list like any other (key, es/en labels, colour, order,
// active), so list_items gains the two attributes stages need: a default probability and an
// outcome (open, won, lost). The one setting of the pipeline as a whole, after how many days
// without activity a card is stale, lives in `pipelines` (one row today; a second pipeline would
// add rows and a pipeline id on opportunities).
//
// An opportunity is visible exactly when its organization is. Admins and managers see every live
// organization, and checking the organization of each of 100,000 opportunities to total a board
// costs a lookup each (a third of a second on SQLite); so each opportunity carries a copy of its
// organization's discarded_at, kept by a trigger in the same transaction as the discard or restore,
// and the indexes hold only the live ones. Agents' scope reads their portfolio (portfolio_accounts).

type Seed = readonly [key: string, es: string, en: string, color: string | null, probability: number | null, outcome: string | null];

const lists: Record<string, readonly Seed[]> = {
  opportunity_stage: [
    ['qualification', 'Calificación', 'Qualification', '#228be6', 10, 'open'],
    ['needs_analysis', 'Análisis de necesidades', 'Needs analysis', '#15aabf', 20, 'open'],
    ['proposal', 'Propuesta', 'Proposal', '#7950f2', 50, 'open'],
    ['negotiation', 'Negociación', 'Negotiation', '#fd7e14', 80, 'open'],
    ['won', 'Ganada', 'Won', '#40c057', 100, 'won'],
    ['lost', 'Perdida', 'Lost', '#fa5252', 0, 'lost'],
  ],
  opportunity_lost_reason: [
    ['price', 'Precio', 'Price', null, null, null],
    ['competitor', 'Competidor', 'Competitor', null, null, null],
    ['no_budget', 'Sin presupuesto', 'No budget', null, null, null],
    ['no_decision', 'Sin decisión', 'No decision', null, null, null],
    ['timing', 'Momento inadecuado', 'Bad timing', null, null, null],
  ],
  opportunity_role: [
    ['decision_maker', 'Decisor', 'Decision maker', '#e64980', null, null],
    ['influencer', 'Influyente', 'Influencer', '#fab005', null, null],
    ['user', 'Usuario', 'User', '#228be6', null, null],
    ['technical', 'Evaluador técnico', 'Technical evaluator', '#12b886', null, null],
  ],
};

/** The won and lost stages cannot be deactivated: the board always has somewhere to close a deal. */
const systemItems = new Set(['opportunity_stage.won', 'opportunity_stage.lost']);

async function triggers(db: Kysely<any>, pg: boolean): Promise<void> {
  const copy = 'update opportunities set organization_discarded_at = new.discarded_at where organization_id = new.id';
  if (pg) {
    await sql.raw(`create function opportunities_organization_discarded() returns trigger language plpgsql as $$
      begin ${copy}; return null; end $$`).execute(db);
    await sql.raw(`create trigger opportunities_organization_discarded after update of discarded_at on accounts
      for each row when (old.discarded_at is distinct from new.discarded_at) execute function opportunities_organization_discarded()`).execute(db);
    return;
  }
  await sql.raw(`create trigger opportunities_organization_discarded after update of discarded_at on accounts
    when old.discarded_at is not new.discarded_at begin ${copy}; end`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  // Compared as bytes on both dialects: names sort alike, rank keys ('a0', 'a0V', 'Zz'…) and dates in order.
  const bytes = pg ? sql`text collate "C"` : sql`text`;
  const money = pg ? sql`bigint` : sql`integer`;
  const live = sql<boolean>`organization_discarded_at is null`;

  await db.schema.alterTable('list_items').addColumn('probability', 'integer').execute();
  await db.schema.alterTable('list_items').addColumn('outcome', 'text').execute();

  await db.schema
    .createTable('pipelines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stale_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('opportunities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('organization_discarded_at', ts)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_norm', bytes, (c) => c.notNull())
    .addColumn('amount', money)
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('expected_close_on', bytes, (c) => c.notNull())
    .addColumn('probability', 'integer', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('stage', bytes, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('position', bytes, (c) => c.notNull())
    .addColumn('lost_reason', 'text')
    .addColumn('lost_note', 'text')
    .addColumn('notes', 'text')
    .addColumn('closed_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // The board (a column's cards in order; its totals from the index alone), the list's sorts, and
  // each filter followed by the board's order or the list's default sort.
  const partial: Array<[string, string[]]> = [
    ['opportunities_board_idx', ['stage', 'position', 'id']],
    ['opportunities_stage_totals_idx', ['stage', 'currency', 'amount']],
    ['opportunities_owner_board_idx', ['owner_id', 'stage', 'position', 'id']],
    ['opportunities_created_idx', ['created_at', 'id']],
    ['opportunities_updated_idx', ['updated_at', 'id']],
    ['opportunities_close_idx', ['expected_close_on', 'id']],
    ['opportunities_name_idx', ['name_norm', 'id']],
    ['opportunities_owner_idx', ['owner_id', 'created_at', 'id']],
    ['opportunities_stage_idx', ['stage', 'created_at', 'id']],
    ['opportunities_status_idx', ['status', 'created_at', 'id']],
    ['opportunities_source_idx', ['source', 'created_at', 'id']],
  ];
  for (const [name, columns] of partial) await db.schema.createIndex(name).on('opportunities').columns(columns).where(live).execute();
  // An agent's scope leads with their portfolio's organizations; an organization's page lists its own.
  await db.schema.createIndex('opportunities_organization_idx').on('opportunities').columns(['organization_id', 'stage', 'position', 'id']).execute();

  await db.schema
    .createTable('opportunity_people')
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunities.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('role', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('opportunity_people_pk', ['opportunity_id', 'person_id'])
    .execute();
  await db.schema.createIndex('opportunity_people_person_idx').on('opportunity_people').columns(['person_id']).execute();

  await db.schema
    .createTable('opportunity_tags')
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunities.id').onDelete('cascade'))
    .addColumn('tag_id', 'text', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('opportunity_tags_pk', ['opportunity_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('opportunity_tags_tag_idx').on('opportunity_tags').columns(['tag_id', 'opportunity_id']).execute();

  // DESIGN.md: an activity links to an account and optionally an opportunity; so does a document.
  await db.schema.alterTable('activities').addColumn('opportunity_id', 'text', (c) => c.references('opportunities.id').onDelete('set null')).execute();
  // The opportunity's activities newest first, and for its card the next one due and the last one held.
  await db.schema.createIndex('activities_opportunity_idx').on('activities').columns(['opportunity_id', 'start_at', 'id']).execute();
  await db.schema.createIndex('activities_opportunity_due_idx').on('activities').columns(['opportunity_id', 'status', 'due_at']).execute();
  await db.schema.alterTable('documents').addColumn('opportunity_id', 'text', (c) => c.references('opportunities.id').onDelete('set null')).execute();
  await db.schema.createIndex('documents_opportunity_idx').on('documents').columns(['opportunity_id', 'uploaded_at', 'id']).execute();

  await triggers(db, pg);

  const now = new Date().toISOString();
  await db.insertInto('pipelines').values({ id: 'default', stale_days: 14, updated_at: now, updated_by: null, version: 1 }).execute();
  const rows = Object.entries(lists).flatMap(([listKey, items], listIndex) =>
    items.map(([key, es, en, color, probability, outcome], index) => ({
      // Fixed ids keep the seed identical on every install (UUIDv7-shaped, time zero).
      id: `00000000-0000-7000-8003-${String(listIndex * 100 + index + 1).padStart(12, '0')}`,
      list_key: listKey,
      key,
      label_es: es,
      label_en: en,
      color,
      position: index,
      active: pg ? true : 1,
      system: systemItems.has(`${listKey}.${key}`) ? (pg ? true : 1) : (pg ? false : 0),
      created_at: now,
      updated_at: now,
      version: 1,
      probability,
      outcome,
    })),
  );
  await db.insertInto('list_items').values(rows).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) await sql.raw('drop function if exists opportunities_organization_discarded() cascade').execute(db);
  else await sql.raw('drop trigger if exists opportunities_organization_discarded').execute(db);
  await db.deleteFrom('list_items').where('list_key', 'in', Object.keys(lists)).execute();
  await db.schema.dropIndex('documents_opportunity_idx').ifExists().execute();
  await db.schema.alterTable('documents').dropColumn('opportunity_id').execute();
  await db.schema.dropIndex('activities_opportunity_due_idx').ifExists().execute();
  await db.schema.dropIndex('activities_opportunity_idx').ifExists().execute();
  await db.schema.alterTable('activities').dropColumn('opportunity_id').execute();
  await db.schema.dropTable('opportunity_tags').ifExists().execute();
  await db.schema.dropTable('opportunity_people').ifExists().execute();
  await db.schema.dropTable('opportunities').ifExists().execute();
  await db.schema.dropTable('pipelines').ifExists().execute();
  await db.schema.alterTable('list_items').dropColumn('outcome').execute();
  await db.schema.alterTable('list_items').dropColumn('probability').execute();
}
