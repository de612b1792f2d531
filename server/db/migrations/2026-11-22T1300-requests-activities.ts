import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Leads' requests, activities (and their reminders), and each user's calendar feed token.
// Campaign, opportunity and project links arrive with those modules, as nullable columns.

type Seed = readonly [key: string, es: string, en: string, color: string | null];

const lists: Record<string, readonly Seed[]> = {
  activity_type: [
    ['call', 'Llamada', 'Call', '#228be6'],
    ['email', 'Correo electrónico', 'E-mail', '#15aabf'],
    ['letter', 'Carta', 'Letter', '#868e96'],
    ['visit', 'Visita', 'Visit', '#40c057'],
    ['meeting', 'Reunión', 'Meeting', '#7950f2'],
    ['task', 'Tarea', 'Task', '#fd7e14'],
    ['note', 'Nota', 'Note', '#adb5bd'],
  ],
  request_status: [
    ['new', 'Nueva', 'New', '#228be6'],
    ['contacted', 'Contactado', 'Contacted', '#fab005'],
    ['appointment', 'Cita concertada', 'Appointment booked', '#40c057'],
    ['not_interested', 'No interesado', 'Not interested', '#fa5252'],
  ],
  request_channel: [
    ['phone', 'Teléfono', 'Phone', null],
    ['web_form', 'Formulario web', 'Web form', null],
    ['walk_in', 'Presencial', 'Walk-in', null],
  ],
  request_group: [],
  request_interest: [],
};

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  const bool = pg ? sql`boolean` : sql`integer`;

  await db.schema
    .createTable('requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('requested_at', ts, (c) => c.notNull())
    .addColumn('interest', 'text')
    .addColumn('request_group', 'text')
    .addColumn('channel', 'text')
    .addColumn('source', 'text')
    .addColumn('status', 'text')
    .addColumn('handled', bool, (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('responsible_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // The default sort (newest first) and each filter followed by it; account_id also serves "latest per lead".
  const requestIndexes: Array<[string, string[]]> = [
    ['requests_date_idx', ['requested_at', 'id']],
    ['requests_account_idx', ['account_id', 'requested_at', 'id']],
    ['requests_status_idx', ['status', 'requested_at', 'id']],
    ['requests_interest_idx', ['interest', 'requested_at', 'id']],
    ['requests_group_idx', ['request_group', 'requested_at', 'id']],
    ['requests_channel_idx', ['channel', 'requested_at', 'id']],
    ['requests_source_idx', ['source', 'requested_at', 'id']],
    ['requests_responsible_idx', ['responsible_id', 'requested_at', 'id']],
    ['requests_handled_idx', ['handled', 'requested_at', 'id']],
  ];
  for (const [name, columns] of requestIndexes) await db.schema.createIndex(name).on('requests').columns(columns).execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('request_id', 'text', (c) => c.references('requests.id').onDelete('set null'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('start_at', ts, (c) => c.notNull())
    .addColumn('end_at', ts)
    .addColumn('due_at', ts, (c) => c.notNull())
    .addColumn('responsible_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('result', 'text')
    .addColumn('notes', 'text')
    .addColumn('is_private', bool, (c) => c.notNull())
    .addColumn('remind_at', ts)
    .addColumn('reminded_at', ts)
    .addColumn('done_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  const activityIndexes: Array<[string, string[]]> = [
    ['activities_start_idx', ['start_at', 'id']],
    ['activities_account_idx', ['account_id', 'start_at', 'id']],
    ['activities_request_idx', ['request_id']],
    ['activities_status_idx', ['status', 'start_at', 'id']],
    ['activities_type_idx', ['type', 'start_at', 'id']],
    ['activities_responsible_idx', ['responsible_id', 'start_at', 'id']],
    // The bell: my scheduled activities due by a moment.
    ['activities_pending_idx', ['responsible_id', 'status', 'due_at', 'id']],
    // Reminders: my scheduled activities by reminder time.
    ['activities_remind_idx', ['responsible_id', 'status', 'remind_at', 'id']],
  ];
  for (const [name, columns] of activityIndexes) await db.schema.createIndex(name).on('activities').columns(columns).execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  const now = new Date().toISOString();
  const rows = Object.entries(lists).flatMap(([listKey, items], listIndex) =>
    items.map(([key, es, en, color], index) => ({
      // Fixed ids keep the seed identical on every install (UUIDv7-shaped, time zero).
      id: `00000000-0000-7000-8001-${String(listIndex * 100 + index + 1).padStart(12, '0')}`,
      list_key: listKey,
      key,
      label_es: es,
      label_en: en,
      color,
      position: index,
      active: pg ? true : 1,
      system: pg ? false : 0,
      created_at: now,
      updated_at: now,
      version: 1,
    })),
  );
  if (rows.length > 0) await db.insertInto('list_items').values(rows).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('list_items').where('list_key', 'in', Object.keys(lists)).execute();
  await db.schema.dropTable('calendar_feeds').ifExists().execute();
  await db.schema.dropTable('activities').ifExists().execute();
  await db.schema.dropTable('requests').ifExists().execute();
}
