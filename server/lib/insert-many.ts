import { sql, type Insertable } from 'kysely';
import { isPostgres, type Database, type Db } from '@server/db/database';
import { inChunks } from './chunks';

// PostgreSQL: rows per statement. One JSON parameter each, so the limit is only the message size.
const pgRowsPerStatement = 5000;

/**
 * Inserts many rows of one table in few statements. On PostgreSQL the rows travel as one JSON
 * parameter expanded by json_populate_recordset: multi-row VALUES with thousands of bound
 * parameters cost more to build, send and parse than the rows themselves. SQLite runs in process,
 * where multi-row VALUES in chunks is already cheap. Every row has the first row's columns;
 * values must be JSON-able (strings, numbers, booleans, null). The statements are raw SQL, which
 * write-watch does not see: not for the tables a cache watches (users, sessions, teams).
 */
export async function insertMany<T extends keyof Database & string>(db: Db, table: T, rows: Array<Insertable<Database[T]>>): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const keys = Object.keys(first);
  const columns = sql.join(keys.map((key) => sql.ref(key)));
  if (isPostgres(db)) {
    for (let start = 0; start < rows.length; start += pgRowsPerStatement) {
      const chunk = JSON.stringify(rows.slice(start, start + pgRowsPerStatement));
      await sql`insert into ${sql.table(table)} (${columns}) select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${chunk}::json)`.execute(db);
    }
    return;
  }
  const tuple = (row: object) => {
    const values = new Map<string, unknown>(Object.entries(row));
    return sql`(${sql.join(keys.map((key) => values.get(key) ?? null))})`;
  };
  await inChunks(rows, (chunk) => sql`insert into ${sql.table(table)} (${columns}) values ${sql.join(chunk.map(tuple))}`.execute(db));
}
