import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AppError } from './errors';
import { decodeCursor, encodeCursor, type SortPlan } from './list';

const byName: SortPlan = { key: 'name', columns: ['accounts.name_norm', 'accounts.id'], direction: 'asc' };
const byStage: SortPlan = { key: 'stage', columns: ['accounts.stage', 'accounts.name_norm', 'accounts.id'], direction: 'asc' };
const byDiscardedAt: SortPlan = { key: 'bin', columns: ['accounts.discarded_at', 'accounts.id'], direction: 'desc' };

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

  test('round-trips any sort values a row can hold (property)', () => {
    // Text a column can store (no NUL, no lone surrogate), and timestamps as Cartera writes them.
    const text = fc.string({ unit: 'grapheme' }).filter((value) => !value.includes('\u0000'));
    const instant = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((date) => date.toISOString());
    fc.assert(
      fc.property(fc.tuple(text, text, text), (values) => {
        expect(decodeCursor(encodeCursor('stage', 42, values), byStage)).toEqual({ after: values, counted: 42 });
      }),
    );
    fc.assert(
      fc.property(instant, text, (at, id) => {
        expect(decodeCursor(encodeCursor('bin', 7, [at, id]), byDiscardedAt)).toEqual({ after: [at, id], counted: 7 });
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

  // What PostgreSQL would refuse with an error (a 500) while SQLite quietly compared it: each a 400 on both.
  test.each([
    ['NUL in a text value', b64(['name', 3, 'a\u0000b', 'id']), byName],
    ['NUL in the id', b64(['name', 3, 'angela', '\u0000']), byName],
    ['a lone surrogate', b64(['name', 3, '\ud800', 'id']), byName],
    ['a number where text belongs', b64(['name', 3, 1.5, 'id']), byName],
    ['1.5 where a timestamp belongs', b64(['bin', 3, 1.5, 'id']), byDiscardedAt],
    ['1e308 where a timestamp belongs', b64(['bin', 3, 1e308, 'id']), byDiscardedAt],
    ['text where a timestamp belongs', b64(['bin', 3, 'yesterday', 'id']), byDiscardedAt],
    ['a day that does not exist', b64(['bin', 3, '2026-02-31T00:00:00.000Z', 'id']), byDiscardedAt],
    ['year zero', b64(['bin', 3, '0000-01-01T00:00:00.000Z', 'id']), byDiscardedAt],
    ['an hour past the day', b64(['bin', 3, '2026-01-01T24:00:00.000Z', 'id']), byDiscardedAt],
    ['a date without time', b64(['bin', 3, '2026-01-01', 'id']), byDiscardedAt],
    ['an offset instead of UTC', b64(['bin', 3, '2026-01-01T00:00:00+14:00', 'id']), byDiscardedAt],
  ])('a value that does not fit its column is refused: %s', (_label, cursor, plan) => {
    rejects(cursor, plan);
  });
});
