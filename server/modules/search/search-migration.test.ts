import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SearchResponse } from '@contract/search';
import type { AccountListItem } from '@contract/accounts';
import { down, up } from '@server/db/migrations/2026-11-23T1200-account-search';
import * as termsIndex from '@server/db/migrations/2026-11-30T1300-account-terms-fts';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { testDialect } from '@server/test/test-db';

let t: TestApp;
let admin: Client;

const names = async (q: string): Promise<string[]> => {
  const response = await admin.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<SearchResponse>().items.map((item) => item.name);
};

/** The accounts list's search filter, by name. */
const listed = async (q: string): Promise<string[]> => {
  const response = await admin.get(`/api/v1/accounts?q=${encodeURIComponent(q)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: AccountListItem[] }>().items.map((item) => item.name);
};

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
});

afterAll(async () => {
  await t.close();
});

describe('the account-search migration', () => {
  // With the index of terms and holders (SQLite's list search filter, 2026-11-30T1300), which
  // builds on this one's keys: taken down first and put back after.
  // Both are taken down (dropping their tables) once the accounts exist, so what they index
  // after coming back up is what they read from the accounts.
  test('indexes the accounts that exist before it runs, live ones only', async () => {
    await t.account(admin, { kind: 'person', firstName: 'Íñigo', lastName: 'Ybarra', emails: ['iybarra@previo.example'] });
    const discarded = await t.account(admin, { kind: 'organization', name: 'Ybarra Descartada SL' });
    expect((await admin.delete(`/api/v1/accounts/${discarded.id}`)).statusCode).toBe(204);
    await termsIndex.down(t.db);
    await down(t.db);
    await up(t.db);
    await termsIndex.up(t.db);

    expect(await names('inigo')).toEqual(['Íñigo Ybarra']);
    expect(await names('ybarra')).toEqual(['Íñigo Ybarra']);
    expect(await names('iybarra')).toEqual(['Íñigo Ybarra']);
    expect(await listed('ybarra')).toEqual(['Íñigo Ybarra']);
    expect(await listed('iybarra@previo')).toEqual(['Íñigo Ybarra']);
    // And it keeps them current from then on, the restored one included.
    expect((await admin.post(`/api/v1/bin/accounts/${discarded.id}/restore`)).statusCode).toBe(204);
    expect(await names('ybarra')).toEqual(['Ybarra Descartada SL', 'Íñigo Ybarra']);
    expect(await listed('ybarra')).toEqual(['Íñigo Ybarra', 'Ybarra Descartada SL']);
  });

  // SQLite documents that VACUUM may renumber the rowids of a table without an INTEGER PRIMARY
  // KEY (accounts): the index is keyed by account_fts_keys, never by those rowids.
  test.runIf(testDialect === 'sqlite')('still finds the right accounts after a purge and VACUUM', async () => {
    const first = await t.account(admin, { kind: 'organization', name: 'Primera Borrada SA' });
    const second = await t.account(admin, { kind: 'organization', name: 'Segunda Quintanilla SA' });
    const third = await t.account(admin, { kind: 'organization', name: 'Tercera Villalobos SA' });
    expect((await admin.delete(`/api/v1/accounts/${first.id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/bin/accounts/${first.id}`)).statusCode).toBe(204);
    await sql`vacuum`.execute(t.db);

    const ids = async (q: string) => (await admin.get(`/api/v1/search?q=${q}`)).json<SearchResponse>().items.map((item) => item.id);
    expect(await ids('quintanilla')).toEqual([second.id]);
    expect(await ids('villalobos')).toEqual([third.id]);
    expect(await ids('borrada')).toEqual([]);
  });
});
