import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import { isPostgres, type Db } from './database';

const migrationFolder = path.join(import.meta.dirname, 'migrations');

const isMigration = (value: unknown): value is Migration =>
  typeof value === 'object' && value !== null && 'up' in value && typeof value.up === 'function';

/**
 * Every timestamped file in server/db/migrations, applied in name order. Imported from here
 * (not by Kysely's provider) so the same TypeScript files load under tsx and vitest.
 */
const provider: MigrationProvider = {
  async getMigrations() {
    const migrations: Record<string, Migration> = {};
    const files = fs.readdirSync(migrationFolder).filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts')).sort();
    for (const file of files) {
      const module: unknown = await import(pathToFileURL(path.join(migrationFolder, file)).href);
      if (!isMigration(module)) throw new Error(`${file} does not export up()`);
      migrations[file.replace(/\.(ts|js)$/, '')] = module;
    }
    return migrations;
  },
};

/** Brings the schema up to date; throws (and start-up stops) if any migration fails. */
export async function migrateToLatest(db: Db): Promise<void> {
  // Kysely looks for its own tables in every schema; name ours, or another schema's fools it.
  const schema = isPostgres(db)
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  // Branches developed side by side land migrations out of timestamp order; each is independent.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
