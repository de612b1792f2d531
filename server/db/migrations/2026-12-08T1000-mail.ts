import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// E-mail: the SMTP settings, templates, bulk sends, the outbox the sender works through, and the
// addresses that unsubscribed or bounced (with their history).

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  const bool = pg ? sql`boolean` : sql`integer`;

  // One row ('mail'): what an admin set in the UI. The password is AES-256-GCM ciphertext.
  await db.schema
    .createTable('mail_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('host', 'text')
    .addColumn('port', 'integer')
    .addColumn('tls_mode', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('password_enc', 'text')
    .addColumn('from_address', 'text')
    .addColumn('from_name', 'text')
    .addColumn('reply_to', 'text')
    .addColumn('rate_per_minute', 'integer', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('email_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_norm', 'text', (c) => c.notNull())
    .addColumn('subject_es', 'text')
    .addColumn('html_es', 'text')
    .addColumn('subject_en', 'text')
    .addColumn('html_en', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('email_templates_name_idx').on('email_templates').columns(['name_norm', 'id']).execute();

  // A bulk send: what was asked (selection, content) and what the enqueueing found.
  await db.schema
    .createTable('email_bulks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_id', 'text')
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('selection', 'text', (c) => c.notNull())
    .addColumn('include_contacts', bool, (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('default_language', 'text', (c) => c.notNull())
    .addColumn('track_opens', bool, (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .execute();

  // The outbox: one row per message. Bulk rows keep their merge values, not a rendered copy.
  await db.schema
    .createTable('email_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('cascade'))
    .addColumn('activity_id', 'text', (c) => c.references('activities.id').onDelete('set null'))
    .addColumn('contact_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('bulk_id', 'text', (c) => c.references('email_bulks.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('to_list', 'text', (c) => c.notNull())
    .addColumn('cc_list', 'text', (c) => c.notNull())
    .addColumn('bcc_list', 'text', (c) => c.notNull())
    .addColumn('address_norm', 'text')
    .addColumn('subject', 'text')
    .addColumn('html', 'text')
    .addColumn('merge_values', 'text')
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('track_opens', bool, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', ts, (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', ts)
    .addColumn('sent_at', ts)
    .addColumn('smtp_message_id', 'text')
    .addColumn('last_response', 'text')
    .addColumn('opened_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // The sender's claim: the next due message of the waiting statuses.
  await db.schema.createIndex('email_messages_due_idx').on('email_messages').columns(['status', 'next_attempt_at', 'id']).execute();
  // The rate window: messages handed to the server in the last minute.
  await db.schema.createIndex('email_messages_claimed_idx').on('email_messages').columns(['claimed_at']).execute();
  // The admin's outbox list: newest first, all or by status.
  await db.schema.createIndex('email_messages_created_idx').on('email_messages').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('email_messages_status_created_idx').on('email_messages').columns(['status', 'created_at', 'id']).execute();
  await db.schema.createIndex('email_messages_activity_idx').on('email_messages').columns(['activity_id']).execute();
  // A bulk send mails an address once, even when a resumed enqueue meets it again.
  await db.schema.createIndex('email_messages_bulk_idx').on('email_messages').columns(['bulk_id', 'address_norm']).unique().execute();

  await db.schema
    .createTable('email_suppressions')
    .addColumn('address_norm', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('message_id', 'text')
    .execute();

  await db.schema
    .createTable('email_suppression_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('address_norm', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('message_id', 'text')
    .addColumn('note', 'text')
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('email_suppression_events_address_idx').on('email_suppression_events').columns(['address_norm', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['email_suppression_events', 'email_suppressions', 'email_messages', 'email_bulks', 'email_templates', 'mail_settings']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
