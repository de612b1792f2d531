import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@server/db/connect';
import { freshDatabase } from '@server/test/test-db';
import { exactValueGroups, groupCount, monthBuckets, valueBuckets } from './group-count';

// The grouped count a kanban column or a dashboard chart reads, on a table of deals as the new
// modules will have them: a stage, an amount in minor units and its currency.

type Deal = { id: string; stage: string | null; amount: number; currency: string; closed_at: string };
let handle: DatabaseHandle;
const deals = () => handle.db.withTables<{ deals: Deal }>();

beforeAll(async () => {
  handle = await freshDatabase();
  await deals().schema.createTable('deals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stage', 'text')
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .execute();
  const rows: Deal[] = [
    ...Array.from({ length: 5 }, (_, i) => ({ id: `w${i}`, stage: 'won', amount: 1_000_00, currency: 'EUR', closed_at: `2026-01-1${i}T10:00:00.000Z` })),
    { id: 'w5', stage: 'won', amount: 250_00, currency: 'USD', closed_at: '2026-02-01T00:00:00.000Z' },
    { id: 'o1', stage: 'open', amount: 99, currency: 'EUR', closed_at: '2026-02-28T23:59:59.999Z' },
    { id: 'n1', stage: null, amount: 1, currency: 'CLP', closed_at: '2026-03-01T00:00:00.000Z' },
  ];
  await deals().insertInto('deals').values(rows).execute();
});
afterAll(async () => handle.close());

describe('grouped counts', () => {
  test('a count per value, exact up to the cap and flagged past it; rows without a value have their own group', async () => {
    const groups = await groupCount(deals(), deals().selectFrom('deals'), valueBuckets('deals.stage', ['won', 'open', 'lost', null]), { cap: 4 });
    expect(groups).toEqual([
      { value: 'won', count: 4, countIsEstimate: true },
      { value: 'open', count: 1, countIsEstimate: false },
      { value: 'lost', count: 0, countIsEstimate: false },
      { value: null, count: 1, countIsEstimate: false },
    ]);
  });

  test('money is summed per currency within each group, never across currencies', async () => {
    const groups = await groupCount(deals(), deals().selectFrom('deals').where('deals.id', '!=', 'w0'), valueBuckets('deals.stage', ['won', 'open']), {
      money: { amount: 'deals.amount', currency: 'deals.currency' },
    });
    expect(groups).toEqual([
      { value: 'won', count: 5, countIsEstimate: false, sums: [{ currency: 'EUR', amount: 4_000_00 }, { currency: 'USD', amount: 250_00 }] },
      { value: 'open', count: 1, countIsEstimate: false, sums: [{ currency: 'EUR', amount: 99 }] },
    ]);
  });

  test('exact groups: one pass, every row counted however many, money per currency, in the order asked, other values left out', async () => {
    const money = { amount: 'deals.amount', currency: 'deals.currency' };
    expect(await exactValueGroups(deals(), deals().selectFrom('deals'), 'deals.stage', ['open', 'won', 'lost', null], money)).toEqual([
      { value: 'open', count: 1, countIsEstimate: false, sums: [{ currency: 'EUR', amount: 99 }] },
      { value: 'won', count: 6, countIsEstimate: false, sums: [{ currency: 'EUR', amount: 5_000_00 }, { currency: 'USD', amount: 250_00 }] },
      { value: 'lost', count: 0, countIsEstimate: false, sums: [] },
      { value: null, count: 1, countIsEstimate: false, sums: [{ currency: 'CLP', amount: 1 }] },
    ]);
    // The base's filters hold; without money, counts alone.
    expect(await exactValueGroups(deals(), deals().selectFrom('deals').where('deals.currency', '=', 'EUR'), 'deals.stage', ['won'])).toEqual([{ value: 'won', count: 5, countIsEstimate: false }]);
  });

  test('months are calendar months in UTC, each holding its first instant and not the next month\'s', async () => {
    const buckets = monthBuckets('deals.closed_at', '2026-01-15T00:00:00.000Z', '2026-03-01T00:00:00.000Z', 36);
    const groups = await groupCount(deals(), deals().selectFrom('deals'), buckets);
    expect(groups.map((group) => [group.value, group.count])).toEqual([['2026-01', 5], ['2026-02', 2]]);
  });
});
