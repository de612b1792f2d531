import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Job } from '@contract/imports';
import type { RegistryLookup, RegistrySearchResult, RegistrySetting } from '@contract/registry';
import { JobWorker } from '@server/jobs/worker';
import { registryFixtureBytes } from '@server/test/fixture-server';
import { expectOk, expectProblem } from '@server/test/state';
import type { Client } from '@server/test/test-app';
import { registryTestApp, setRegistry, type RegistryTest } from '../registry-test-setup';

/** A one-entry ZIP as SUNAT publishes it (deflated), built by hand: no library needed for one file. */
function zipOf(name: string, data: Buffer): Buffer {
  const deflated = zlib.deflateRawSync(data);
  const crc = zlib.crc32(data);
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + fileName.length, 12);
  end.writeUInt32LE(30 + fileName.length + deflated.length, 16);
  return Buffer.concat([local, fileName, deflated, central, fileName, end]);
}

let r: RegistryTest;
let agent: Client;
let worker: JobWorker;

beforeAll(async () => {
  r = await registryTestApp();
  agent = await r.t.user({ role: 'agent', scope: 'own' });
  worker = new JobWorker(r.t.db, r.t.dialect, { pollMs: 10, maxAttempts: 1 });
  await setRegistry(r.admin, 'PE', { enabled: true });
});
afterAll(() => r.close());

/** Starts the load as the admin and runs it; the job's final state. */
async function load(): Promise<Job> {
  const { jobId } = expectOk<{ jobId: string }>(await r.admin.post('/api/v1/registry/settings/PE/load'), 202);
  await worker.drain();
  return expectOk<Job>(await r.admin.get(`/api/v1/jobs/${jobId}`));
}

describe('Peru: SUNAT\'s padrón reducido, loaded by a job and looked up offline', () => {
  test('before any load, Peru is skipped as "not loaded"', async () => {
    const result = expectOk<RegistrySearchResult>(await agent.get('/api/v1/registry/search?q=super&countries=PE'));
    expect(result).toEqual({ items: [], skipped: [{ country: 'PE', reason: 'not_loaded' }] });
  });

  test('only an admin starts the load, and a refused start queues nothing', async () => {
    expectProblem(await agent.post('/api/v1/registry/settings/PE/load'), 403, 'forbidden');
    const jobs = await r.t.db.selectFrom('jobs').select('id').execute();
    expect(jobs).toEqual([]);
  });
});

describe('loading from the configured URLs', () => {
  test('the padrón ZIP streams in; lookups by RUC and name prefix work offline, with branches', async () => {
    r.fixtures.on('GET /sunat/padron_reducido_ruc.txt', { body: zipOf('padron_reducido_ruc.txt', registryFixtureBytes('pe-padron.txt')), headers: { 'content-type': 'application/zip' } });
    r.fixtures.on('GET /sunat/padron_reducido_local_anexo.txt', { body: registryFixtureBytes('pe-anexos.txt'), headers: { 'content-type': 'text/plain' } });
    const job = await load();
    expect(job).toMatchObject({ status: 'done', result: { companies: 6, branches: 4 } });

    const found = expectOk<RegistrySearchResult>(await agent.get(`/api/v1/registry/search?q=${encodeURIComponent('Súper')}&countries=PE`));
    expect(found.items.map((item) => [item.number, item.name, item.city, item.status])).toEqual([
      ['20512345671', 'SUPERFOODS ANDINOS S.A.C.', 'Arequipa', 'risk'],
      ['20131312955', 'SUPERINTENDENCIA NACIONAL DE ADUANAS Y DE ADMINISTRACION TRIBUTARIA - SUNAT', 'Lima', 'active'],
      ['20100070970', 'SUPERMERCADOS PERUANOS SOCIEDAD ANONIMA \'O \' S.P.S.A.', 'Lima', 'active'],
    ]);

    // Latin-1 text arrives as written, and a closed, not-located company says so.
    const bakery = expectOk<RegistrySearchResult>(await agent.get('/api/v1/registry/search?q=20601030013&countries=PE'));
    expect(bakery.items).toEqual([{ country: 'PE', number: '20601030013', name: 'PANADERÍA SEÑOR DE LUREN S.A.C.', city: 'Ica', legalForm: null, status: 'closed', statusText: 'BAJA DE OFICIO' }]);

    const lookup = expectOk<RegistryLookup>(await agent.get('/api/v1/registry/PE/20100070970'));
    expect(lookup.company.address).toEqual({ street: 'CAL. MORELLI 181', postalCode: null, city: null, region: 'Lima', country: 'PE' });
    expect(lookup.subUnits.map((unit) => [unit.address?.street, unit.address?.region])).toEqual(expect.arrayContaining([
      ['AV. JOSÉ LARCO 345', 'Lima'], ['AV. EJÉRCITO 1009', 'Arequipa'], ['AV. AMÉRICA OESTE 750, URB. EL INGENIO', 'La Libertad'],
    ]));
    expect(lookup.subUnits).toHaveLength(3);

    const settings = expectOk<{ items: RegistrySetting[] }>(await r.admin.get('/api/v1/registry/settings'));
    expect(settings.items.find((item) => item.country === 'PE')).toMatchObject({ loadedCount: 6 });
  });

  test('a new load replaces the old one: companies no longer listed disappear', async () => {
    const shorter = registryFixtureBytes('pe-padron.txt').toString('latin1').split('\r\n').filter((line) => !line.startsWith('20512345671')).join('\r\n');
    r.fixtures.on('GET /sunat/padron_reducido_ruc.txt', { body: Buffer.from(shorter, 'latin1') });
    expect(await load()).toMatchObject({ status: 'done', result: { companies: 5 } });
    expectProblem(await agent.get('/api/v1/registry/PE/20512345671'), 404, 'not_found');
    expectOk<RegistryLookup>(await agent.get('/api/v1/registry/PE/20100070970'));
  });

  test('a failed download fails the job and keeps the previous data', async () => {
    r.fixtures.on('GET /sunat/padron_reducido_ruc.txt', { status: 500, body: 'oops' });
    const job = await load();
    expect(job.status).toBe('failed');
    expectOk<RegistryLookup>(await agent.get('/api/v1/registry/PE/20100070970'));
  });

  test('a file that is not the padrón fails the job', async () => {
    r.fixtures.on('GET /sunat/padron_reducido_ruc.txt', { body: '<html>maintenance</html>\n' });
    const job = await load();
    expect(job).toMatchObject({ status: 'failed' });
    expect(job.error).toMatch(/RUC/);
  });
});
