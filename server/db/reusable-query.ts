import { createQueryId, type Compilable, type CompiledQuery } from 'kysely';
import type { Db } from './database';
import { markReused } from './pg-named-statements';

/** The values that change from run to run, by name; all of them are bound as parameters. */
type Values = Record<string, string>;

type Parameter = { slot: string } | { value: unknown };
type Template<R> = { compiled: CompiledQuery<R>; parameters: readonly Parameter[] };

/**
 * What a slot holds while the query is built: a string no real value contains, in mixed case
 * and fenced at both ends, so that a slot changed on its way into the query (lower-cased,
 * normalised, sliced) no longer matches and is caught.
 */
const placeholder = (name: string): string => `\u0000Slot:${name}\u0000`;

const placeholders = <V extends Values>(values: V): V => {
  const slots = { ...values };
  for (const name of Object.keys(slots)) Reflect.set(slots, name, placeholder(name));
  return slots;
};

/** Where each compiled parameter comes from: a slot, or a constant the query itself wrote (`active = true`). */
function templateOf<R>(compiled: CompiledQuery<R>, names: string[]): Template<R> {
  const slotOf = new Map(names.map((name) => [placeholder(name), name]));
  const parameters = compiled.parameters.map((value): Parameter => {
    const slot = typeof value === 'string' ? slotOf.get(value) : undefined;
    return slot === undefined ? { value } : { slot };
  });
  const used = new Set(parameters.flatMap((parameter) => ('slot' in parameter ? [parameter.slot] : [])));
  // A slot that was transformed, written into the SQL text or left unused would freeze the first
  // run's value into every later run: refuse the query instead.
  const stray = compiled.sql.includes('\u0000') || parameters.some((parameter) => 'value' in parameter && typeof parameter.value === 'string' && parameter.value.includes('\u0000'));
  if (stray || names.some((name) => !used.has(name))) throw new Error(`reusableQuery: every slot must be bound as it is, once built: ${compiled.sql}`);
  // Plugins see a query when it is compiled, once here: a write run again would go unheard by
  // the write watch (server/db/write-watch.ts) that caches rely on.
  if (compiled.query.kind !== 'SelectQueryNode') throw new Error(`reusableQuery: reads only: ${compiled.sql}`);
  markReused(compiled.sql);
  return { compiled, parameters };
}

/** Queries kept per database and key; more keys than this and the least recently used go. */
const capacity = 500;

/**
 * A query that Kysely builds and compiles once per key, then runs again with new values for its
 * slots. Building and compiling a query's tree costs Kysely about as much as SQLite takes to run
 * a small indexed read, on every request (measured on the session lookup and the account page).
 * On PostgreSQL its SQL also runs as a named prepared statement (see markReused).
 * `build` must depend only on its slots and on what `keyOf` puts in the key (the actor, options):
 * the SQL and every other parameter are taken as they were the first time.
 */
export function reusableQuery<C, V extends Values, R>(keyOf: (context: C) => string, build: (db: Db, context: C, slots: V) => Compilable<R>) {
  const templates = new WeakMap<Db, Map<string, Template<R>>>();
  return async (db: Db, context: C, values: V): Promise<R[]> => {
    const key = keyOf(context);
    let cache = templates.get(db);
    if (!cache) {
      cache = new Map();
      templates.set(db, cache);
    }
    let template = cache.get(key);
    if (template) {
      cache.delete(key); // re-inserted below: most recently used last
    } else {
      template = templateOf(build(db, context, placeholders(values)).compile(), Object.keys(values));
      const oldest = cache.size >= capacity ? cache.keys().next() : null;
      if (oldest && !oldest.done) cache.delete(oldest.value);
    }
    cache.set(key, template);
    const parameters = template.parameters.map((parameter) => ('slot' in parameter ? values[parameter.slot] : parameter.value));
    const result = await db.executeQuery<R>({ ...template.compiled, queryId: createQueryId(), parameters });
    return result.rows;
  };
}
