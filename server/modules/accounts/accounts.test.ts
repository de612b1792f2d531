import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, AccountListItem, binItemSchema, TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { z } from 'zod';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { accountState, countRows, expectProblem, uniqueWord } from '@server/test/state';

type BinItem = z.infer<typeof binItemSchema>;

let t: TestApp;
let admin: Client;
let agent: Client;
let manager: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all', name: 'Ana Admin' });
  agent = await t.user({ role: 'agent', scope: 'own', name: 'Pablo Agente', language: 'en' });
  manager = await t.user({ role: 'manager', name: 'Marta Manager' });
  // Industry holds the key of an item of the admin-managed list.
  for (const [key, es, en] of [['construction', 'Construcción', 'Construction'], ['retail', 'Comercio', 'Retail']]) {
    expect((await admin.post('/api/v1/lists/industry/items', { key, labels: { es, en } })).statusCode).toBe(201);
  }
});

afterAll(async () => {
  await t.close();
});

const timeline = async (client: Client, id: string, query = '') =>
  (await client.get(`/api/v1/accounts/${id}/timeline${query}`)).json<ListResponse<TimelineEntry>>();

describe('creating accounts', () => {
  test('an organization with every field, normalised e-mails, owned by the creating agent', async () => {
    const response = await agent.post('/api/v1/accounts', {
      kind: 'organization',
      name: '  Construcciones Núñez SL ',
      stage: 'prospect',
      taxId: 'B-58.378.431',
      industry: 'construction',
      website: 'https://nunez.example',
      emails: ['Info@Nunez.Example'],
      phones: ['+34 912 345 678'],
      addresses: { visit: { street: 'Gran Vía 1', city: 'Madrid', country: 'es' } },
      notes: 'Cliente potencial',
    });
    expect(response.statusCode).toBe(201);
    const account = response.json<Account>();
    expect(account).toMatchObject({
      kind: 'organization', name: 'Construcciones Núñez SL', firstName: null, stage: 'prospect', taxId: 'B-58.378.431', industry: 'construction',
      emails: ['info@nunez.example'], phones: ['+34 912 345 678'], city: 'Madrid', country: 'ES', version: 1,
      owners: [{ id: agent.user.id, name: 'Pablo Agente' }], createdBy: { id: agent.user.id, name: 'Pablo Agente' },
      abilities: { update: true, discard: true },
    });
    expect(response.headers.etag).toBe('"1"');
    expect((await agent.get(`/api/v1/accounts/${account.id}`)).json<Account>()).toEqual(account);
  });

  test('a person: the name is first name and last name, stage lead by default', async () => {
    const account = await t.account(agent, { kind: 'person', firstName: 'Ángela', lastName: 'García López' });
    expect(account).toMatchObject({ kind: 'person', name: 'Ángela García López', firstName: 'Ángela', lastName: 'García López', stage: 'lead' });
    const onlyFirst = await t.account(agent, { kind: 'person', firstName: 'Cher' });
    expect(onlyFirst.name).toBe('Cher');
  });

  test('field errors name the field path and reason, in the user\'s language, and nothing is created', async () => {
    const accounts = await countRows(t.db, 'accounts');
    const org = expectProblem(await agent.post('/api/v1/accounts', { kind: 'organization', emails: ['ok@example.com', 'not-an-email'], phones: ['call me'] }), 400, 'validation_failed');
    expect(org.errors).toEqual(expect.arrayContaining([
      { field: 'emails.1', code: 'invalid_email', message: 'Not a valid e-mail address.' },
      { field: 'phones.0', code: 'invalid_format', message: 'The format is not valid.' },
      { field: 'name', code: 'required', message: 'Required.' },
    ]));
    const spanish = await t.user({ role: 'agent', language: 'es' });
    const person = expectProblem(await spanish.post('/api/v1/accounts', { kind: 'person', lastName: 'Solo' }), 400, 'validation_failed');
    expect(person.errors).toEqual([{ field: 'firstName', code: 'required', message: 'Campo obligatorio.' }]);
    expect(person.detail).toBe('Revisa los datos: hay campos con errores.');
    const industry = expectProblem(await agent.post('/api/v1/accounts', { kind: 'organization', name: 'X', industry: 'mining' }), 400, 'validation_failed');
    expect(industry.errors?.map((e) => [e.field, e.code])).toEqual([['industry', 'unknown_list_item']]);
    const kind = expectProblem(await agent.post('/api/v1/accounts', { kind: 'company', name: 'X' }), 400, 'validation_failed');
    expect(kind.errors?.map((e) => [e.field, e.code])).toEqual([['kind', 'invalid_value']]);
    const long = expectProblem(await agent.post('/api/v1/accounts', { kind: 'organization', name: 'x'.repeat(201) }), 400, 'validation_failed');
    expect(long.errors).toEqual([{ field: 'name', code: 'too_long', message: 'Too long (at most 200).' }]);
    expect(await countRows(t.db, 'accounts')).toBe(accounts);
  });

  test('fields outside the contract (version, owners by another name, discarded flags) are refused by name, and nothing is created', async () => {
    const response = await agent.post('/api/v1/accounts', { kind: 'organization', name: 'Whitelist', version: 99, discardedAt: '2020-01-01T00:00:00Z', createdBy: admin.user.id });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((e) => [e.field, e.code]).sort()).toEqual([['createdBy', 'unknown_field'], ['discardedAt', 'unknown_field'], ['version', 'unknown_field']]);
    expect(await t.db.selectFrom('accounts').select('id').where('name', '=', 'Whitelist').execute()).toEqual([]);
  });
});

describe('updating accounts', () => {
  test('an update with the current version changes the fields sent and bumps the version', async () => {
    const account = await t.account(agent, { kind: 'organization', name: 'Antes SA', industry: 'retail' });
    const response = await agent.patch(`/api/v1/accounts/${account.id}`, { version: 1, name: 'Después SA', stage: 'customer' });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    expect(response.json<Account>()).toMatchObject({ name: 'Después SA', stage: 'customer', industry: 'retail', version: 2 });
  });

  test('a stale version is 412 stale_version and leaves the row untouched', async () => {
    const account = await t.account(agent, { kind: 'organization', name: 'Concurrente' });
    expect((await manager.patch(`/api/v1/accounts/${account.id}`, { version: 1, notes: 'first' })).statusCode).toBe(200);
    const before = await t.db.selectFrom('accounts').selectAll().where('id', '=', account.id).executeTakeFirstOrThrow();
    const stale = await agent.patch(`/api/v1/accounts/${account.id}`, { version: 1, name: 'Overwritten' });
    const problem = expectProblem(stale, 412, 'stale_version');
    expect(problem.detail).toBe('Someone else has changed this record. Reload it to see their changes; nothing was saved.');
    expect(await t.db.selectFrom('accounts').selectAll().where('id', '=', account.id).executeTakeFirstOrThrow()).toEqual(before);
    const staleOwners = await agent.put(`/api/v1/accounts/${account.id}/owners`, { version: 1, ownerIds: [manager.user.id] });
    expectProblem(staleOwners, 412, 'stale_version');
    expect((await accountState(t.db, account.id)).ownerIds).toEqual([agent.user.id]);
  });

  test('If-Match is honoured: a stale ETag is 412 even with a current body version; the current one passes', async () => {
    const account = await t.account(agent, { kind: 'organization', name: 'Etiquetada' });
    await agent.patch(`/api/v1/accounts/${account.id}`, { version: 1, notes: 'v2' });
    const before = await accountState(t.db, account.id);
    const stale = await agent.request('PATCH', `/api/v1/accounts/${account.id}`, { version: 2, name: 'No' }, { 'if-match': '"1"' });
    expectProblem(stale, 412, 'stale_version');
    expect(await accountState(t.db, account.id)).toEqual(before);
    const ok = await agent.request('PATCH', `/api/v1/accounts/${account.id}`, { version: 2, name: 'Sí' }, { 'if-match': 'W/"2"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"3"');
  });

  test('name fields must fit the kind: firstName on an organization, name on a person are field errors', async () => {
    const org = await t.account(agent, { kind: 'organization', name: 'Org' });
    const person = await t.account(agent, { kind: 'person', firstName: 'Per' });
    expect(expectProblem(await agent.patch(`/api/v1/accounts/${org.id}`, { version: 1, firstName: 'X' }), 400, 'validation_failed').errors?.[0]).toMatchObject({ field: 'firstName', code: 'not_for_kind' });
    expect(expectProblem(await agent.patch(`/api/v1/accounts/${person.id}`, { version: 1, name: 'X' }), 400, 'validation_failed').errors?.[0]).toMatchObject({ field: 'name', code: 'not_for_kind' });
    const renamed = await agent.patch(`/api/v1/accounts/${person.id}`, { version: 1, lastName: 'Sona' });
    expect(renamed.json<Account>().name).toBe('Per Sona');
  });

  test('a version is required', async () => {
    const account = await t.account(agent, { kind: 'organization', name: 'Sin versión' });
    const problem = expectProblem(await agent.patch(`/api/v1/accounts/${account.id}`, { name: 'X' }), 400, 'validation_failed');
    expect(problem.errors).toEqual([{ field: 'version', code: 'required', message: 'Required.' }]);
  });
});

describe('history', () => {
  test('created and updated entries show who, which fields from what to what, newest first', async () => {
    const account = await t.account(agent, { kind: 'organization', name: 'Historia SA', stage: 'lead' });
    await manager.patch(`/api/v1/accounts/${account.id}`, { version: 1, stage: 'customer', emails: ['a@historia.example'] });
    const entries = (await timeline(agent, account.id)).items;
    expect(entries.map((entry) => entry.action)).toEqual(['updated', 'created']);
    const [updated, created] = entries;
    expect(updated?.actor).toEqual({ id: manager.user.id, name: 'Marta Manager' });
    expect(updated?.changes).toEqual([
      { field: 'stage', before: 'lead', after: 'customer' },
      { field: 'emails', before: [], after: ['a@historia.example'] },
    ]);
    expect(created?.actor).toEqual({ id: agent.user.id, name: 'Pablo Agente' });
    expect(created?.changes).toEqual(expect.arrayContaining([{ field: 'name', before: null, after: 'Historia SA' }]));
    expect(Date.parse(updated?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(created?.at ?? ''));
  });

  test('an update that changes nothing writes no history and keeps the version', async () => {
    const account = await t.account(agent, { kind: 'organization', name: 'Quieta' });
    const response = await agent.patch(`/api/v1/accounts/${account.id}`, { version: 1, name: 'Quieta' });
    expect(response.json<Account>().version).toBe(1);
    expect((await timeline(agent, account.id)).total).toBe(1);
  });

  test('the timeline pages with a keyset cursor: every entry once, newest first', async () => {
    const account = await t.account(agent, { kind: 'organization', name: 'Paginada' });
    let version = 1;
    for (let i = 0; i < 6; i++) {
      const response = await agent.patch(`/api/v1/accounts/${account.id}`, { version, notes: `nota ${i}` });
      version = response.json<Account>().version;
    }
    const seen: TimelineEntry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ListResponse<TimelineEntry> = await timeline(agent, account.id, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(7);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((entry) => entry.action)).toEqual([...Array<string>(6).fill('updated'), 'created']);
    expect(seen.slice(0, 6).map((entry) => entry.changes[0]?.after)).toEqual(['nota 5', 'nota 4', 'nota 3', 'nota 2', 'nota 1', 'nota 0']);
    expect(new Set(seen.map((entry) => entry.id)).size).toBe(7);
    expectProblem(await agent.get(`/api/v1/accounts/${account.id}/timeline?cursor=bm9wZQ`), 400, 'bad_cursor');
  });

  test('an owners change is recorded with the names before and after', async () => {
    const account = await t.account(admin, { kind: 'organization', name: 'Dueños', ownerIds: [agent.user.id] });
    const response = await admin.put(`/api/v1/accounts/${account.id}/owners`, { version: 1, ownerIds: [agent.user.id, manager.user.id] });
    expect(response.statusCode).toBe(200);
    expect(response.json<Account>().owners.map((o) => o.name)).toEqual(['Marta Manager', 'Pablo Agente']);
    // The account's page reads its owners with the row, by name, with their ids.
    expect((await admin.get(`/api/v1/accounts/${account.id}`)).json<Account>().owners).toEqual([
      { id: manager.user.id, name: 'Marta Manager' }, { id: agent.user.id, name: 'Pablo Agente' },
    ]);
    const [latest] = (await timeline(admin, account.id)).items;
    expect(latest).toMatchObject({
      action: 'owners_changed',
      actor: { id: admin.user.id, name: 'Ana Admin' },
      changes: [{ field: 'owners', before: ['Pablo Agente'], after: ['Pablo Agente', 'Marta Manager'] }],
    });
  });
});

describe('discard, bin, restore, purge', () => {
  const listed = async (client: Client, word: string) => (await client.get(`/api/v1/accounts?q=${word}`)).json<ListResponse<AccountListItem>>();

  test('a discarded account disappears for everyone, admin included, and shows up in the bin', async () => {
    const word = uniqueWord('papelera');
    const account = await t.account(agent, { kind: 'organization', name: `Descartada ${word}` });
    expect((await listed(admin, word)).total).toBe(1);
    expect((await agent.delete(`/api/v1/accounts/${account.id}`)).statusCode).toBe(204);
    for (const client of [agent, manager, admin]) {
      const list = await listed(client, word);
      expect(list.total).toBe(0);
      expect(list.items).toEqual([]);
      expectProblem(await client.get(`/api/v1/accounts/${account.id}`), 404, 'not_found');
      expectProblem(await client.get(`/api/v1/accounts/${account.id}/timeline`), 404, 'not_found');
      expectProblem(await client.patch(`/api/v1/accounts/${account.id}`, { version: 1, name: 'zombie' }), 404, 'not_found');
    }
    expectProblem(await agent.delete(`/api/v1/accounts/${account.id}`), 404, 'not_found');
    const bin = (await admin.get('/api/v1/bin')).json<ListResponse<BinItem>>();
    expect(bin.items.find((item) => item.id === account.id)).toMatchObject({ name: `Descartada ${word}`, discardedBy: { id: agent.user.id, name: 'Pablo Agente' } });
  });

  test('restore brings it back with its owners, contacts and history', async () => {
    const word = uniqueWord('vuelta');
    const account = await t.account(agent, { kind: 'organization', name: `Restaurada ${word}` });
    expect((await agent.post(`/api/v1/accounts/${account.id}/contacts`, { newPerson: { firstName: 'Pepa' } })).statusCode).toBe(201);
    expect((await agent.delete(`/api/v1/accounts/${account.id}`)).statusCode).toBe(204);
    expect((await admin.post(`/api/v1/bin/accounts/${account.id}/restore`)).statusCode).toBe(204);
    const back = await agent.get(`/api/v1/accounts/${account.id}`);
    expect(back.statusCode).toBe(200);
    expect(back.json<Account>().owners.map((o) => o.id)).toEqual([agent.user.id]);
    expect((await listed(agent, word)).total).toBe(1);
    expect((await agent.get(`/api/v1/accounts/${account.id}/contacts`)).json<{ items: unknown[] }>().items).toHaveLength(1);
    const actions = (await timeline(agent, account.id)).items.map((entry) => entry.action);
    expect(actions.slice(0, 2)).toEqual(['restored', 'discarded']);
    const bin = (await admin.get('/api/v1/bin?limit=200')).json<ListResponse<BinItem>>();
    expect(bin.items.map((item) => item.id)).not.toContain(account.id);
  });

  test('purge deletes the account and its contact links for good; the contact person stays', async () => {
    const account = await t.account(admin, { kind: 'organization', name: 'Purgada' });
    const contact = await admin.post(`/api/v1/accounts/${account.id}/contacts`, { newPerson: { firstName: 'Superviviente' } });
    const personId = contact.json<{ person: { id: string } }>().person.id;
    expect((await admin.delete(`/api/v1/accounts/${account.id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/bin/accounts/${account.id}`)).statusCode).toBe(204);
    expect((await accountState(t.db, account.id)).exists).toBe(false);
    expect(await t.db.selectFrom('contacts').select('id').where('organization_id', '=', account.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('account_owners').select('user_id').where('account_id', '=', account.id).execute()).toEqual([]);
    expect((await admin.get(`/api/v1/accounts/${personId}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/accounts/${personId}/contacts`)).json<{ items: unknown[] }>().items).toEqual([]);
    expectProblem(await admin.delete(`/api/v1/bin/accounts/${account.id}`), 404, 'not_found');
    expectProblem(await admin.post(`/api/v1/bin/accounts/${account.id}/restore`), 404, 'not_found');
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', account.id).where('action', '=', 'purged').execute();
    expect(audit).toHaveLength(1);
  });

  test('the bin pages newest first with an exact total', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const account = await t.account(admin, { kind: 'organization', name: `Bin ${i}` });
      await admin.delete(`/api/v1/accounts/${account.id}`);
      ids.push(account.id);
    }
    const first = (await admin.get('/api/v1/bin?limit=2')).json<ListResponse<BinItem>>();
    expect(first.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    const all: BinItem[] = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (await admin.get(`/api/v1/bin?limit=2&cursor=${cursor}`)).json<ListResponse<BinItem>>();
      all.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(all).toHaveLength(first.total);
    expect(new Set(all.map((item) => item.id)).size).toBe(first.total);
    expect(first.total).toBe(await t.db.selectFrom('accounts').select('id').where('discarded_at', 'is not', null).execute().then((rows) => rows.length));
  });
});
