import { sql, PostgresAdapter, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// Login throttling as one counter row per key (an e-mail, an (e-mail, address) pair, an address)
// instead of one row per failed attempt. A login takes its slot by locking and raising the
// counters before the password is checked, so concurrent attempts cannot all read "below the
// limit" and all be checked. login_trusted remembers where each e-mail signed in before: there,
// only the pair's own counter applies, so attacks from elsewhere cannot lock its owner out.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_at', ts, (c) => c.notNull())
    .addColumn('locked_until', ts)
    .execute();
  // Forgotten counters are swept by age.
  await db.schema.createIndex('login_throttle_last_idx').on('login_throttle').columns(['last_at']).execute();

  await db.schema
    .createTable('login_trusted')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('last_success_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_trusted_last_idx').on('login_trusted').columns(['last_success_at']).execute();

  await db.schema.dropTable('login_attempts').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_key_idx').on('login_attempts').columns(['key', 'at']).execute();
  await db.schema.dropTable('login_trusted').ifExists().execute();
  await db.schema.dropTable('login_throttle').ifExists().execute();
}
