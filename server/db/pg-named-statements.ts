import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';
import { heardCommit } from './write-watch';

/** Names of the SQL texts marked as reused; a text keeps its name for the life of the process. */
const names = new Map<string, string>();

/** Past this many texts the rest run unnamed: a runaway caller cannot fill every connection with statements. */
const capacity = 1000;

/**
 * Marks SQL that runs again and again with new parameters (reusableQuery's templates). On
 * PostgreSQL it then runs as a named prepared statement: each connection parses and plans it
 * once instead of on every run. Measured on the account page at 20,000 accounts: 1.3 ms a run
 * unnamed (nearly all of it planning the counters' subqueries), 0.2 ms named; the session lookup
 * 0.75 ms and 0.09 ms. Only these few texts are named: they read by primary key, where the
 * generic plan PostgreSQL may settle on is the right one, whereas a list query's best plan
 * depends on its filter values.
 */
export function markReused(text: string): void {
  if (!names.has(text) && names.size < capacity) names.set(text, `cartera_${names.size + 1}`);
}

/** The name this process gives a text marked as reused, if it is one (the benchmarks' raw baseline prepares the same texts). */
export const reusedName = (text: string): string | undefined => names.get(text);

type Command = PostgresQueryResult<unknown>['command'];
const commands: ReadonlySet<string> = new Set<Command>(['UPDATE', 'DELETE', 'INSERT', 'SELECT', 'MERGE']);
const isCommand = (command: string): command is Command => commands.has(command);

/** A pooled pg client as Kysely's, running SQL marked by markReused as named prepared statements. */
function namingClient(client: pg.PoolClient): PostgresPoolClient {
  const run = async <R>(text: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> => {
    const name = names.get(text);
    const result = await client.query(name ? { name, text, values: [...parameters] } : { text, values: [...parameters] });
    if (result.command === 'COMMIT') heardCommit();
    // Other commands (begin, create…) report no affected rows to Kysely, as its own driver does.
    return { command: isCommand(result.command) ? result.command : 'SELECT', rowCount: result.rowCount ?? 0, rows: result.rows };
  };
  function query<R>(text: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query<R>(text: string | PostgresCursor<R>, parameters: ReadonlyArray<unknown> = []): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // Kysely passes a cursor only for streamed queries, which need a cursor class in the dialect's config.
    if (typeof text !== 'string') throw new Error('streaming is not configured for PostgreSQL');
    return run<R>(text, parameters);
  }
  return { query, release: () => client.release() };
}

/** pg's pool as Kysely's (see markReused); each pg client keeps one wrapper, as Kysely keys its connections by client. */
export function namingPool(pool: pg.Pool): PostgresPool {
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      const wrapper = wrappers.get(client) ?? namingClient(client);
      wrappers.set(client, wrapper);
      return wrapper;
    },
    end: () => pool.end(),
  };
}
