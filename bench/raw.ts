import type SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { openSqliteFile, type Dialect } from '@server/db/connect';
import { reusedName } from '@server/db/pg-named-statements';
import { benchPgUrl } from './open';

/** The database without Cartera in between: the baseline every figure is compared with. */
export type Raw = { all: (text: string, params: readonly unknown[]) => Promise<unknown[]>; close: () => Promise<void> };

const sqliteValue = (value: unknown): unknown => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

export async function openRaw(dialect: Dialect, dataDir: string, name: string): Promise<Raw> {
  if (dialect === 'sqlite') {
    const file = openSqliteFile(dataDir);
    const cache = new Map<string, SqliteDatabase.Statement>();
    return {
      all: async (text, params) => {
        let statement = cache.get(text);
        if (!statement) {
          statement = file.prepare(text);
          cache.set(text, statement);
        }
        const values = params.map(sqliteValue);
        return statement.reader ? statement.all(...values) : (statement.run(...values), []);
      },
      close: async () => { file.close(); },
    };
  }
  const pool = new pg.Pool({ connectionString: benchPgUrl, max: 10, options: `-c search_path=bench_${name.replace(/\W+/g, '_')}` });
  return {
    // The texts Cartera runs as named prepared statements run so here too: the same SQL, planned once.
    all: async (text, params) => {
      const statement = reusedName(text);
      return (await pool.query(statement ? { name: statement, text, values: [...params] } : { text, values: [...params] })).rows;
    },
    close: () => pool.end(),
  };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Time spent on one side of a line at most: a query of several seconds gets fewer runs (never under 10). */
const budgetMs = 30_000;

/**
 * Wall time per run, and this process's CPU time per run (user + system): on a machine shared
 * with other work the wall time grows with the load, the CPU time hardly. In-process SQLite does
 * all its work on this process's CPU; with PostgreSQL the server's part is not in it.
 */
export type Timing = { p50: number; p95: number; runs: number; cpuP50: number };

export async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  const started = performance.now();
  for (let i = 0; i < Math.min(20, runs); i += 1) {
    await fn(); // warm caches and statement caches
    if (performance.now() - started > budgetMs / 10) break;
  }
  const samples: number[] = [];
  const cpu: number[] = [];
  const measuring = performance.now();
  while (samples.length < runs && (samples.length < 10 || performance.now() - measuring < budgetMs)) {
    const start = performance.now();
    const used = process.cpuUsage();
    await fn();
    const spent = process.cpuUsage(used);
    samples.push(performance.now() - start);
    cpu.push((spent.user + spent.system) / 1000);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), runs: samples.length, cpuP50: percentile(cpu, 50) };
}
