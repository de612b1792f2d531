import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { RegistryLookup, RegistrySearchResult } from '@contract/registry';
import { registryFixture } from '@server/test/fixture-server';
import { expectOk, expectProblem } from '@server/test/state';
import type { Client } from '@server/test/test-app';
import { registryTestApp, setRegistry, type RegistryTest } from './registry-test-setup';

// Every adapter against a local server answering with the registers' recorded shapes, including
// their failures. The app under test is the real one; only the registers are stand-ins.

let r: RegistryTest;
let agent: Client;

beforeAll(async () => {
  r = await registryTestApp();
  agent = await r.t.user({ role: 'agent', scope: 'own' });
  await setRegistry(r.admin, 'NO', { enabled: true });
  await setRegistry(r.admin, 'DK', { enabled: true, contact: 'it@example.com' });
  await setRegistry(r.admin, 'GB', { enabled: true, secret: 'gb-api-key' });
  await setRegistry(r.admin, 'SE', { enabled: true, clientId: 'cartera-client', secret: 'se-client-secret' });
});
afterAll(() => r.close());
beforeEach(() => r.fixtures.reset());

const search = async (q: string, countries: string) =>
  expectOk<RegistrySearchResult>(await agent.get(`/api/v1/registry/search?q=${encodeURIComponent(q)}&countries=${countries}`));

describe('Norway (Brønnøysund)', () => {
  test('a name search lists the companies with number, city and status', async () => {
    r.fixtures.on(/^GET \/enhetsregisteret\/api\/enheter\?navn=digitali&/, { json: registryFixture('no-search-digitali.json') });
    const result = await search('digitali', 'NO');
    expect(result).toEqual({
      items: [{ country: 'NO', number: '991825827', name: 'DIGITALISERINGSDIREKTORATET', city: 'OSLO', legalForm: 'Organisasjonsledd', status: 'active', statusText: null }],
      skipped: [],
    });
  });

  test('an answer without _embedded is no match, not an error', async () => {
    r.fixtures.on(/^GET \/enhetsregisteret\/api\/enheter\?/, { json: { page: { size: 20, totalElements: 0, totalPages: 0, number: 0 } } });
    expect(await search('zzzz', 'NO')).toEqual({ items: [], skipped: [] });
  });

  test('a lookup fills the company and lists its open sub-units', async () => {
    r.fixtures.on('GET /enhetsregisteret/api/enheter/991825827', { json: registryFixture('no-enhet-991825827.json') });
    r.fixtures.on(/^GET \/enhetsregisteret\/api\/underenheter\?overordnetEnhet=991825827/, { json: registryFixture('no-underenheter-991825827.json') });
    const lookup = expectOk<RegistryLookup>(await agent.get(`/api/v1/registry/NO/${encodeURIComponent('991 825 827')}`));
    expect(lookup.company).toMatchObject({
      number: '991825827', name: 'DIGITALISERINGSDIREKTORATET', employees: '1050', website: 'www.digdir.no', industry: '84.110 Generell offentlig administrasjon',
      address: { street: 'Lørenfaret 1C', postalCode: '0151', city: 'OSLO', country: 'NO' },
      postalAddress: { street: 'Postboks 1382 Vika', postalCode: '0114', city: 'OSLO' },
      status: 'active', signals: [],
    });
    // The closed unit (nedleggelsesdato) is not offered.
    expect(lookup.subUnits.map((unit) => unit.number)).toEqual(['974130009', '912340007', '923450009']);
    expect(lookup.subUnits[0]).toMatchObject({ name: 'DIGITALISERINGSDIREKTORATET AVD LEIKANGER', address: { city: 'LEIKANGER', street: 'Skrivarvegen 2' }, employees: '180' });
  });

  test('typing an organisation number looks it up directly', async () => {
    r.fixtures.on('GET /enhetsregisteret/api/enheter/991825827', { json: registryFixture('no-enhet-991825827.json') });
    const result = await search('991825827', 'NO');
    expect(result.items.map((item) => item.name)).toEqual(['DIGITALISERINGSDIREKTORATET']);
    expect(r.fixtures.requests.map((request) => request.url)).toEqual(['/enhetsregisteret/api/enheter/991825827']);
  });

  test('a bankrupt company shows its status', async () => {
    r.fixtures.on('GET /enhetsregisteret/api/enheter/991825827', { json: registryFixture('no-enhet-991825827-konkurs.json') });
    const result = await search('991825827', 'NO');
    expect(result.items[0]).toMatchObject({ status: 'risk', statusText: 'Konkurs' });
  });

  test('404 and 410 Gone are "not found" for a lookup and no suggestion for a search', async () => {
    r.fixtures.on('GET /enhetsregisteret/api/enheter/123456780', { status: 410, json: registryFixture('no-gone.json') });
    r.fixtures.on('GET /enhetsregisteret/api/enheter/974760673', { status: 404, json: { timestamp: '2026-12-01T10:00:00Z', status: 404, error: 'Not Found' } });
    expectProblem(await agent.get('/api/v1/registry/NO/123456780'), 404, 'not_found');
    expectProblem(await agent.get('/api/v1/registry/NO/974760673'), 404, 'not_found');
    expect(await search('123456780', 'NO')).toEqual({ items: [], skipped: [] });
  });

  test('text no database stores alike is dropped from a register\'s answer; a number that is not one is refused', async () => {
    const enhet = Object(registryFixture('no-enhet-991825827.json'));
    r.fixtures.on('GET /enhetsregisteret/api/enheter/991825827', { json: { ...enhet, navn: 'DIGITAL\u0000ISERINGS\u0007DIREKTORATET' } });
    r.fixtures.on(/^GET \/enhetsregisteret\/api\/underenheter/, { json: { _embedded: { underenheter: [{ organisasjonsnummer: '974130009', navn: 'AVD\u0000 LEIKANGER' }] } } });
    const lookup = expectOk<RegistryLookup>(await agent.get('/api/v1/registry/NO/991825827'));
    expect(lookup.company.name).toBe('DIGITALISERINGSDIREKTORATET');
    expect(lookup.subUnits.map((unit) => unit.name)).toEqual(['AVD LEIKANGER']);
    r.fixtures.on(/^GET \/enhetsregisteret\/api\/enheter\?navn=odd/, { json: { _embedded: { enheter: [{ organisasjonsnummer: '99182\u00005827', navn: 'X' }] } } });
    expect(await search('odd', 'NO')).toEqual({ items: [], skipped: [{ country: 'NO', reason: 'unavailable' }] });
  });

  test('a number in the wrong format is refused before any request', async () => {
    const problem = expectProblem(await agent.get('/api/v1/registry/NO/12345'), 400, 'validation_failed');
    expect(problem.errors?.[0]?.field).toBe('number');
    expect(r.fixtures.requests).toEqual([]);
  });

  test('malformed JSON, a wrong shape and a server error skip the register quietly', async () => {
    r.fixtures.on(/^GET \/enhetsregisteret\/api\/enheter\?navn=broken/, { body: '{"_embedded": {"enheter": [' });
    r.fixtures.on(/^GET \/enhetsregisteret\/api\/enheter\?navn=shape/, { json: { _embedded: { enheter: [{ navn: 'no number' }] } } });
    r.fixtures.on(/^GET \/enhetsregisteret\/api\/enheter\?navn=down/, { status: 503, body: 'Service Unavailable' });
    for (const q of ['broken', 'shape', 'down']) expect(await search(q, 'NO')).toEqual({ items: [], skipped: [{ country: 'NO', reason: 'unavailable' }] });
    r.fixtures.on('GET /enhetsregisteret/api/enheter/991825827', { body: 'not json' });
    expectProblem(await agent.get('/api/v1/registry/NO/991825827'), 503, 'registry_unavailable');
  });

  test('an oversized answer is cut off, not read into memory', async () => {
    r.fixtures.on(/^GET \/enhetsregisteret\/api\/enheter\?navn=huge/, { body: `{"_embedded":{"enheter":[${'{"organisasjonsnummer":"991825827"},'.repeat(80_000)}{}]}}` });
    expect(await search('huge', 'NO')).toEqual({ items: [], skipped: [{ country: 'NO', reason: 'unavailable' }] });
  });

  test('a slow register is skipped with "timeout" and never holds the others up', async () => {
    r.fixtures.on(/^GET \/enhetsregisteret\/api\/enheter\?navn=carletti/, { delayMs: 3000, json: registryFixture('no-search-digitali.json') });
    r.fixtures.on(/^GET \/cvr\/api\?search=carletti/, { json: registryFixture('dk-carletti.json') });
    const started = Date.now();
    const result = await search('carletti', 'NO,DK');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.skipped).toEqual([{ country: 'NO', reason: 'timeout' }]);
    expect(result.items.map((item) => item.name)).toEqual(['CARLETTI A/S']);
  });
});

describe('Denmark (cvrapi.dk)', () => {
  test('one best match, asked with a descriptive User-Agent', async () => {
    r.fixtures.on(/^GET \/cvr\/api\?search=carletti&country=dk$/, { json: registryFixture('dk-carletti.json') });
    const result = await search('carletti', 'DK');
    expect(result.items).toEqual([{ country: 'DK', number: '89563518', name: 'CARLETTI A/S', city: 'Skødstrup', legalForm: 'Aktieselskab', status: 'active', statusText: null }]);
    expect(r.fixtures.requests[0]?.headers['user-agent']).toBe('Cartera CRM - company lookup - it@example.com');
  });

  test('a lookup gives the open production units as departments; employee bands stay as text', async () => {
    r.fixtures.on(/^GET \/cvr\/api\?vat=89563518&country=dk$/, { json: registryFixture('dk-carletti.json') });
    const lookup = expectOk<RegistryLookup>(await agent.get('/api/v1/registry/DK/DK89563518'));
    expect(lookup.company).toMatchObject({ number: '89563518', phone: '87490200', employees: '199', address: { street: 'Grenåvej 641', postalCode: '8541', city: 'Skødstrup', country: 'DK' } });
    expect(lookup.subUnits).toEqual([{ number: '1003417562', name: 'CARLETTI A/S', employees: '100-199', address: { street: 'Grenåvej 641', postalCode: '8541', city: 'Skødstrup', region: null, country: 'DK' } }]);
    // One request gives both.
    expect(r.fixtures.requests).toHaveLength(1);
  });

  test('{"error": "NOT_FOUND"} is no match; QUOTA_EXCEEDED is "over quota"', async () => {
    r.fixtures.on(/^GET \/cvr\/api\?search=nobody/, { status: 404, json: { error: 'NOT_FOUND' } });
    r.fixtures.on(/^GET \/cvr\/api\?search=quota/, { json: { error: 'QUOTA_EXCEEDED' } });
    r.fixtures.on(/^GET \/cvr\/api\?vat=12345674/, { status: 402, json: { error: 'QUOTA_EXCEEDED' } });
    expect(await search('nobody', 'DK')).toEqual({ items: [], skipped: [] });
    expect(await search('quota', 'DK')).toEqual({ items: [], skipped: [{ country: 'DK', reason: 'quota' }] });
    expectProblem(await agent.get('/api/v1/registry/DK/12345674'), 429, 'registry_quota');
  });
});

describe('Great Britain (Companies House)', () => {
  test('search with the API key as the Basic user; a company in liquidation is flagged', async () => {
    r.fixtures.on(/^GET \/ch\/search\/companies\?q=bbc&/, { json: registryFixture('gb-search-bbc.json') });
    const result = await search('bbc', 'GB');
    expect(result.items).toEqual([
      { country: 'GB', number: '06500244', name: 'BBC LIMITED', city: 'Retford', legalForm: 'ltd', status: 'active', statusText: null },
      { country: 'GB', number: '03776472', name: 'BBC HOLDINGS LIMITED', city: 'London', legalForm: 'ltd', status: 'risk', statusText: 'liquidation' },
    ]);
    expect(r.fixtures.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('gb-api-key:').toString('base64')}`);
  });

  test('the profile gives the address and SIC codes; short numbers are padded', async () => {
    r.fixtures.on('GET /ch/company/06500244', { json: registryFixture('gb-company-06500244.json') });
    const lookup = expectOk<RegistryLookup>(await agent.get('/api/v1/registry/GB/6500244'));
    expect(lookup.company).toMatchObject({ number: '06500244', name: 'BBC LIMITED', industry: 'SIC 62020', address: { street: 'Boswell Cottage Main Street, North Leverton', city: 'Retford', postalCode: 'DN22 0AD' } });
    expect(lookup.subUnits).toEqual([]);
  });

  test('429 over quota', async () => {
    r.fixtures.on(/^GET \/ch\/search\/companies\?/, { status: 429, json: { error: 'Rate limit exceeded' } });
    r.fixtures.on('GET /ch/company/06500244', { status: 429, body: '' });
    expect(await search('bbc', 'GB')).toEqual({ items: [], skipped: [{ country: 'GB', reason: 'quota' }] });
    expectProblem(await agent.get('/api/v1/registry/GB/06500244'), 429, 'registry_quota');
  });

  test('a rejected key reads "not configured"', async () => {
    r.fixtures.on(/^GET \/ch\/search\/companies\?/, { status: 401, json: { error: 'Invalid Authorization' } });
    expect(await search('bbc', 'GB')).toEqual({ items: [], skipped: [{ country: 'GB', reason: 'not_configured' }] });
  });
});

describe('Sweden (Bolagsverket)', () => {
  const token = () => r.fixtures.on('POST /oauth2/token', { json: { access_token: 'se-token-1', token_type: 'Bearer', expires_in: 3600 } });

  test('names are not searched: the form is told to give the number', async () => {
    expect(await search('cykelbolaget', 'SE')).toEqual({ items: [], skipped: [{ country: 'SE', reason: 'number_only' }] });
    expect(r.fixtures.requests).toEqual([]);
  });

  test('a number is looked up with a client-credentials token', async () => {
    token();
    r.fixtures.on('POST /vardefulla-datamangder/v1/organisationer', { json: registryFixture('se-organisation.json') });
    const lookup = expectOk<RegistryLookup>(await agent.get('/api/v1/registry/SE/529999-9994'));
    expect(lookup.company).toMatchObject({
      number: '5299999994', name: 'Cykelbolaget AB', legalForm: 'Aktiebolag', industry: '01120 Odling av ris',
      address: { street: 'Jobbstigen 2', postalCode: '12345', city: 'Grönköping', country: 'SE' }, status: 'active',
    });
    const [tokenRequest, lookupRequest] = r.fixtures.requests;
    expect(tokenRequest?.headers.authorization).toBe(`Basic ${Buffer.from('cartera-client:se-client-secret').toString('base64')}`);
    expect(new URLSearchParams(tokenRequest?.body)).toEqual(new URLSearchParams({ grant_type: 'client_credentials', scope: 'vardefulla-datamangder:read' }));
    expect(lookupRequest?.headers.authorization).toBe('Bearer se-token-1');
    expect(JSON.parse(lookupRequest?.body ?? '{}')).toEqual({ identitetsbeteckning: '5299999994' });
  });

  test('an empty list or an ApiError not.found is "not found"', async () => {
    token();
    r.fixtures.on('POST /vardefulla-datamangder/v1/organisationer', ({ body }) => (body.includes('5560000001')
      ? { json: { organisationer: [] } }
      : { status: 404, json: { type: 'about:blank', instance: 'not.found', status: 404, title: 'Not Found', detail: 'Organisationen hittades inte' } }));
    expectProblem(await agent.get('/api/v1/registry/SE/5560000001'), 404, 'not_found');
    expectProblem(await agent.get('/api/v1/registry/SE/5560000002'), 404, 'not_found');
  });
});

describe('the web app asks Cartera, never the registers', () => {
  test('a country not turned on is skipped, and no request leaves for it', async () => {
    const other = await registryTestApp();
    try {
      const user = await other.t.user();
      const result = expectOk<RegistrySearchResult>(await user.get('/api/v1/registry/search?q=digitali&countries=NO,PE'));
      expect(result.skipped).toEqual([{ country: 'NO', reason: 'not_configured' }, { country: 'PE', reason: 'not_configured' }]);
      expect(other.fixtures.requests).toEqual([]);
      expectProblem(await user.get('/api/v1/registry/NO/991825827'), 404, 'not_found');
    } finally {
      await other.close();
    }
  });

  test('a number cannot step outside the register\'s path, and unknown countries are refused', async () => {
    expectProblem(await agent.get('/api/v1/registry/XX/991825827'), 400, 'validation_failed');
    expectProblem(await agent.get('/api/v1/registry/search?q=digitali&countries=NO,XX'), 400, 'validation_failed');
    expectProblem(await agent.get('/api/v1/registry/search?q=digitali'), 400, 'validation_failed');
    expectProblem(await agent.get('/api/v1/registry/search?q=digitali&countries=NO&url=http://evil.example'), 400, 'validation_failed');
    expect(r.fixtures.requests).toEqual([]);
  });

  test('a redirect to another host is not followed', async () => {
    r.fixtures.on(/^GET \/enhetsregisteret\/api\/enheter\?navn=moved/, { status: 302, headers: { location: 'http://127.0.0.2:9/steal' } });
    expect(await search('moved', 'NO')).toEqual({ items: [], skipped: [{ country: 'NO', reason: 'unavailable' }] });
  });
});
