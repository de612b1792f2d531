import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Account, Duplicate } from '@contract/accounts';
import type { RegistryAccountCreated, RegistryLookup, RegistrySetting } from '@contract/registry';
import { registryFixture } from '@server/test/fixture-server';
import { countRows, expectOk, expectProblem } from '@server/test/state';
import type { Client } from '@server/test/test-app';
import { registryTestApp, setRegistry, type RegistryTest } from './registry-test-setup';

let r: RegistryTest;
let manager: Client;
let agent: Client;
let otherAgent: Client;

const serveDigdir = () => {
  r.fixtures.on(/^GET \/enhetsregisteret\/api\/enheter\?navn=digitali/, { json: registryFixture('no-search-digitali.json') });
  r.fixtures.on('GET /enhetsregisteret/api/enheter/991825827', { json: registryFixture('no-enhet-991825827.json') });
  r.fixtures.on(/^GET \/enhetsregisteret\/api\/underenheter\?overordnetEnhet=991825827/, { json: registryFixture('no-underenheter-991825827.json') });
};

beforeAll(async () => {
  r = await registryTestApp();
  manager = await r.t.user({ role: 'manager', scope: 'all' });
  agent = await r.t.user({ role: 'agent', scope: 'own' });
  otherAgent = await r.t.user({ role: 'agent', scope: 'own' });
  await setRegistry(r.admin, 'NO', { enabled: true });
});
afterAll(() => r.close());
beforeEach(() => {
  r.fixtures.reset();
  serveDigdir();
});

const settingsOf = async (country: string) =>
  expectOk<{ items: RegistrySetting[] }>(await r.admin.get('/api/v1/registry/settings')).items.find((item) => item.country === country);

describe('who may do what', () => {
  const roles = () => ({ admin: r.admin, manager, agent });
  const reads = [
    ['the form\'s countries', '/api/v1/registry/countries'],
    ['a search', '/api/v1/registry/search?q=digitali&countries=NO'],
    ['a lookup', '/api/v1/registry/NO/991825827'],
  ] as const;

  test.each(reads)('every role may ask for %s', async (_name, url) => {
    for (const client of Object.values(roles())) expectOk(await client.get(url));
  });

  test('only admins read the settings', async () => {
    expectOk(await r.admin.get('/api/v1/registry/settings'));
    expectProblem(await manager.get('/api/v1/registry/settings'), 403, 'forbidden');
    expectProblem(await agent.get('/api/v1/registry/settings'), 403, 'forbidden');
  });

  test('only admins change a register; a refused change changes nothing', async () => {
    const before = await settingsOf('DK');
    for (const client of [manager, agent]) {
      expectProblem(await client.put('/api/v1/registry/settings/DK', { version: before?.version, enabled: true, contact: 'x@example.com' }), 403, 'forbidden');
    }
    expect(await settingsOf('DK')).toEqual(before);
  });

  test('nobody signed out reaches any of it', async () => {
    for (const url of ['/api/v1/registry/countries', '/api/v1/registry/search?q=digitali&countries=NO', '/api/v1/registry/NO/991825827', '/api/v1/registry/settings']) {
      expectProblem(await r.t.app.inject({ method: 'GET', url }), 401, 'unauthenticated');
    }
    const body = { lookupId: '01900000-0000-7000-8000-000000000000', departments: [], account: { kind: 'organization', name: 'X' } };
    expectProblem(await r.t.app.inject({ method: 'POST', url: '/api/v1/registry/accounts', payload: body }), 401, 'unauthenticated');
  });
});

describe('settings', () => {
  test('the form offers only the registers that are on', async () => {
    expect(expectOk(await agent.get('/api/v1/registry/countries'))).toEqual({ items: [{ country: 'NO', searchByName: true, subUnits: true }] });
  });

  test('an API key is stored sealed and never sent back', async () => {
    const setting = await setRegistry(r.admin, 'GB', { enabled: true, secret: 'the-companies-house-key' });
    expect(setting).toMatchObject({ country: 'GB', enabled: true, secretSet: true, secretFromEnvironment: false });
    const row = await r.t.db.selectFrom('registry_settings').select('secret_sealed').where('country', '=', 'GB').executeTakeFirstOrThrow();
    expect(row.secret_sealed).toMatch(/^v1:/);
    expect(row.secret_sealed).not.toContain('the-companies-house-key');
    const page = await r.admin.get('/api/v1/registry/settings');
    expect(page.body).not.toContain('the-companies-house-key');
    // History says the key changed, never what it is.
    const audit = await r.t.db.selectFrom('audit_log').select('changes').where('entity', '=', 'registry_settings').where('entity_id', '=', 'GB').execute();
    expect(JSON.stringify(audit)).not.toContain('the-companies-house-key');
    expect(JSON.parse(audit[0]?.changes ?? '[]')).toEqual(expect.arrayContaining([{ field: 'secret', before: false, after: true }]));
    await setRegistry(r.admin, 'GB', { enabled: false, secret: null });
  });

  test('a register that needs credentials cannot be turned on without them', async () => {
    const before = await settingsOf('SE');
    const problem = expectProblem(await r.admin.put('/api/v1/registry/settings/SE', { version: before?.version, enabled: true, clientId: 'id-only' }), 400, 'validation_failed');
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'enabled', code: 'credentials_missing' })]);
    expect(await settingsOf('SE')).toEqual(before);
  });

  test('a stale version changes nothing', async () => {
    const before = await settingsOf('DK');
    await setRegistry(r.admin, 'DK', { contact: 'first@example.com' });
    expectProblem(await r.admin.put('/api/v1/registry/settings/DK', { version: before?.version, contact: 'second@example.com' }), 412, 'stale_version');
    expect((await settingsOf('DK'))?.contact).toBe('first@example.com');
  });

  test('unknown fields are refused', async () => {
    const before = await settingsOf('NO');
    expectProblem(await r.admin.put('/api/v1/registry/settings/NO', { version: before?.version, baseUrl: 'http://evil.example' }), 400, 'validation_failed');
  });

  test('without CARTERA_SECRET_KEY keys come from the environment only', async () => {
    const bare = await registryTestApp({ CARTERA_SECRET_KEY: '', CARTERA_REGISTRY_GB_KEY: 'env-key' });
    try {
      const se = await setRegistry(bare.admin, 'GB', { enabled: true });
      expect(se).toMatchObject({ enabled: true, secretSet: true, secretFromEnvironment: true });
      const sweden = (await bare.admin.get('/api/v1/registry/settings')).json<{ items: RegistrySetting[]; secretKeySet: boolean }>();
      expect(sweden.secretKeySet).toBe(false);
      const problem = expectProblem(await bare.admin.put('/api/v1/registry/settings/SE', { version: 1, secret: 'x' }), 400, 'validation_failed');
      expect(problem.errors?.[0]).toMatchObject({ field: 'secret', code: 'secret_key_missing' });
      bare.fixtures.on(/^GET \/ch\/search\/companies/, { json: registryFixture('gb-search-bbc.json') });
      expectOk(await bare.admin.get('/api/v1/registry/search?q=bbc&countries=GB'));
      expect(bare.fixtures.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('env-key:').toString('base64')}`);
    } finally {
      await bare.close();
    }
  });
});

describe('creating a company from the register, with departments', () => {
  const lookup = async (client: Client) => expectOk<RegistryLookup>(await client.get('/api/v1/registry/NO/991825827'));
  const payload = (lookupId: string, departments: string[], account: object = {}) => ({
    lookupId,
    departments,
    account: { kind: 'organization', name: 'Digitaliseringsdirektoratet', taxId: '991825827', addresses: { visit: { street: 'Lørenfaret 1C', postalCode: '0151', city: 'OSLO', country: 'NO' } }, ...account },
  });

  test('the parent and the ticked departments are created together, linked and recorded', async () => {
    const found = await lookup(agent);
    const created = expectOk<RegistryAccountCreated>(await agent.post('/api/v1/registry/accounts', payload(found.lookupId, ['974130009', '923450009'])), 201);
    expect(created.departments.map((department) => department.name)).toEqual(['DIGITALISERINGSDIREKTORATET AVD LEIKANGER', 'DIGITALISERINGSDIREKTORATET AVD BRØNNØYSUND']);

    const parent = expectOk<Account>(await agent.get(`/api/v1/accounts/${created.id}`));
    expect(parent).toMatchObject({ name: 'Digitaliseringsdirektoratet', taxId: '991825827', owners: [{ id: agent.user.id }] });
    const children = expectOk<{ items: Array<{ id: string; name: string }> }>(await agent.get(`/api/v1/accounts?parentId=${created.id}`));
    expect(children.items.map((child) => child.name).sort()).toEqual(['DIGITALISERINGSDIREKTORATET AVD BRØNNØYSUND', 'DIGITALISERINGSDIREKTORATET AVD LEIKANGER']);
    const leikanger = expectOk<Account>(await agent.get(`/api/v1/accounts/${created.departments[0]?.id}`));
    expect(leikanger).toMatchObject({ parentId: created.id, taxId: '974130009', country: 'NO', city: 'LEIKANGER', owners: [{ id: agent.user.id }] });

    // What the register said, when, for audit.
    const links = await r.t.db.selectFrom('account_registry_links').selectAll().orderBy('kind').orderBy('number').execute();
    expect(links.map((link) => [link.kind, link.country, link.number, link.fetched_at])).toEqual([
      ['company', 'NO', '991825827', found.fetchedAt],
      ['sub_unit', 'NO', '923450009', found.fetchedAt],
      ['sub_unit', 'NO', '974130009', found.fetchedAt],
    ]);
    const companyLink = links.find((link) => link.kind === 'company');
    expect(JSON.parse(companyLink?.raw ?? '{}')).toEqual(registryFixture('no-enhet-991825827.json'));
    const unitLink = links.find((link) => link.number === '974130009');
    expect(JSON.parse(unitLink?.raw ?? '{}')).toMatchObject({ organisasjonsnummer: '974130009', navn: 'DIGITALISERINGSDIREKTORATET AVD LEIKANGER' });
    const timeline = expectOk<{ items: Array<{ action: string }> }>(await agent.get(`/api/v1/accounts/${created.id}/timeline`));
    expect(timeline.items.map((entry) => entry.action)).toEqual(expect.arrayContaining(['created', 'registry_linked']));
  });

  test('with a start project (seed 003): the company and its project together, and neither when the project is refused', async () => {
    const found = await lookup(agent);
    const accounts = await countRows(r.t.db, 'accounts');
    const refused = await agent.post('/api/v1/registry/accounts', { ...payload(found.lookupId, []), startProject: { name: 'Inicio', responsibleIds: ['0190a000-0000-7000-8000-000000000000'] } });
    expect(expectProblem(refused, 400, 'validation_failed').errors).toContainEqual(expect.objectContaining({ field: 'startProject.responsibleIds.0', code: 'unknown_user' }));
    expect(await countRows(r.t.db, 'accounts')).toBe(accounts);
    const created = expectOk<RegistryAccountCreated>(await agent.post('/api/v1/registry/accounts', { ...payload(found.lookupId, []), startProject: { name: 'Inicio', status: 'active' } }), 201);
    const projects = expectOk<{ items: Array<{ name: string; status: string; responsibles: Array<{ id: string }> }> }>(await agent.get(`/api/v1/projects?organizationId=${created.id}`));
    expect(projects.items).toEqual([expect.objectContaining({ name: 'Inicio', status: 'active', responsibles: [expect.objectContaining({ id: agent.user.id })] })]);
  });

  test('someone else\'s lookup, a department not in it, or a bad field create nothing', async () => {
    const found = await lookup(agent);
    const accounts = await countRows(r.t.db, 'accounts');
    const links = (await r.t.db.selectFrom('account_registry_links').select('id').execute()).length;
    expectProblem(await otherAgent.post('/api/v1/registry/accounts', payload(found.lookupId, [])), 400, 'validation_failed');
    const problem = expectProblem(await agent.post('/api/v1/registry/accounts', payload(found.lookupId, ['974130009', '999990002'])), 400, 'validation_failed');
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'departments.1', code: 'not_in_lookup' })]);
    expectProblem(await agent.post('/api/v1/registry/accounts', payload(found.lookupId, ['974130009'], { stage: 'no_such_stage' })), 400, 'validation_failed');
    expectProblem(await agent.post('/api/v1/registry/accounts', payload(found.lookupId, [], { kind: 'person', firstName: 'Ola', name: undefined })), 400, 'validation_failed');
    expect(await countRows(r.t.db, 'accounts')).toBe(accounts);
    expect((await r.t.db.selectFrom('account_registry_links').select('id').execute()).length).toBe(links);
  });

  test('the duplicate warning finds the company by its number, inside the portfolio only', async () => {
    const ask = (client: Client) => client.get('/api/v1/accounts/duplicates?taxId=991825827&country=NO');
    // The agent created one above; the other agent cannot see it, so the check says nothing to them.
    expect(expectOk<{ items: Duplicate[] }>(await ask(agent)).items.length).toBeGreaterThan(0);
    expect(expectOk<{ items: Duplicate[] }>(await ask(otherAgent)).items).toEqual([]);
    expect(expectOk<{ items: Duplicate[] }>(await ask(manager)).items.length).toBeGreaterThan(0);
  });
});
