import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { Dialect } from '@server/db/connect';
import { benchPgUrl } from './open';

/** The database without Cartera in between: the baseline every figure is compared with. */
export type Raw = { all: (text: string, params: readonly unknown[]) => Promise<unknown[]>; close: () => Promise<void> };

const sqliteValue = (value: unknown): unknown => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

export async function openRaw(dialect: Dialect, dataDir: string, name: string): Promise<Raw> {
  if (dialect === 'sqlite') {
    const file = new SqliteDatabase(path.join(dataDir, 'cartera.sqlite'));
    file.pragma('journal_mode = WAL');
    file.pragma('synchronous = NORMAL');
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
    all: async (text, params) => (await pool.query(text, [...params])).rows,
    close: () => pool.end(),
  };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < Math.min(20, runs); i += 1) await fn(); // warm caches and statement caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}
