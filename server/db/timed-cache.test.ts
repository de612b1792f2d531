import { expect, test } from 'vitest';
import { timedCache } from './timed-cache';

// Only the identity of a database matters to the cache: two distinct objects stand for two databases.
const dbA = {};
const dbB = {};

test('a value is kept per database and key for its time, timed from when it was read', () => {
  const cache = timedCache<number | null, object>(1000);
  cache.set(dbA, 'accounts', 42);
  cache.set(dbA, 'stale', 7, Date.now() - 1001);
  cache.set(dbB, 'accounts', null);
  expect(cache.get(dbA, 'accounts')).toBe(42);
  expect(cache.get(dbA, 'stale')).toBeUndefined();
  expect(cache.get(dbB, 'accounts')).toBeNull();
  expect(cache.size(dbA)).toBe(2);
  cache.delete(dbA, 'accounts');
  expect(cache.get(dbA, 'accounts')).toBeUndefined();
  cache.clear(dbB);
  expect(cache.get(dbB, 'accounts')).toBeUndefined();
  expect(cache.get(dbA, 'stale')).toBeUndefined();
});
