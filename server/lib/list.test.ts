import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AppError } from './errors';
import { decodeCursor, encodeCursor, type SortPlan } from './list';

const byName: SortPlan = { key: 'name', columns: ['accounts.name_norm', 'accounts.id'], direction: 'asc' };
const byStage: SortPlan = { key: 'stage', columns: ['accounts.stage', 'accounts.name_norm', 'accounts.id'], direction: 'asc' };

const rejects = (cursor: string, plan: SortPlan = byName) => {
  let caught: unknown = null;
  try {
    decodeCursor(cursor, plan);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect(caught instanceof AppError ? caught.code : null).toBe('bad_cursor');
};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('keyset cursors', () => {
  test('no cursor means the first page', () => {
    expect(decodeCursor(undefined, byName)).toBeNull();
  });

  test('round-trips any sort values (property)', () => {
    const value = fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer());
    fc.assert(
      fc.property(fc.tuple(value, value, value), (values) => {
        expect(decodeCursor(encodeCursor('stage', 42, values), byStage)).toEqual({ after: values, counted: 42 });
      }),
    );
  });

  test('is opaque text safe in a URL', () => {
    expect(encodeCursor('name', 10, ['ángela / ?&=', '01900000-0000-7000-8000-000000000000'])).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  test('a cursor of another sort is refused', () => {
    rejects(encodeCursor('name', 10, ['angela', 'id']), byStage);
    rejects(encodeCursor('-name', 10, ['angela', 'id']), byName);
  });

  test.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['JSON that is not an array', b64({ key: 'name' })],
    ['an empty array', b64([])],
    ['no count', b64(['name'])],
    ['too few values', b64(['name', 3, 'angela'])],
    ['too many values', b64(['name', 3, 'angela', 'id', 'extra'])],
    ['an object among the values', b64(['name', 3, { $gt: '' }, 'id'])],
    ['null among the values', b64(['name', 3, null, 'id'])],
    ['a number as the sort key', b64([1, 3, 'angela', 'id'])],
    ['a count that is not a whole number', b64(['name', 1.5, 'angela', 'id'])],
    ['a negative count', b64(['name', -1, 'angela', 'id'])],
    ['a count past what a number holds exactly', b64(['name', 2 ** 60, 'angela', 'id'])],
  ])('tampering is refused: %s', (_label, cursor) => {
    rejects(cursor);
  });
});
