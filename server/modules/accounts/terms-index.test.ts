import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AccountListItem } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import { newId } from '@server/lib/ids';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { testDialect } from '@server/test/test-db';
import { insertAccountsBulk } from './accounts.repo';

// SQLite intersects a several-word search in account_terms_fts, kept from account_terms by
// triggers: after every kind of write, each term must find exactly the accounts that have it
// (and a term no account has any more, none), and a list searched for two words must hold what
// the terms say.

let t: TestApp;
let admin: Client;
const now = new Date().toISOString();
/** Every term ever seen here, so that terms taken away are checked too. */
const seen = new Set<string>();

async function termsByAccount(): Promise<Map<string, string[]>> {
  const rows = await t.db.selectFrom('account_terms').select(['account_id', 'term']).execute();
  const byTerm = new Map<string, string[]>();
  for (const row of rows) byTerm.set(row.term, [...(byTerm.get(row.term) ?? []), row.account_id]);
  return byTerm;
}

/** The accounts whose document holds exactly this term, by the index alone. */
async function indexed(term: string): Promise<string[]> {
  const result = await sql<{ account_id: string }>`select k.account_id from account_terms_fts f join account_fts_keys k on k.seq = f.rowid
    where account_terms_fts match ${`"${term.replaceAll('"', '""')}"`}`.execute(t.db);
  return result.rows.map((row) => row.account_id).sort();
}

async function inStep(): Promise<void> {
  const byTerm = await termsByAccount();
  for (const term of byTerm.keys()) seen.add(term);
  expect(seen.size).toBeGreaterThan(0);
  for (const term of seen) expect([term, await indexed(term)]).toEqual([term, (byTerm.get(term) ?? []).sort()]);
}

const listed = async (q: string): Promise<string[]> => {
  const response = await admin.get(`/api/v1/accounts?${new URLSearchParams({ q, limit: '200' }).toString()}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ListResponse<AccountListItem>>().items.map((item) => item.name).sort();
};

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
});

afterAll(async () => {
  await t.close();
});

describe.runIf(testDialect === 'sqlite')('the terms index follows every write', () => {
  const ids: string[] = [];

  test('accounts created: their names, e-mails, domains, phones and tax ids, punctuation included', async () => {
    ids.push((await t.account(admin, { kind: 'person', firstName: 'María', lastName: "López O'Brien", emails: ['maria.lopez@norte.example'], phones: ['+34 600 111 222'] })).id);
    ids.push((await t.account(admin, { kind: 'person', firstName: 'Mariano', lastName: 'Lopera', emails: ['m-lopera@sur.example'] })).id);
    ids.push((await t.account(admin, { kind: 'organization', name: 'López & Marín "Asociados" SL', taxId: 'B-10012345' })).id);
    await inStep();
    expect(await listed('mari lop')).toEqual(['López & Marín "Asociados" SL', 'Mariano Lopera', "María López O'Brien"]);
    expect(await listed('maria lopez')).toEqual(["María López O'Brien"]);
    expect(await listed('"asociados" lopez')).toEqual(['López & Marín "Asociados" SL']);
    expect(await listed("o'bri maria")).toEqual(["María López O'Brien"]);
    expect(await listed('lopera sur.ex')).toEqual(['Mariano Lopera']);
  });

  test('an account edited: old terms leave its document, new ones come in', async () => {
    const id = ids[1] ?? '';
    const account = (await admin.get(`/api/v1/accounts/${id}`)).json<{ version: number }>();
    const response = await admin.patch(`/api/v1/accounts/${id}`, { version: account.version, lastName: 'Quiroga', emails: ['mq@oeste.example'] });
    expect(response.statusCode, response.body).toBe(200);
    await inStep();
    expect(await listed('mariano lopera')).toEqual([]);
    expect(await listed('mariano quir')).toEqual(['Mariano Quiroga']);
  });

  test('discarded and restored: the list leaves it out meanwhile, the terms stay', async () => {
    const id = ids[0] ?? '';
    expect((await admin.delete(`/api/v1/accounts/${id}`)).statusCode).toBe(204);
    await inStep();
    expect(await listed('maria lopez')).toEqual([]);
    expect((await admin.post(`/api/v1/bin/accounts/${id}/restore`)).statusCode).toBe(204);
    expect(await listed('maria lopez')).toEqual(["María López O'Brien"]);
  });

  test('purged from the bin, and terms deleted by raw SQL', async () => {
    const id = ids[2] ?? '';
    expect((await admin.delete(`/api/v1/accounts/${id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/bin/accounts/${id}`)).statusCode).toBe(204);
    await inStep();
    await t.db.deleteFrom('account_terms').where('account_id', '=', ids[0] ?? '').where('term', 'like', 'lopez%').execute();
    await inStep();
    expect(await listed('maria lopez')).toEqual([]);
  });

  test('a multi-row insert of accounts and terms (imports, the data generator)', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({
      id: newId(), kind: 'person' as const, name: `Masivo ${i}`, name_norm: `masivo ${i}`, stage: 'lead', emails: '[]', phones: '[]', addresses: '[]',
      created_at: now, updated_at: now, version: 1,
    }));
    const terms = rows.flatMap((row, i) => ['masivo', String(i), `lote${i % 3}`].map((term) => ({ account_id: row.id, term })));
    await t.db.transaction().execute((trx) => insertAccountsBulk(trx, rows, terms, []));
    await inStep();
    expect(await listed('masivo lote2')).toEqual(['Masivo 11', 'Masivo 14', 'Masivo 17', 'Masivo 2', 'Masivo 5', 'Masivo 8']);
  });
});
