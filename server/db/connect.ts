import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { Database, Db } from './database';
import { namingPool } from './pg-named-statements';
import { sqliteForKysely } from './sqlite-statements';
import { writeWatchPlugin } from './write-watch';

export type Dialect = 'sqlite' | 'postgres';

/** The most this build of SQLite maps (SQLITE_MAX_MMAP_SIZE). */
const sqliteMmapBytes = 0x7fff0000;

export type DatabaseHandle = { db: Db; dialect: Dialect; close: () => Promise<void> };

// timestamptz → ISO string, int8 (counts) → number: the same types as SQLite returns.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (value) => new Date(value).toISOString());
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type ConnectOptions = {
  databaseUrl: string | null;
  dataDir: string;
  /** PostgreSQL schema to work in (tests give each file its own). */
  pgSchema?: string;
  /** PostgreSQL settings for every connection (tests commit without waiting for the disk). */
  pgSettings?: Record<string, string>;
  poolSize?: number;
  /** Sees every query run (the benchmarks replay the SQL an endpoint ran against the raw driver). */
  log?: (event: LogEvent) => void;
};

/**
 * The SQLite file in the data dir, opened as Cartera runs it. The benchmarks open their raw
 * baseline through here too, so both sides read the same file with the same settings.
 */
export function openSqliteFile(dataDir: string): SqliteDatabase.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = new SqliteDatabase(path.join(dataDir, 'cartera.sqlite'));
  file.pragma('journal_mode = WAL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  file.pragma('synchronous = NORMAL');
  // Reads of a large file go through memory maps instead of a read() per page, and a 64 MB page
  // cache holds the hot index pages of a million accounts. Mapped pages are the OS's file cache,
  // shared and reclaimable, not the process's heap.
  file.pragma(`mmap_size = ${sqliteMmapBytes}`);
  file.pragma('cache_size = -65536');
  file.pragma('temp_store = MEMORY');
  // Planner statistics for tables that changed a lot since they were last gathered (cheap when none did).
  file.pragma('optimize = 0x10002');
  return file;
}

const startupOptions = ({ pgSchema, pgSettings = {} }: ConnectOptions): string =>
  Object.entries({ ...(pgSchema ? { search_path: pgSchema } : {}), ...pgSettings }).map(([name, value]) => `-c ${name}=${value}`).join(' ');

/** Opens the database named by the config: PostgreSQL when a URL is set, else SQLite in the data dir. */
export function connect(options: ConnectOptions): DatabaseHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      ...(startupOptions(options) ? { options: startupOptions(options) } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: namingPool(pool) }), plugins: [writeWatchPlugin()], ...(options.log ? { log: options.log } : {}) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = openSqliteFile(options.dataDir);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqliteForKysely(file) }),
    plugins: [writeWatchPlugin()],
    ...(options.log ? { log: options.log } : {}),
  });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
