import { sql, PostgresAdapter, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// Each process that runs jobs registers as a worker, and a running job names the worker that
// claimed it. A job whose worker is dead (on PostgreSQL: its session advisory lock, lock_key, is
// no longer held; otherwise: its process is gone from this host, or its heartbeat is stale) goes
// back to the queue at once, instead of after the job's own heartbeat goes stale.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('job_workers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    // Tells this process from an earlier one that had the same pid on the same host (a restarted container).
    .addColumn('process_id', 'text', (c) => c.notNull())
    .addColumn('lock_key', 'integer')
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('heartbeat_at', ts, (c) => c.notNull())
    .execute();

  await db.schema.alterTable('jobs').addColumn('worker_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs').dropColumn('worker_id').execute();
  await db.schema.dropTable('job_workers').ifExists().execute();
}
