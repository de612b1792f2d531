import type { Db } from './database';

/**
 * Values kept per database and key for `ttlMs`: figures that only steer plans (row estimates,
 * portfolio sizes) or spare a lookup (sessions), never the record itself. Per database, because
 * a process may hold several (the tests do), each with its own rows. `at` is when the value was
 * read, which may be before it was stored (a session is timed from before its query).
 */
export function timedCache<V, Owner extends object = Db>(ttlMs: number) {
  const byDb = new WeakMap<Owner, Map<string, { value: V; at: number }>>();
  const entries = (db: Owner) => {
    let map = byDb.get(db);
    if (!map) {
      map = new Map();
      byDb.set(db, map);
    }
    return map;
  };
  return {
    /** The value of `key` if it was read less than `ttlMs` ago. */
    get(db: Owner, key: string): V | undefined {
      const entry = entries(db).get(key);
      return entry && Date.now() - entry.at < ttlMs ? entry.value : undefined;
    },
    set(db: Owner, key: string, value: V, at = Date.now()): void {
      entries(db).set(key, { value, at });
    },
    delete(db: Owner, key: string): void {
      entries(db).delete(key);
    },
    /** Forgets every value of this database. */
    clear(db: Owner): void {
      byDb.delete(db);
    },
    size: (db: Owner): number => entries(db).size,
  };
}
