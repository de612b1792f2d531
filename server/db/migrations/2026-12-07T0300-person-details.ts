import { PostgresAdapter, type Kysely } from 'kysely';

const channels: Array<[string, string, string]> = [
  ['phone', 'Teléfono', 'Phone'],
  ['email', 'Correo electrónico', 'E-mail'],
  ['whatsapp', 'WhatsApp', 'WhatsApp'],
  ['sms', 'SMS', 'Text message'],
  ['post', 'Correo postal', 'Post'],
  ['visit', 'Visita', 'Visit'],
];

/** A person's own details (seed 002's "más información"): birth date, national id, preferred channel, language. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('birth_date', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('national_id', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('preferred_channel', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('language', 'text').execute();

  const now = new Date().toISOString();
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db
    .insertInto('list_items')
    .values(channels.map(([key, es, en], index) => ({
      // Fixed ids keep the seed identical on every install (UUIDv7-shaped, time zero).
      id: `00000000-0000-7000-8002-${String(index + 1).padStart(12, '0')}`,
      list_key: 'contact_channel',
      key,
      label_es: es,
      label_en: en,
      color: null,
      position: index,
      active: pg ? true : 1,
      system: pg ? false : 0,
      created_at: now,
      updated_at: now,
      version: 1,
    })))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('list_items').where('list_key', '=', 'contact_channel').execute();
  for (const column of ['birth_date', 'national_id', 'preferred_channel', 'language']) {
    await db.schema.alterTable('accounts').dropColumn(column).execute();
  }
}
