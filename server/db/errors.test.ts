import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newId } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';
import { expectProblem } from '@server/test/state';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { constraintError } from './errors';

/**
 * Unique keys a client can race for. On PostgreSQL simultaneous requests really run in parallel
 * transactions, and the check before an insert can pass for several of them; on SQLite they
 * serialise. Either way exactly one wins and every other gets the answer a later duplicate gets.
 */
let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all', language: 'en' });
});
afterAll(async () => t.close());

/** The error a write throws, as the driver of the dialect under test throws it. */
async function failureOf(write: () => Promise<unknown>): Promise<unknown> {
  try {
    await write();
  } catch (error) {
    return error;
  }
  throw new Error('the write did not fail');
}

/** The same request sent `times` times at once; answers sorted by status. */
async function atOnce(times: number, send: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse[]> {
  const answers = await Promise.all(Array.from({ length: times }, send));
  return answers.sort((a, b) => a.statusCode - b.statusCode);
}

/** One winner with `won`; every other answer is the problem `expected` (status, code, field errors). */
function expectOneWinner(answers: LightMyRequestResponse[], won: number, expected: { status: number; code: string; fields?: Array<{ field: string; code: string }> }) {
  expect(answers[0]?.statusCode).toBe(won);
  for (const answer of answers.slice(1)) {
    const problem = expectProblem(answer, expected.status, expected.code);
    if (expected.fields) expect(problem.errors?.map(({ field, code }) => ({ field, code }))).toEqual(expected.fields);
  }
}

describe('a violated constraint, as the driver reports it, maps to a client error', () => {
  test('a known unique key answers what the check before it answers', async () => {
    const tag = { id: newId(), name: 'Única', name_norm: 'unica', color: null, created_at: nowIso(), created_by: null, updated_at: nowIso(), version: 1 };
    await t.db.insertInto('tags').values(tag).execute();
    const error = constraintError(await failureOf(() => t.db.insertInto('tags').values({ ...tag, id: newId() }).execute()));
    expect({ code: error?.code, fields: error?.fields }).toEqual({ code: 'validation_failed', fields: [{ field: 'name', code: 'taken' }] });
  });

  test('any other unique key is 409 conflict naming its last column as a field', async () => {
    const account = await t.account(admin, { name: 'Con etiqueta' });
    const tagId = newId();
    await t.db.insertInto('tags').values({ id: tagId, name: 'Otra', name_norm: 'otra', color: null, created_at: nowIso(), created_by: null, updated_at: nowIso(), version: 1 }).execute();
    const link = { account_id: account.id, tag_id: tagId, created_at: nowIso(), created_by: null };
    await t.db.insertInto('account_tags').values(link).execute();
    const error = constraintError(await failureOf(() => t.db.insertInto('account_tags').values(link).execute()));
    expect({ code: error?.code, fields: error?.fields }).toEqual({ code: 'conflict', fields: [{ field: 'accountId', code: 'taken' }] });
  });

  test('a foreign key to a row that is not there is 409 conflict', async () => {
    const error = constraintError(await failureOf(() => t.db.insertInto('account_tags').values({ account_id: newId(), tag_id: newId(), created_at: nowIso(), created_by: null }).execute()));
    expect(error?.code).toBe('conflict');
  });

  test('anything else is not a client error', async () => {
    expect(constraintError(new Error('boom'))).toBeNull();
    expect(constraintError(await failureOf(() => sql`select nope from tags`.execute(t.db)))).toBeNull();
  });
});

describe('simultaneous identical creates', () => {
  test('list items with one key: one 201, the rest "key taken"', async () => {
    const answers = await atOnce(10, () => admin.post('/api/v1/lists/industry/items', { key: 'carrera', labels: { es: 'Carrera', en: 'Race' } }));
    expectOneWinner(answers, 201, { status: 400, code: 'validation_failed', fields: [{ field: 'key', code: 'taken' }] });
    const rows = await t.db.selectFrom('list_items').select('id').where('list_key', '=', 'industry').where('key', '=', 'carrera').execute();
    expect(rows).toHaveLength(1);
  });

  test('one characteristic on one account: one 201, the rest "already has it"', async () => {
    const item = await admin.post('/api/v1/lists/characteristic/items', { key: 'vip', labels: { es: 'VIP', en: 'VIP' } });
    expect(item.statusCode).toBe(201);
    const account = await t.account(admin, { name: 'Característica SA' });
    const answers = await atOnce(10, () => admin.post(`/api/v1/accounts/${account.id}/characteristics`, { key: 'vip' }));
    expectOneWinner(answers, 201, { status: 400, code: 'validation_failed', fields: [{ field: 'key', code: 'trait_exists' }] });
    expect(await t.db.selectFrom('account_traits').select('id').where('account_id', '=', account.id).execute()).toHaveLength(1);
  });

  test('one relationship between two accounts: one 201, the rest "already related"', async () => {
    const reason = await admin.post('/api/v1/lists/relationship_reason/items', { key: 'socio', labels: { es: 'Socio', en: 'Partner' } });
    expect(reason.statusCode).toBe(201);
    const [a, b] = [await t.account(admin, { name: 'Uno SA' }), await t.account(admin, { name: 'Dos SA' })];
    const answers = await atOnce(10, () => admin.post(`/api/v1/accounts/${a.id}/relationships`, { otherId: b.id, reason: 'socio' }));
    expectOneWinner(answers, 201, { status: 400, code: 'validation_failed', fields: [{ field: 'reason', code: 'relationship_exists' }] });
    expect(await t.db.selectFrom('account_relationships').select('id').where('account_id', '=', a.id).execute()).toHaveLength(1);
  });

  test('users with one e-mail: one 201, the rest "e-mail taken"', async () => {
    const answers = await atOnce(5, () => admin.post('/api/v1/users', { email: 'gemela@example.com', name: 'Gemela', password: 'una-clave-larga' }));
    expectOneWinner(answers, 201, { status: 409, code: 'email_taken', fields: [{ field: 'email', code: 'email_taken' }] });
  });
});
