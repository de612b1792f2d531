import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { newId } from '@server/lib/ids';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { testDialect } from '@server/test/test-db';
import { insertAccountsBulk } from './accounts.repo';

// `portfolio_accounts` is derived from the owners, the owners' teams and the accounts by triggers,
// and every list reads the actor's accounts from it: after each kind of write it must hold exactly
// what the owners say, with the account's listed columns as they now are. On SQLite, so must the
// index of search terms and holders that a list's search filter reads (account_terms_fts).

let t: TestApp;
let admin: Client;
const teams = { north: newId(), south: newId() };
let users: Record<'ana' | 'bea' | 'carlos' | 'dora', Client>;
const now = new Date().toISOString();

const copied = ['kind', 'stage', 'city_norm', 'country', 'industry_norm', 'source', 'team_id', 'parent_id', 'name_norm', 'created_at', 'updated_at'];

/** What the triggers must have written: each owner's row and each owner's team's row, one per live account, with its tags and search terms. */
async function expected(): Promise<unknown[]> {
  const columns = copied.map((column) => `a.${column}`).join(', ');
  const result = await sql.raw<Record<string, unknown> & { id: string }>(`
    select o.user_id as holder_id, a.id, ${columns} from account_owners o join accounts a on a.id = o.account_id where a.discarded_at is null
    union
    select u.team_id as holder_id, a.id, ${columns} from account_owners o join users u on u.id = o.user_id join accounts a on a.id = o.account_id
      where u.team_id is not null and a.discarded_at is null
    order by holder_id, id`).execute(t.db);
  const tags = await t.db.selectFrom('account_tags').select(['account_id', 'tag_id']).execute();
  const terms = await t.db.selectFrom('account_terms').select(['account_id', 'term']).execute();
  return result.rows.map((row) => JSON.stringify({
    ...row,
    tags: tags.filter((tag) => tag.account_id === row.id).map((tag) => tag.tag_id).sort(),
    words: terms.filter((term) => term.account_id === row.id).map((term) => term.term).sort(),
  }));
}

async function actual(): Promise<unknown[]> {
  const result = await sql.raw<Record<string, unknown> & { tag_ids: string; words: string }>(`select holder_id, id, ${copied.join(', ')}, tag_ids, words from portfolio_accounts order by holder_id, id`).execute(t.db);
  return result.rows.map(({ tag_ids, words, ...row }) => JSON.stringify({
    ...row,
    tags: tag_ids.split(' ').filter(Boolean).sort(),
    words: words.split(' ').filter(Boolean).sort(),
  }));
}

/** SQLite's index of terms and holders (account_terms_fts): the live accounts each holder and each term finds. */
async function searchIndexInStep(): Promise<void> {
  if (testDialect !== 'sqlite') return;
  const found = async (token: string) => (await sql<{ id: string }>`select k.account_id as id from account_terms_fts f
    join account_fts_keys k on k.seq = f.rowid where account_terms_fts match ${`"${token}"`} order by k.account_id`.execute(t.db)).rows.map((row) => row.id);
  const holders = await t.db.selectFrom('portfolio_accounts').select(['holder_id', 'id']).orderBy('holder_id').orderBy('id').execute();
  const users = await t.db.selectFrom('users').select('id').execute();
  for (const holder of new Set([...holders.map((row) => row.holder_id), ...users.map((user) => user.id), ...Object.values(teams)])) {
    expect(await found(`~${holder}`), holder).toEqual(holders.filter((row) => row.holder_id === holder).map((row) => row.id));
  }
  const terms = await t.db.selectFrom('account_terms').innerJoin('accounts', 'accounts.id', 'account_terms.account_id')
    .select(['account_terms.term', 'accounts.id']).where('accounts.discarded_at', 'is', null).orderBy('accounts.id').execute();
  for (const term of new Set(terms.map((row) => row.term))) {
    expect(await found(term), term).toEqual(terms.filter((row) => row.term === term).map((row) => row.id));
  }
  const live = await t.db.selectFrom('accounts').select((eb) => eb.fn.countAll().as('n')).where('discarded_at', 'is', null).executeTakeFirstOrThrow();
  const documents = await sql<{ n: number }>`select count(*) as n from account_terms_fts`.execute(t.db);
  expect(documents.rows[0]?.n).toBe(Number(live.n));
  // Every writer let its accounts go (see withSearchDocumentsOnce).
  expect((await sql<{ n: number }>`select count(*) as n from account_terms_fts_pending`.execute(t.db)).rows[0]?.n).toBe(0);
}

async function inStep(): Promise<void> {
  const rows = await actual();
  expect(rows).toEqual(await expected());
  await searchIndexInStep();
}

async function setOwners(accountId: string, ownerIds: string[]): Promise<void> {
  const account = (await admin.get(`/api/v1/accounts/${accountId}`)).json<{ version: number }>();
  const response = await admin.put(`/api/v1/accounts/${accountId}/owners`, { version: account.version, ownerIds });
  expect(response.statusCode, response.body).toBe(200);
}

async function moveUser(client: Client, teamId: string | null): Promise<void> {
  const user = await t.db.selectFrom('users').select('version').where('id', '=', client.user.id).executeTakeFirstOrThrow();
  const response = await admin.patch(`/api/v1/users/${client.user.id}`, { version: user.version, teamId });
  expect(response.statusCode, response.body).toBe(200);
}

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  for (const [name, id] of Object.entries(teams)) await t.db.insertInto('teams').values({ id, name, created_at: now }).execute();
  users = {
    ana: await t.user({ teamId: teams.north }),
    bea: await t.user({ teamId: teams.north }),
    carlos: await t.user({ teamId: teams.south }),
    dora: await t.user({}),
  };
});

afterAll(async () => {
  await t.close();
});

describe('portfolio rows follow every write', () => {
  const ids: string[] = [];

  test('accounts created with owners: a row for each owner and one for each of their teams', async () => {
    const { ana, bea, carlos, dora } = users;
    for (const owners of [[ana], [ana, bea], [carlos], [dora], [ana, carlos], []]) {
      ids.push((await t.account(admin, { name: `Cuenta ${ids.length}`, ownerIds: owners.map((client) => client.user.id) })).id);
    }
    await inStep();
    const north = await t.db.selectFrom('portfolio_accounts').select('id').where('holder_id', '=', teams.north).orderBy('id').execute();
    // Ana and Bea share the second account: the team holds it once.
    expect(north.map((row) => row.id)).toEqual([ids[0], ids[1], ids[4]].sort());
  });

  test('owners changed: a team keeps an account while one of its members still owns it', async () => {
    await setOwners(ids[1] ?? '', [users.bea.user.id]);
    await inStep();
    await setOwners(ids[0] ?? '', [users.carlos.user.id]);
    await inStep();
    const north = await t.db.selectFrom('portfolio_accounts').select('id').where('holder_id', '=', teams.north).orderBy('id').execute();
    expect(north.map((row) => row.id)).toEqual([ids[1], ids[4]].sort());
  });

  test('a user moving team takes their accounts along', async () => {
    await moveUser(users.carlos, teams.north);
    await inStep();
    await moveUser(users.bea, null);
    await inStep();
    await moveUser(users.dora, teams.south);
    await inStep();
  });

  test('an account edited carries its new columns; discarded it leaves every portfolio, restored it comes back', async () => {
    const id = ids[4] ?? '';
    const account = (await admin.get(`/api/v1/accounts/${id}`)).json<{ version: number }>();
    const edited = await admin.patch(`/api/v1/accounts/${id}`, { version: account.version, name: 'Zeta Renombrada', stage: 'prospect', addresses: { visit: { city: 'Lima', country: 'PE' } } });
    expect(edited.statusCode, edited.body).toBe(200);
    await inStep();
    expect((await admin.delete(`/api/v1/accounts/${id}`)).statusCode).toBe(204);
    await inStep();
    expect(await t.db.selectFrom('portfolio_accounts').select('id').where('id', '=', id).execute()).toEqual([]);
    expect((await admin.post(`/api/v1/bin/accounts/${id}/restore`)).statusCode).toBe(204);
    await inStep();
    expect(await t.db.selectFrom('portfolio_accounts').select('id').where('id', '=', id).execute()).not.toEqual([]);
  });

  test('tags added and removed, one by one or by deleting the tag', async () => {
    const tagIds: string[] = [];
    for (const name of ['VIP', 'Newsletter']) {
      const response = await admin.post('/api/v1/tags', { name });
      expect(response.statusCode, response.body).toBe(201);
      tagIds.push(response.json<{ id: string }>().id);
    }
    for (const id of ids.slice(0, 5)) {
      for (const tagId of tagIds) expect((await admin.put(`/api/v1/accounts/${id}/tags/${tagId}`)).statusCode).toBe(204);
    }
    await inStep();
    const tagged = await t.db.selectFrom('portfolio_accounts').select('tag_ids').where('id', '=', ids[1] ?? '').executeTakeFirstOrThrow();
    expect(tagged.tag_ids.split(' ').filter(Boolean).sort()).toEqual([...tagIds].sort());
    expect((await admin.delete(`/api/v1/accounts/${ids[1] ?? ''}/tags/${tagIds[0] ?? ''}`)).statusCode).toBe(204);
    await inStep();
    await t.db.deleteFrom('tags').where('id', '=', tagIds[1] ?? '').execute();
    await inStep();
  });

  test('a merge moves owners and tags to the survivor and takes the loser out; its undo puts them back', async () => {
    const [survivor, loser] = [ids[0] ?? '', ids[3] ?? ''];
    const merged = await admin.post('/api/v1/accounts/merge', { survivorId: survivor, loserIds: [loser], fields: { name: loser } });
    expect(merged.statusCode, merged.body).toBe(201);
    await inStep();
    expect(await t.db.selectFrom('portfolio_accounts').select('id').where('id', '=', loser).execute()).toEqual([]);
    expect((await admin.post(`/api/v1/accounts/merges/${merged.json<{ id: string }>().id}/undo`)).statusCode).toBe(204);
    await inStep();
  });

  test('an account purged from the bin leaves no rows', async () => {
    const id = ids[2] ?? '';
    expect((await admin.delete(`/api/v1/accounts/${id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/bin/accounts/${id}`)).statusCode).toBe(204);
    await inStep();
    expect(await t.db.selectFrom('portfolio_accounts').select('id').where('id', '=', id).execute()).toEqual([]);
  });

  test('a multi-row insert of accounts, terms and owners (imports) fills it in one go', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => {
      const id = newId();
      return {
        id, kind: 'person' as const, name: `Bulk ${i}`, name_norm: `bulk ${i}`, stage: 'lead', emails: '[]', phones: '[]', addresses: '[]',
        created_at: now, updated_at: now, version: 1,
      };
    });
    const owners = rows.flatMap((row, i) => [{ account_id: row.id, user_id: users.ana.user.id }, ...(i % 2 ? [{ account_id: row.id, user_id: users.carlos.user.id }] : [])]);
    const terms = rows.flatMap((row, i) => [{ account_id: row.id, term: 'bulk' }, { account_id: row.id, term: `bulk${i}@example.com` }]);
    await t.db.transaction().execute((trx) => insertAccountsBulk(trx, rows, terms, owners));
    await inStep();
    expect(await t.db.selectFrom('portfolio_accounts').select('id').where('holder_id', '=', teams.north).execute()).toHaveLength(2 + 30);
  });

  test('a multi-row insert that fails half way outside a transaction still indexes what it wrote', async () => {
    const id = newId();
    const row = { id, kind: 'person' as const, name: 'Mitad Escrita', name_norm: 'mitad escrita', stage: 'lead', emails: '[]', phones: '[]', addresses: '[]', created_at: now, updated_at: now, version: 1 };
    await expect(insertAccountsBulk(t.db, [row], [{ account_id: id, term: 'mitad' }], [{ account_id: id, user_id: newId() }])).rejects.toThrow();
    await inStep();
  });

  test('an owner row, tag link or search term updated in place is refused, so no portfolio can drift', async () => {
    const owner = await t.db.selectFrom('account_owners').selectAll().executeTakeFirstOrThrow();
    await expect(t.db.updateTable('account_owners').set({ user_id: users.dora.user.id }).where('account_id', '=', owner.account_id).execute()).rejects.toThrow(/never updated/);
    const link = await t.db.selectFrom('account_tags').selectAll().executeTakeFirstOrThrow();
    await expect(t.db.updateTable('account_tags').set({ account_id: owner.account_id }).where('tag_id', '=', link.tag_id).execute()).rejects.toThrow(/never updated/);
    const term = await t.db.selectFrom('account_terms').selectAll().executeTakeFirstOrThrow();
    await expect(t.db.updateTable('account_terms').set({ term: 'otra' }).where('account_id', '=', term.account_id).where('term', '=', term.term).execute()).rejects.toThrow(/never updated/);
    await inStep();
  });

  test('a team removed takes its rows with it', async () => {
    await t.db.deleteFrom('teams').where('id', '=', teams.south).execute();
    await inStep();
    expect(await t.db.selectFrom('portfolio_accounts').select('id').where('holder_id', '=', teams.south).execute()).toEqual([]);
  });
});
