import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Campaigns (seed 001: "eventos a realizarse en un determinado periodo"): a name, the product or
// service promoted, its price, start and end, responsible users, and the accounts taking part
// (members), each with a status from a configurable list, a responsible user and a note.
//
// A member is visible exactly when its account is. Each member row carries a copy of its
// account's discarded_at and name_norm, kept by a trigger in the same transaction as the account's
// change, so a campaign's member list is read in name order from one index and its live rows are
// counted without visiting 50,000 accounts; agents' lists read their portfolio (portfolio_accounts).
//
// Activities, e-mails and opportunities gain a campaign link: a call logged for a member, the
// message a bulk send mailed them, the opportunity a converted member became.

type Seed = readonly [key: string, es: string, en: string, color: string];

const memberStatuses: readonly Seed[] = [
  ['to_contact', 'Por contactar', 'To contact', '#868e96'],
  ['contacted', 'Contactado', 'Contacted', '#228be6'],
  ['interested', 'Interesado', 'Interested', '#fab005'],
  ['not_interested', 'No interesado', 'Not interested', '#fa5252'],
  ['converted', 'Convertido', 'Converted', '#40c057'],
];

/** Converting a member into an opportunity reads this item: it cannot be deactivated. */
const systemKeys = new Set(['converted']);

async function triggers(db: Kysely<any>, pg: boolean): Promise<void> {
  const copy = `update campaign_members set account_discarded_at = new.discarded_at, account_name_norm = new.name_norm where account_id = new.id`;
  if (pg) {
    await sql.raw(`create function campaign_members_account_copy() returns trigger language plpgsql as $$
      begin ${copy}; return null; end $$`).execute(db);
    await sql.raw(`create trigger campaign_members_account_copy after update of discarded_at, name_norm on accounts
      for each row when (old.discarded_at is distinct from new.discarded_at or old.name_norm is distinct from new.name_norm)
      execute function campaign_members_account_copy()`).execute(db);
    return;
  }
  await sql.raw(`create trigger campaign_members_account_copy after update of discarded_at, name_norm on accounts
    when old.discarded_at is not new.discarded_at or old.name_norm is not new.name_norm begin ${copy}; end`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  // Compared as bytes on both dialects: names and dates sort alike.
  const bytes = pg ? sql`text collate "C"` : sql`text`;
  const money = pg ? sql`bigint` : sql`integer`;

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_norm', bytes, (c) => c.notNull())
    .addColumn('product', 'text')
    .addColumn('price', money)
    .addColumn('currency', 'text')
    .addColumn('starts_on', bytes, (c) => c.notNull())
    .addColumn('ends_on', bytes, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // Most recent first (the seed's order), and each sort and filter of the list.
  const campaignIndexes: Array<[string, string[]]> = [
    ['campaigns_starts_idx', ['starts_on', 'id']],
    ['campaigns_created_idx', ['created_at', 'id']],
    ['campaigns_name_idx', ['name_norm', 'id']],
    ['campaigns_status_idx', ['status', 'starts_on', 'id']],
  ];
  for (const [name, columns] of campaignIndexes) await db.schema.createIndex(name).on('campaigns').columns(columns).execute();

  await db.schema
    .createTable('campaign_responsibles')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('campaign_responsibles_pk', ['campaign_id', 'user_id'])
    .execute();
  await db.schema.createIndex('campaign_responsibles_user_idx').on('campaign_responsibles').columns(['user_id', 'campaign_id']).execute();

  await db.schema
    .createTable('campaign_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('account_discarded_at', ts)
    .addColumn('account_name_norm', bytes, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('responsible_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('opportunity_id', 'text', (c) => c.references('opportunities.id').onDelete('set null'))
    .addColumn('added_at', ts, (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // One membership per account and campaign: adding again (a re-run bulk job) changes nothing.
  await db.schema.createIndex('campaign_members_account_idx').on('campaign_members').columns(['account_id', 'campaign_id']).unique().execute();
  const live = sql<boolean>`account_discarded_at is null`;
  const memberIndexes: Array<[string, string[]]> = [
    ['campaign_members_name_idx', ['campaign_id', 'account_name_norm', 'id']],
    ['campaign_members_added_idx', ['campaign_id', 'added_at', 'id']],
    ['campaign_members_status_idx', ['campaign_id', 'status', 'account_name_norm', 'id']],
    ['campaign_members_responsible_idx', ['campaign_id', 'responsible_id', 'account_name_norm', 'id']],
  ];
  for (const [name, columns] of memberIndexes) await db.schema.createIndex(name).on('campaign_members').columns(columns).where(live).execute();

  // A call, e-mail, visit or reminder for a member is an ordinary activity with a campaign link;
  // a member's last and next ones are read per (campaign, account), the campaign's newest first.
  await db.schema.alterTable('activities').addColumn('campaign_id', 'text', (c) => c.references('campaigns.id').onDelete('set null')).execute();
  await db.schema.createIndex('activities_campaign_idx').on('activities').columns(['campaign_id', 'account_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('activities_campaign_start_idx').on('activities').columns(['campaign_id', 'start_at', 'id']).execute();
  // A message sent from a campaign (a bulk send to its members, or one written on its page): per member stats.
  await db.schema.alterTable('email_messages').addColumn('campaign_id', 'text', (c) => c.references('campaigns.id').onDelete('set null')).execute();
  await db.schema.createIndex('email_messages_campaign_idx').on('email_messages').columns(['campaign_id', 'account_id']).execute();
  await db.schema.alterTable('email_bulks').addColumn('campaign_id', 'text', (c) => c.references('campaigns.id').onDelete('set null')).execute();
  // The opportunity a converted member became keeps its campaign.
  await db.schema.alterTable('opportunities').addColumn('campaign_id', 'text', (c) => c.references('campaigns.id').onDelete('set null')).execute();
  await db.schema.createIndex('opportunities_campaign_idx').on('opportunities').columns(['campaign_id']).execute();

  await triggers(db, pg);

  const now = new Date().toISOString();
  await db.insertInto('list_items').values(memberStatuses.map(([key, es, en, color], index) => ({
    // Fixed ids keep the seed identical on every install (UUIDv7-shaped, time zero).
    id: `00000000-0000-7000-8004-${String(index + 1).padStart(12, '0')}`,
    list_key: 'campaign_member_status',
    key,
    label_es: es,
    label_en: en,
    color,
    position: index,
    active: pg ? true : 1,
    system: systemKeys.has(key) ? (pg ? true : 1) : (pg ? false : 0),
    created_at: now,
    updated_at: now,
    version: 1,
    probability: null,
    outcome: null,
  }))).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) await sql.raw('drop function if exists campaign_members_account_copy() cascade').execute(db);
  else await sql.raw('drop trigger if exists campaign_members_account_copy').execute(db);
  await db.deleteFrom('list_items').where('list_key', '=', 'campaign_member_status').execute();
  await db.schema.dropIndex('opportunities_campaign_idx').ifExists().execute();
  await db.schema.alterTable('opportunities').dropColumn('campaign_id').execute();
  await db.schema.alterTable('email_bulks').dropColumn('campaign_id').execute();
  await db.schema.dropIndex('email_messages_campaign_idx').ifExists().execute();
  await db.schema.alterTable('email_messages').dropColumn('campaign_id').execute();
  await db.schema.dropIndex('activities_campaign_start_idx').ifExists().execute();
  await db.schema.dropIndex('activities_campaign_idx').ifExists().execute();
  await db.schema.alterTable('activities').dropColumn('campaign_id').execute();
  await db.schema.dropTable('campaign_members').ifExists().execute();
  await db.schema.dropTable('campaign_responsibles').ifExists().execute();
  await db.schema.dropTable('campaigns').ifExists().execute();
}
