import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { Tag } from '@contract/tags';
import { newId } from '@server/lib/ids';
import { expectProblem, uniqueWord } from '@server/test/state';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

let t: TestApp;
let admin: Client;
let agent: Client;
let other: Client;
let word: string;
let personId: string;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all', language: 'es' });
  agent = await t.user({ role: 'agent', scope: 'own', name: 'Agente Uno' });
  other = await t.user({ role: 'agent', scope: 'own' });
  word = uniqueWord('exp');
  const org = await t.account(agent, { kind: 'organization', name: `=HYPERLINK("x") ${word}`, stage: 'customer', notes: ' @SUM(A1)' });
  const contact = await agent.post(`/api/v1/accounts/${org.id}/contacts`, {
    newPerson: { firstName: 'Ana', lastName: word, email: `ana.${word}@example.com`, phone: '+34 614255139' }, position: 'Gerente',
  });
  expect(contact.statusCode, contact.body).toBe(201);
  personId = contact.json<{ person: { id: string } }>().person.id;
  const tag = (await agent.post('/api/v1/tags', { name: `Feria ${word}` })).json<Tag>();
  expect((await agent.put(`/api/v1/accounts/${personId}/tags/${tag.id}`)).statusCode).toBe(204);
  // The person also belongs to an organization the agent cannot see: it must not show.
  const hidden = await t.account(other, { kind: 'organization', name: `Ajena ${word}` });
  expect((await admin.post(`/api/v1/accounts/${hidden.id}/contacts`, { otherId: personId })).statusCode).toBe(201);
});

afterAll(async () => {
  await t.close();
});

const csvRows = (body: string, delimiter: string): string[][] =>
  z.array(z.array(z.string())).parse(parse(body.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true }));

/** The heading row's texts, in column order. */
function headingsOf(sheet: ExcelJS.Worksheet): string[] {
  const headings: string[] = [];
  sheet.getRow(1).eachCell((cell, column) => {
    headings[column - 1] = cell.text;
  });
  return headings;
}

async function workbook(raw: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.read(Readable.from([raw]));
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return sheet;
}

/** Cells of a row by heading. */
const byHeading = (rows: string[][], index: number): Record<string, string> =>
  Object.fromEntries((rows[0] ?? []).map((heading, column) => [heading, rows[index]?.[column] ?? '']));

describe('accounts export as CSV', () => {
  test("an agent's holds only their portfolio, in English with commas, every risky cell neutralised", async () => {
    const response = await agent.get(`/api/v1/exports/accounts?format=csv&q=${word}&sort=name`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="accounts-.*\.csv"/);
    const rows = csvRows(response.body, ',');
    expect(rows[0]?.slice(0, 7)).toEqual(['Kind', 'Name', 'First name', 'Last name', 'Company', 'Position', 'Other companies']);
    expect(rows).toHaveLength(3);
    expect(response.body).not.toContain('Ajena');
    const org = byHeading(rows, 1);
    expect(org).toMatchObject({ Kind: 'Organization', Name: `'=HYPERLINK("x") ${word}`, Stage: 'Customer', Notes: "'@SUM(A1)", Owners: 'Agente Uno' });
    const person = byHeading(rows, 2);
    expect(person).toMatchObject({
      Kind: 'Person', 'First name': 'Ana', 'Last name': word, Company: `'=HYPERLINK("x") ${word}`, Position: 'Gerente', 'Other companies': '',
      Phones: "'+34 614255139", 'E-mails': `ana.${word}@example.com`, Tags: `Feria ${word}`, Stage: 'Customer',
    });
    expect(person.Created).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  test('in Spanish it is separated by semicolons, or by commas when asked', async () => {
    const spanish = await admin.get(`/api/v1/exports/accounts?q=${word}&kind=person`);
    const rows = csvRows(spanish.body, ';');
    expect(rows[0]?.slice(0, 6)).toEqual(['Tipo', 'Nombre', 'Nombre de pila', 'Apellidos', 'Empresa', 'Cargo']);
    expect(rows).toHaveLength(2);
    // The admin sees both organizations: the first linked goes where the import reads it, the other beside.
    expect(byHeading(rows, 1)).toMatchObject({ Tipo: 'Persona', Empresa: `'=HYPERLINK("x") ${word}`, 'Otras empresas': `Ajena ${word}`, Etapa: 'Cliente' });
    const commas = csvRows((await admin.get(`/api/v1/exports/accounts?q=${word}&kind=person&separator=comma`)).body, ',');
    expect(commas).toEqual(rows);
    expect(csvRows((await admin.get(`/api/v1/exports/accounts?q=${word}`)).body, ';')).toHaveLength(4);
  });

  test('dates are on the clock of the time zone asked for', async () => {
    const [created] = await t.db.selectFrom('accounts').select('created_at').where('id', '=', personId).execute();
    const instant = new Date(created?.created_at ?? '');
    const local = (zone: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(instant);
    for (const zone of ['UTC', 'America/Lima', 'Asia/Kolkata']) {
      const rows = csvRows((await agent.get(`/api/v1/exports/accounts?q=${word}&kind=person&timeZone=${encodeURIComponent(zone)}`)).body, ',');
      expect(byHeading(rows, 1).Created).toBe(local(zone));
    }
  });

  test('an unknown time zone or separator is a translated 400', async () => {
    const response = await admin.get(`/api/v1/exports/accounts?timeZone=Mars/Olympus`);
    expectProblem(response, 400, 'validation_failed');
    expect(response.json<{ errors: Array<{ field: string; message: string }> }>().errors).toEqual([
      { field: 'querystring.timeZone', code: 'invalid_time_zone', message: 'No es una zona horaria conocida (por ejemplo, Europe/Madrid).' },
    ]);
    expectProblem(await agent.get('/api/v1/exports/accounts?separator=pipe'), 400, 'validation_failed');
  });
});

describe('accounts export as XLSX', () => {
  test('text is typed text (no apostrophe), dates are date cells, the heading is frozen and filterable', async () => {
    const response = await agent.get(`/api/v1/exports/accounts?format=xlsx&q=${word}&sort=name&timeZone=Europe/Madrid`);
    expect(response.statusCode).toBe(200);
    const sheet = await workbook(response.rawPayload);
    expect(sheet.rowCount).toBe(3);
    const headings = headingsOf(sheet);
    expect(headings.slice(0, 2)).toEqual(['Kind', 'Name']);
    const column = (heading: string) => headings.indexOf(heading) + 1;
    const person = sheet.getRow(3);
    const phone = person.getCell(column('Phones'));
    expect([ExcelJS.ValueType.String, ExcelJS.ValueType.RichText]).toContain(phone.type);
    expect(phone.text).toBe('+34 614255139');
    expect(sheet.getRow(2).getCell(column('Name')).text).toBe(`=HYPERLINK("x") ${word}`);
    expect(sheet.getRow(2).getCell(column('Name')).type).not.toBe(ExcelJS.ValueType.Formula);
    const created = person.getCell(column('Created'));
    expect(created.type).toBe(ExcelJS.ValueType.Date);
    expect(created.numFmt).toBe('yyyy-mm-dd hh:mm');
    const [row] = await t.db.selectFrom('accounts').select('created_at').where('id', '=', personId).execute();
    const madrid = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Madrid', dateStyle: 'short', timeStyle: 'short' }).format(new Date(row?.created_at ?? ''));
    // A spreadsheet date has no zone: its fields are Madrid's clock (exceljs reads them back as UTC fields).
    expect(created.value instanceof Date ? created.value.toISOString().slice(0, 16).replace('T', ' ') : null).toBe(madrid);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(headings.length).letter}1`);
    expect(sheet.getColumn(column('Name')).width).toBeGreaterThanOrEqual(20);
  });

  test('Spanish dates read day first', async () => {
    const sheet = await workbook((await admin.get(`/api/v1/exports/accounts?format=xlsx&q=${word}&kind=person`)).rawPayload);
    const created = sheet.getRow(2).getCell(headingsOf(sheet).indexOf('Creada') + 1);
    expect(created.type).toBe(ExcelJS.ValueType.Date);
    expect(created.numFmt).toBe('dd/mm/yyyy hh:mm');
  });

  test('a selection of thousands of ticked rows goes in the body, past what a URL could carry', async () => {
    // 5,000 ids (185 kB): the GET form of this selection would have been refused for its URL length.
    const ids = [personId, ...Array.from({ length: 4999 }, () => newId())];
    const response = await agent.post('/api/v1/exports/accounts', { ids, format: 'xlsx' });
    expect(response.statusCode).toBe(200);
    expect((await workbook(response.rawPayload)).rowCount).toBe(2);
  });
});

describe('selections', () => {
  test('a selection of ids never reaches outside the portfolio', async () => {
    const foreign = await t.db.selectFrom('accounts').select('id').where('name', '=', `Ajena ${word}`).executeTakeFirstOrThrow();
    const rows = csvRows((await agent.post('/api/v1/exports/accounts', { ids: [foreign.id, personId] })).body, ',');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(personId);
    expectProblem(await agent.post('/api/v1/exports/accounts', { ids: ['not-a-uuid'] }), 400, 'validation_failed');
    expectProblem(await agent.post('/api/v1/exports/accounts', { ids: [] }), 400, 'validation_failed');
  });

  test('a selection export needs the CSRF token like any other POST', async () => {
    const response = await agent.request('POST', '/api/v1/exports/accounts', { ids: [personId] }, { 'x-csrf-token': 'forged' });
    expectProblem(response, 403, 'csrf_failed');
  });
});
