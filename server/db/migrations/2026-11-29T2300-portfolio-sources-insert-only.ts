import { sql, PostgresAdapter, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// portfolio_accounts follows owner rows and tag links as they are inserted and deleted (see
// 2026-11-29T2200). Nothing updates them in place, and an update (an owner row moved to another
// user) would leave every portfolio it touches stale, and with it what each actor may see. So
// such updates are refused: change owners and tags by deleting and inserting rows.

const guarded: Array<{ table: string; columns: string }> = [
  { table: 'account_owners', columns: 'account_id, user_id' },
  { table: 'account_tags', columns: 'account_id, tag_id' },
];
const message = 'rows that portfolios follow are inserted and deleted, never updated';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) await sql.raw(`create function portfolio_source_updated() returns trigger language plpgsql as $$ begin raise exception '${message}'; end $$`).execute(db);
  for (const { table, columns } of guarded) {
    const name = `${table}_not_updated`;
    await sql.raw(pg
      ? `create trigger ${name} before update of ${columns} on ${table} for each row execute function portfolio_source_updated()`
      : `create trigger ${name} before update of ${columns} on ${table} begin select raise(abort, '${message}'); end`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const { table } of guarded) await sql.raw(pg ? `drop trigger if exists ${table}_not_updated on ${table}` : `drop trigger if exists ${table}_not_updated`).execute(db);
  if (pg) await sql.raw('drop function if exists portfolio_source_updated()').execute(db);
}
