import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newId } from '@server/lib/ids';
import { expectProblem, uniqueWord } from '@server/test/state';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

let t: TestApp;
let admin: Client;
let agent: Client;
let other: Client;
let word: string;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all', language: 'es' });
  agent = await t.user({ role: 'agent', scope: 'own' });
  other = await t.user({ role: 'agent', scope: 'own' });
  word = uniqueWord('exp');
  await t.account(agent, { kind: 'organization', name: `=HYPERLINK("x") ${word}`, stage: 'customer', notes: ' @SUM(A1)' });
  await t.account(agent, { kind: 'person', firstName: 'Ana', lastName: word, emails: [`ana.${word}@example.com`], phones: ['+34 600 000 001'] });
  await t.account(other, { kind: 'organization', name: `Ajena ${word}` });
});

afterAll(async () => {
  await t.close();
});

const csvLines = (body: string): string[] => body.replace(/^\uFEFF/, '').split('\n').filter(Boolean);

describe('accounts export', () => {
  test('CSV of an agent holds only their portfolio, with translated headings and neutralised cells', async () => {
    const response = await agent.get(`/api/v1/exports/accounts?format=csv&q=${word}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="accounts-.*\.csv"/);
    const lines = csvLines(response.body);
    expect(lines[0]).toMatch(/^Kind,Name,First name,Last name,Stage,/);
    expect(lines).toHaveLength(3);
    expect(response.body).not.toContain('Ajena');
    expect(response.body).toContain(`"'=HYPERLINK(""x"") ${word}"`);
    expect(response.body).toContain("'@SUM(A1)");
    expect(response.body).toContain("'+34 600 000 001");
    expect(response.body).toContain('Customer');
  });

  test('filters apply, and an admin sees every portfolio, in Spanish', async () => {
    const all = csvLines((await admin.get(`/api/v1/exports/accounts?q=${word}`)).body);
    expect(all[0]).toMatch(/^Tipo,Nombre,/);
    expect(all).toHaveLength(4);
    const people = csvLines((await admin.get(`/api/v1/exports/accounts?q=${word}&kind=person`)).body);
    expect(people).toHaveLength(2);
    expect(people[1]).toContain('Persona');
  });

  test('a selection of ids never reaches outside the portfolio', async () => {
    const foreign = await t.db.selectFrom('accounts').select('id').where('name', '=', `Ajena ${word}`).executeTakeFirstOrThrow();
    const own = await t.db.selectFrom('accounts').select('id').where('last_name', '=', word).executeTakeFirstOrThrow();
    const lines = csvLines((await agent.post('/api/v1/exports/accounts', { ids: [foreign.id, own.id] })).body);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(own.id);
    expectProblem(await agent.post('/api/v1/exports/accounts', { ids: ['not-a-uuid'] }), 400, 'validation_failed');
    expectProblem(await agent.post('/api/v1/exports/accounts', { ids: [] }), 400, 'validation_failed');
  });

  test('a selection of thousands of ticked rows goes in the body, past what a URL could carry', async () => {
    const own = await t.db.selectFrom('accounts').select('id').where('last_name', '=', word).executeTakeFirstOrThrow();
    // 5,000 ids (185 kB): the GET form of this selection would have been refused for its URL length.
    const ids = [own.id, ...Array.from({ length: 4999 }, () => newId())];
    const response = await agent.post('/api/v1/exports/accounts', { ids, format: 'xlsx' });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([response.rawPayload]));
    expect(workbook.worksheets[0]?.rowCount).toBe(2);
  });

  test('a selection export needs the CSRF token like any other POST', async () => {
    const own = await t.db.selectFrom('accounts').select('id').where('last_name', '=', word).executeTakeFirstOrThrow();
    const response = await agent.request('POST', '/api/v1/exports/accounts', { ids: [own.id] }, { 'x-csrf-token': 'forged' });
    expectProblem(response, 403, 'csrf_failed');
  });

  test('XLSX streams a workbook with the same rows', async () => {
    const response = await agent.get(`/api/v1/exports/accounts?format=xlsx&q=${word}&sort=name`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([response.rawPayload]));
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(3);
    expect(String(sheet?.getRow(2).getCell(2).value)).toBe(`'=HYPERLINK("x") ${word}`);
  });
});
