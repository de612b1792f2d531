import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AccountCreate } from '@contract/accounts';
import type { SearchResponse } from '@contract/search';
import { blankAccountFields } from '@server/modules/accounts/account-fields';
import { insertNewAccounts } from '@server/modules/accounts/accounts.service';
import { loadActor } from '@server/modules/users/users.repo';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectProblem } from '@server/test/state';

let t: TestApp;
let admin: Client;
let agentA: Client;
let agentB: Client;
let teamAgent: Client;
const ids: Record<string, string> = {};

async function search(client: Client, q: string, limit?: number): Promise<SearchResponse> {
  const response = await client.get(`/api/v1/search?${new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) }).toString()}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<SearchResponse>();
}

const names = async (client: Client, q: string, limit?: number): Promise<string[]> => (await search(client, q, limit)).items.map((item) => item.name);

async function create(key: string, input: Partial<AccountCreate>, owner: Client): Promise<void> {
  const account = await t.account(admin, { ...input, ownerIds: [owner.user.id] });
  ids[key] = account.id;
}

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agentA = await t.user({ role: 'agent', scope: 'own' });
  const team = (await admin.post('/api/v1/teams', { name: 'Norte' })).json<{ id: string }>();
  agentB = await t.user({ role: 'agent', scope: 'own', teamId: team.id });
  teamAgent = await t.user({ role: 'agent', scope: 'team', teamId: team.id });
  await create('angela', { kind: 'person', firstName: 'Ángela', lastName: 'García López', emails: ['angela.g@correo.example'], addresses: { visit: { city: 'Málaga', country: 'ES' } } }, agentA);
  await create('garciaOrg', { kind: 'organization', name: 'García Hermanos SL', taxId: 'B-10012342', addresses: { visit: { city: 'Madrid', country: 'ES' } } }, agentB);
  await create('garcilaso', { kind: 'organization', name: 'Garcilaso Consultores', emails: ['info@garcilaso.example'] }, agentB);
  await create('pedro', { kind: 'person', firstName: 'Pedro', lastName: 'Ruiz', emails: ['p12345@gmail.example', 'pedro@trabajo.example'] }, agentA);
  await create('maria', { kind: 'person', firstName: 'María', lastName: 'López Pérez' }, agentA);
  await create('lopezMaria', { kind: 'person', firstName: 'Lucía', lastName: 'López María' }, agentB);
  await create('mariana', { kind: 'person', firstName: 'Mariana', lastName: 'Lopera' }, agentA);
});

afterAll(async () => {
  await t.close();
});

describe('GET /search', () => {
  test('ignores accents and case, both ways', async () => {
    expect(await names(admin, 'angela')).toEqual(['Ángela García López']);
    expect(await names(admin, 'ÁNGELA GARCÍA')).toEqual(['Ángela García López']);
    expect(await names(admin, 'lopez maria')).toContain('María López Pérez');
  });

  test('finds an e-mail by its start and shows it as the second line', async () => {
    const result = await search(admin, 'p1234');
    expect(result.items).toEqual([
      { id: ids.pedro, kind: 'person', name: 'Pedro Ruiz', stage: 'lead', secondary: { field: 'email', value: 'p12345@gmail.example' } },
    ]);
    expect((await search(admin, 'p12345@gmail.example')).items.map((item) => item.id)).toEqual([ids.pedro]);
    expect((await search(admin, 'trabajo')).items[0]?.secondary).toEqual({ field: 'email', value: 'pedro@trabajo.example' });
  });

  test('finds a tax id with or without separators and with the VAT prefix', async () => {
    for (const q of ['B10012342', 'b-10012342', 'B.1001', 'ESB10012342', 'es-b-10012342']) {
      const result = await search(admin, q);
      expect(result.items.map((item) => item.id), q).toEqual([ids.garciaOrg]);
      expect(result.items[0]?.secondary, q).toEqual({ field: 'taxId', value: 'B-10012342' });
    }
  });

  test('every word must match, in any order, each as a prefix', async () => {
    expect(await names(admin, 'maria lopez')).toEqual(['María López Pérez', 'Lucía López María']);
    expect(await names(admin, 'lop mar')).toEqual(['Lucía López María', 'María López Pérez', 'Mariana Lopera']);
    expect(await names(admin, 'maria ruiz')).toEqual([]);
  });

  test('whole words fill a page when they can; prefixes are searched when they do not', async () => {
    const page = await search(admin, 'maria lopez', 1);
    expect(page.items.map((item) => item.name)).toEqual(['María López Pérez']);
    expect(page.hasMore).toBe(true);
    expect(await names(admin, 'mari lope')).toEqual(['Lucía López María', 'María López Pérez', 'Mariana Lopera']);
    expect(await names(admin, 'maria lopera')).toEqual(['Mariana Lopera']);
  });

  test('names that start with the query come first, then the other matches by name', async () => {
    const result = await search(admin, 'garc');
    expect(result.items.map((item) => item.name)).toEqual(['García Hermanos SL', 'Garcilaso Consultores', 'Ángela García López']);
    // Without an e-mail or tax id that matched, the second line is the city.
    expect(result.items[2]?.secondary).toEqual({ field: 'city', value: 'Málaga' });
    expect(result.hasMore).toBe(false);
  });

  test('limit cuts the list and says there is more', async () => {
    const result = await search(admin, 'garc', 2);
    expect(result.items.map((item) => item.name)).toEqual(['García Hermanos SL', 'Garcilaso Consultores']);
    expect(result.hasMore).toBe(true);
    expect((await search(admin, 'garc', 3)).hasMore).toBe(false);
  });

  test('an account matching by two words still counts once', async () => {
    await t.account(admin, { kind: 'person', firstName: 'Ana', lastName: 'Zualde Zubiri' });
    await t.account(admin, { kind: 'person', firstName: 'Bea', lastName: 'Zugasti' });
    const result = await search(admin, 'zu', 1);
    expect(result.items).toHaveLength(1);
    expect(result.hasMore).toBe(true);
    expect(await names(admin, 'zu')).toEqual(['Ana Zualde Zubiri', 'Bea Zugasti']);
  });

  test('an own-scope agent finds only their portfolio, and the rest is not even counted', async () => {
    expect(await names(agentA, 'garc')).toEqual(['Ángela García López']);
    const one = await search(agentA, 'garc', 1);
    expect(one.items.map((item) => item.name)).toEqual(['Ángela García López']);
    expect(one.hasMore).toBe(false);
    expect(await names(agentA, 'B10012342')).toEqual([]);
    expect(await names(agentB, 'p12345')).toEqual([]);
    expect(await names(agentB, 'maria lopez')).toEqual(['Lucía López María']);
  });

  test('a team-scope agent finds the accounts owned by their team', async () => {
    expect(await names(teamAgent, 'garc')).toEqual(['García Hermanos SL', 'Garcilaso Consultores']);
    expect(await names(teamAgent, 'lopez')).toEqual(['Lucía López María']);
  });

  test('follows every write: update, discard, restore and purge', async () => {
    const account = await t.account(admin, { kind: 'organization', name: 'Zapatería Quintana', emails: ['hola@quintana.example'] });
    expect(await names(admin, 'zapateria')).toEqual(['Zapatería Quintana']);

    const renamed = await admin.patch(`/api/v1/accounts/${account.id}`, { version: 1, name: 'Calzados Urquijo', emails: ['ventas@urquijo.example'] });
    expect(renamed.statusCode).toBe(200);
    expect(await names(admin, 'zapateria')).toEqual([]);
    expect(await names(admin, 'quintana')).toEqual([]);
    expect(await names(admin, 'urquijo')).toEqual(['Calzados Urquijo']);
    expect((await search(admin, 'ventas')).items[0]?.secondary).toEqual({ field: 'email', value: 'ventas@urquijo.example' });

    // A change to a field the index does not hold leaves it as it is.
    expect((await admin.patch(`/api/v1/accounts/${account.id}`, { version: 2, notes: 'sin cambios en la búsqueda' })).statusCode).toBe(200);
    expect(await names(admin, 'urquijo')).toEqual(['Calzados Urquijo']);

    expect((await admin.delete(`/api/v1/accounts/${account.id}`)).statusCode).toBe(204);
    expect(await names(admin, 'urquijo')).toEqual([]);
    expect((await admin.post(`/api/v1/bin/accounts/${account.id}/restore`)).statusCode).toBe(204);
    expect(await names(admin, 'urquijo')).toEqual(['Calzados Urquijo']);

    expect((await admin.delete(`/api/v1/accounts/${account.id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/bin/accounts/${account.id}`)).statusCode).toBe(204);
    expect(await names(admin, 'urquijo')).toEqual([]);
  });

  test('finds accounts written by the multi-row insert of imports', async () => {
    const actor = await loadActor(t.db, admin.user.id);
    if (!actor) throw new Error('no actor');
    const fields = (name: string, email: string) => ({ ...blankAccountFields('lead'), name, emails: [email] });
    await t.db.transaction().execute((trx) => insertNewAccounts(trx, actor, [
      { kind: 'organization', fields: fields('Importadora Xilófono', 'compras@xilofono.example'), ownerIds: [agentB.user.id] },
      { kind: 'organization', fields: fields('Xilografías del Norte', 'info@xilografias.example'), ownerIds: [agentA.user.id] },
    ]));
    expect(await names(admin, 'xilo')).toEqual(['Xilografías del Norte', 'Importadora Xilófono']);
    expect(await names(agentA, 'xilo')).toEqual(['Xilografías del Norte']);
  });

  test('any text is safe: query syntax of either database is just text', async () => {
    const hostile = ['"', '""', "'", '*', '-garcia', 'garcia*', 'name:garcia', 'garc:*', '(garcia', 'garcia)', 'NEAR(garcia lopez)', 'garcia AND', 'OR',
      'NOT garcia', 'garcia | lopez', '!garcia', '&', '<->', '^garcia', '\\', '%', '_', '{name}: x', 'garcia OR zapateria', 'tab\tand\nnew line', '👩‍💼', 'a'.repeat(200)];
    for (const q of hostile) {
      const response = await admin.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, `${q}: ${response.body}`).toBe(200);
    }
    expect(await names(admin, '"garcia"')).toContain('Ángela García López');
    expect(await names(admin, 'garcia OR zapateria')).toEqual([]);
    expect(await names(admin, 'garcia -lopez')).toContain('Ángela García López');
  });

  test('bad input is a translated 400, never a 500', async () => {
    const empty = expectProblem(await admin.get('/api/v1/search?q=%20%20'), 400, 'validation_failed');
    expect(empty.errors).toEqual([{ field: 'querystring.q', code: 'required', message: 'Required.' }]);
    expectProblem(await admin.get('/api/v1/search'), 400, 'validation_failed');
    const long = expectProblem(await admin.get(`/api/v1/search?q=${'a'.repeat(201)}`), 400, 'validation_failed');
    expect(long.errors?.[0]).toMatchObject({ field: 'querystring.q', code: 'too_long' });
    const nul = expectProblem(await admin.get('/api/v1/search?q=garcia%00'), 400, 'validation_failed');
    expect(nul.errors?.[0]).toMatchObject({ field: 'querystring.q', code: 'invalid_characters' });
    for (const limit of ['0', '21', 'ocho', '2.5']) {
      const problem = expectProblem(await admin.get(`/api/v1/search?q=garcia&limit=${limit}`), 400, 'validation_failed');
      expect(problem.errors?.[0]?.field).toBe('querystring.limit');
    }
    const spanish = expectProblem(await (await t.user({ role: 'agent', scope: 'own', language: 'es' })).get('/api/v1/search?q='), 400, 'validation_failed');
    expect(spanish.detail).toBe('Revisa los datos: hay campos con errores.');
    expect(spanish.errors?.[0]?.message).toBe('Campo obligatorio.');
  });

  test('needs a session', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/search?q=garcia' }), 401, 'unauthenticated');
  });
});
