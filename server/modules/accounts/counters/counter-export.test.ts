import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { Account } from '@contract/accounts';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk } from '@server/test/state';

// Seed 003's Excel report of a selection carries the four company counters, counted as the reader
// sees them: an agent's own private tasks and nobody else's; sums per currency, never added up.

let t: TestApp;
let admin: Client;
let ana: Client;
let company: Account;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all', language: 'es' });
  ana = await t.user({ role: 'agent', scope: 'own', language: 'en' });
  const luis = await t.user({ role: 'agent', scope: 'own' });
  company = await t.account(admin, { name: 'Cerámicas del Sur', ownerIds: [ana.user.id, luis.user.id] });
  const post = async (client: Client, path: string, body: object) => expectOk<{ id: string }>(await client.post(path, body), 201);
  await post(ana, '/api/v1/projects', { organizationId: company.id, name: 'Activo', status: 'active' });
  for (const [client, extra] of [[ana, {}], [ana, { private: true }], [luis, { private: true }]] as const) {
    await post(client, '/api/v1/activities', { accountId: company.id, type: 'task', subject: 'Tarea', startAt: '2027-01-10T09:00:00Z', ...extra });
  }
  const agreement = await post(ana, '/api/v1/agreements', { organizationId: company.id, title: 'Marco' });
  await t.db.updateTable('agreements').set({ status: 'sent' }).where('id', '=', agreement.id).execute();
  const issueDate = `${new Date().getUTCFullYear()}-02-01`;
  await post(ana, '/api/v1/invoices', { organizationId: company.id, number: 'X-1', currency: 'EUR', net: 1000, tax: 210, issueDate });
  await post(ana, '/api/v1/invoices', { organizationId: company.id, number: 'X-2', currency: 'USD', net: 700, tax: 0, issueDate });
});
afterAll(async () => t.close());

async function sheetRows(raw: Buffer): Promise<Record<string, string>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.read(Readable.from([raw]));
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const cells: Record<string, string> = {};
  sheet.getRow(1).eachCell((cell, column) => {
    cells[cell.text] = sheet.getRow(2).getCell(column).text;
  });
  return cells;
}

describe('the export of a selection', () => {
  test("an agent's Excel report carries the counters as they see them", async () => {
    const response = await ana.post('/api/v1/exports/accounts', { ids: [company.id], format: 'xlsx' });
    expect(response.statusCode).toBe(200);
    expect(await sheetRows(response.rawPayload)).toMatchObject({
      'Active projects': '1', 'Open tasks': '2', 'Unsigned agreements': '1', 'Invoiced this year': '12.10 EUR; 7.00 USD',
    });
  });

  test("an admin's CSV in Spanish counts every private task", async () => {
    const body = (await admin.get(`/api/v1/exports/accounts?q=ceramicas&format=csv`)).body;
    const rows = z.array(z.array(z.string())).parse(parse(body.replace(/^\uFEFF/, ''), { delimiter: ';' }));
    const row = Object.fromEntries((rows[0] ?? []).map((heading, column) => [heading, rows[1]?.[column] ?? '']));
    expect(row).toMatchObject({ 'Proyectos activos': '1', 'Tareas abiertas': '3', 'Acuerdos sin firmar': '1', 'Facturado este año': '12.10 EUR; 7.00 USD' });
  });
});
