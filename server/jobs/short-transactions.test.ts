import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DatabaseHandle } from '@server/db/connect';
import { freshDatabase } from '@server/test/test-db';
import { ChunkPacer, chunkTransaction } from './short-transactions';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await freshDatabase();
});

afterAll(async () => {
  await handle.close();
});

/** Holds the thread for `ms`, as a synchronous SQLite statement does. */
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

test('a chunk made of steps stops at its deadline, however many rows the pacer asked for, and the pacer sizes the next one from it', async () => {
  const pacer = new ChunkPacer(10, 1000, 1000, 5);
  let steps = 0;
  const done = await chunkTransaction(handle.db, pacer, async (_trx, deadline) => {
    let rows = 0;
    // Rows that cost far more than the pacer guessed: a thousand at 1 ms each for a 5 ms budget.
    while (rows < pacer.size && (rows === 0 || !deadline.passed())) {
      busy(1);
      rows += 1;
      steps += 1;
    }
    return rows;
  });
  expect(done).toBe(steps);
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(1000);
  expect(pacer.size).toBe(500); // at most halved at a time, then down to what fits
});
