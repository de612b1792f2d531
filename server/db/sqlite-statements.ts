import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';
import { booleanColumns } from './database';

/** Distinct SQL texts kept prepared; the app has a few hundred, so in practice all of them. */
const capacity = 1000;

// SQLite has no boolean type and better-sqlite3 will not bind one: booleans go in as 0/1, and
// the known boolean columns come back as booleans, so repositories see what pg gives.
// (Rows are fresh objects from the driver, so they are converted in place.)
const bindable = (parameters: ReadonlyArray<unknown>): unknown[] =>
  parameters.map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value));

/** Turns the boolean columns a statement returns (found once, from its result columns) from 0/1 into booleans. */
function booleanReader(statement: SqliteDatabase.Statement): (row: unknown) => unknown {
  const names = statement.reader ? statement.columns().map((column) => column.name).filter((name) => booleanColumns.has(name)) : [];
  if (names.length === 0) return (row) => row;
  return (row) => {
    if (typeof row !== 'object' || row === null) return row;
    for (const name of names) {
      const value: unknown = Reflect.get(row, name);
      if (typeof value === 'number') Reflect.set(row, name, value === 1);
    }
    return row;
  };
}

/**
 * better-sqlite3 as Kysely's SQLite database, with booleans translated at the driver (see
 * bindable) and prepared statements reused by SQL text. Kysely prepares every query it runs, and
 * parsing and planning the same SQL again costs about as much as running it for the small indexed
 * reads most requests make. Kysely runs one query at a time on SQLite (it serialises the
 * connection), so a cached statement is never busy when it is taken again, except when a streamed
 * query was left open: `iterate` therefore runs on a fresh statement.
 */
export function sqliteForKysely(database: SqliteDatabase.Database): KyselySqliteDatabase {
  type Prepared = { statement: SqliteDatabase.Statement; read: (row: unknown) => unknown };
  const cache = new Map<string, Prepared>();
  const prepared = (text: string): Prepared => {
    const hit = cache.get(text);
    if (hit) {
      // Map keeps insertion order: re-inserting marks the statement as recently used.
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    const statement = database.prepare(text);
    const entry = { statement, read: booleanReader(statement) };
    cache.set(text, entry);
    if (cache.size > capacity) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    return entry;
  };
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare: (text: string): SqliteStatement => {
      const { statement, read } = prepared(text);
      return {
        reader: statement.reader,
        all: (parameters) => statement.all(bindable(parameters)).map(read),
        run: (parameters) => statement.run(bindable(parameters)),
        iterate: function* (parameters) {
          for (const row of database.prepare(text).iterate(bindable(parameters))) yield read(row);
        },
      };
    },
  };
}
