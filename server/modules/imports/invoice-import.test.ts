import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, TimelineItem } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Import, ImportPreview } from '@contract/imports';
import type { Invoice, InvoiceCard } from '@contract/invoices';
import type { NotificationList } from '@contract/notifications';
import { JobWorker } from '@server/jobs/worker';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

let t: TestApp;
let agent: Client;
let other: Client;
let worker: JobWorker;
let spanish: Account;
let plain: Account;
let hidden: Account;
let hiddenNumber: string;
const word = uniqueWord('imp');
const num = (n: number) => `${word}-${n}`;

beforeAll(async () => {
  t = await testApp();
  agent = await t.user({ role: 'agent', scope: 'own', language: 'es' });
  other = await t.user({ role: 'agent', scope: 'own', language: 'en' });
  worker = new JobWorker(t.db, t.dialect, { pollMs: 10 });
  spanish = await t.account(agent, { name: `Construcciones ${word}`, taxId: 'B58378431', addresses: { visit: { country: 'ES' } }, creditDays: 30, invoiceDelivery: 'email_link', invoiceEmail: 'cobros@example.com' });
  plain = await t.account(agent, { name: `Harbour ${word}`, taxId: 'A58818501' });
  hidden = await t.account(other, { name: `Ajena ${word}`, taxId: 'Q2826000H' });
  hiddenNumber = num(99);
  expectOk(await other.post('/api/v1/invoices', { number: hiddenNumber, organizationId: hidden.id, currency: 'EUR', net: 100, tax: 0 }), 201);
});

afterAll(async () => {
  await worker.stop();
  await t.close();
});

async function upload(client: Client, fileName: string, content: Buffer | string): Promise<Import> {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const response = await client.request('POST', `/api/v1/imports?fileName=${encodeURIComponent(fileName)}&entity=invoices`, body, { 'content-type': 'application/octet-stream' });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Import>();
}

async function run(client: Client, imp: Import): Promise<Import> {
  expectOk(await client.post(`/api/v1/imports/${imp.id}/run`, { mapping: imp.mapping }));
  await worker.drain();
  return expectOk<Import>(await client.get(`/api/v1/imports/${imp.id}`));
}

/** The invoices the imports made, as stored (less the overdue notices' stamp, which the job after an import sets). */
const invoiceRows = async () => (await t.db.selectFrom('invoices').selectAll().where('number', 'like', `${word}-%`).where('number', '!=', hiddenNumber).orderBy('number').execute())
  .map(({ overdue_notified_at: _told, ...row }) => row);
const byNumber = async (client: Client, number: string) => expectOk<ListResponse<InvoiceCard>>(await client.get(`/api/v1/invoices?q=${number}`)).items.find((item) => item.number === number);

const header = 'Número;NIF;Fecha;Vencimiento;Base imponible;IVA;Total;Cobrado;Estado';
const lines = (paidFirst = '0') => [
  header,
  `${num(1)};ESB58378431;10/03/2026;;1.000,00;210,00;1.210,00;${paidFirst};Emitida`,
  `${num(2)};B-58.378.431;2026-03-15;2026-04-15;500;105;;;Cobrada`,
  `${num(3)};A58818501;01/02/2026;01/03/2026;;21;121;50;`,
  `${num(4)};X9999999Z;10/03/2026;;100;21;121;;`,
  `${num(5)};A58818501;31/02/2026;;100;21;125;;Pendiente`,
  `${num(6)};Q2826000H;10/03/2026;;100;0;100;;`,
  `${hiddenNumber};A58818501;10/03/2026;;100;0;100;;`,
].join('\n');

describe('invoices from the accounting system', () => {
  let first: Import;

  test('upload proposes the invoice fields for the headers; the preview shows each row\'s errors in the reader\'s language', async () => {
    first = await upload(agent, 'facturas.csv', lines());
    expect(first).toMatchObject({ entity: 'invoices', status: 'draft', delimiter: ';' });
    expect(first.mapping).toEqual(['number', 'taxId', 'issueDate', 'dueDate', 'net', 'tax', 'total', 'paid', 'status']);
    const preview = expectOk<ImportPreview>(await agent.post(`/api/v1/imports/${first.id}/preview`, { mapping: first.mapping }));
    const errors = preview.rows.map((row) => row.errors.map((error) => `${error.field}:${error.code}`));
    expect(errors).toEqual([[], [], [], ['taxId:unknown_company'], ['issueDate:invalid_date', 'total:total_mismatch'], ['taxId:unknown_company'], []]);
    expect(preview.rows[3]?.errors[0]).toMatchObject({ column: 'NIF', message: 'Ninguna empresa que puedas ver tiene ese identificador fiscal.' });
  });

  test('the run creates the invoices matched by tax id, due after the company\'s credit days, delivered as its card says; failed rows are reported', async () => {
    const done = await run(agent, first);
    expect(done).toMatchObject({ status: 'done', rowsTotal: 7, rowsDone: 7, created: 3, updated: 0, skipped: 0, failed: 4 });
    const rows = await invoiceRows();
    expect(rows.map((row) => [row.number, row.organization_id, row.issue_date, row.due_date, row.currency, Number(row.net_total), Number(row.tax_total), Number(row.total), Number(row.paid_amount), row.status])).toEqual([
      [num(1), spanish.id, '2026-03-10', '2026-04-09', 'EUR', 100_000, 21_000, 121_000, 0, 'issued'],
      [num(2), spanish.id, '2026-03-15', '2026-04-15', 'EUR', 50_000, 10_500, 60_500, 60_500, 'paid'],
      [num(3), plain.id, '2026-02-01', '2026-03-01', 'EUR', 10_000, 2100, 12_100, 5000, 'partly_paid'],
    ]);
    expect(rows[0]).toMatchObject({ delivery: 'email_link', delivery_email: 'cobros@example.com', language: 'es', created_by: agent.user.id });
    // The hidden company's invoice is as it was: not found by its tax id, not taken over by its number.
    expect(await t.db.selectFrom('invoices').select(['organization_id', 'total']).where('number', '=', hiddenNumber).executeTakeFirst()).toEqual({ organization_id: hidden.id, total: 100 });
    const report = await agent.get(`/api/v1/imports/${first.id}/errors.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Ninguna empresa que puedas ver tiene ese identificador fiscal.');
    expect(report.body).toContain('Ya existe una factura con ese número.');
    // In the company's history, as one import that created two invoices.
    const history = expectOk<ListResponse<TimelineItem>>(await agent.get(`/api/v1/accounts/${spanish.id}/timeline`));
    expect(history.items).toContainEqual(expect.objectContaining({ type: 'batch', id: `import:${first.id}`, count: 2, actions: [{ action: 'invoice_created', count: 2 }] }));
  });

  test('the overdue ones reach the owners\' bell as soon as the import ends', async () => {
    const bell = expectOk<NotificationList>(await agent.get('/api/v1/notifications?limit=50')).items.filter((item) => item.kind === 'invoice.overdue');
    const numbers = bell.map((item) => item.params.number);
    expect(numbers).toEqual(expect.arrayContaining([num(1), num(3)]));
    expect(numbers).not.toContain(num(2));
  });

  test('importing the same file again changes nothing and duplicates nothing; a changed row updates its invoice, and undo puts it back', async () => {
    const before = await invoiceRows();
    const again = await run(agent, await upload(agent, 'facturas-otra-vez.csv', lines()));
    expect(again).toMatchObject({ status: 'done', created: 0, updated: 0, skipped: 3, failed: 4 });
    expect(await invoiceRows()).toEqual(before);

    const paid = await run(agent, await upload(agent, 'facturas-cobradas.csv', lines('1.210,00')));
    expect(paid).toMatchObject({ created: 0, updated: 1, skipped: 2 });
    expect(await byNumber(agent, num(1))).toMatchObject({ status: 'paid', paid: 121_000, version: 2 });
    expect((await invoiceRows()).length).toBe(3);

    expectOk(await agent.post(`/api/v1/imports/${paid.id}/undo`));
    await worker.drain();
    expect(expectOk<Import>(await agent.get(`/api/v1/imports/${paid.id}`)).status).toBe('undone');
    expect(await byNumber(agent, num(1))).toMatchObject({ status: 'overdue', paid: 0 });
  });

  test('undoing the first import deletes the invoices it created', async () => {
    expectOk(await agent.post(`/api/v1/imports/${first.id}/undo`));
    await worker.drain();
    expect(await invoiceRows()).toEqual([]);
    expect(await t.db.selectFrom('invoices').select('id').where('number', '=', hiddenNumber).execute()).toHaveLength(1);
  });

  test('an XLSX file with typed dates and numbers, no currency column (our company\'s), a total and the language', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Facturas');
    sheet.addRow(['Invoice number', 'Customer VAT', 'Invoice date', 'Due date', 'Total', 'Tax', 'Language', 'Notes']);
    sheet.addRow([num(10), 'A58818501', new Date(Date.UTC(2026, 4, 2)), new Date(Date.UTC(2026, 5, 1)), 1210.5, 210.5, 'English', 'Por transferencia']);
    const imp = await upload(agent, 'invoices.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(imp.mapping).toEqual(['number', 'taxId', 'issueDate', 'dueDate', 'total', 'tax', 'language', 'notes']);
    expect(await run(agent, imp)).toMatchObject({ created: 1, failed: 0 });
    const invoice = await byNumber(agent, num(10));
    expect(invoice).toMatchObject({ organization: { id: plain.id }, issueDate: '2026-05-02', dueDate: '2026-06-01', currency: 'EUR', net: 100_000, tax: 21_050, total: 121_050, language: 'en' });
    expect(expectOk<Invoice>(await agent.get(`/api/v1/invoices/${invoice?.id ?? ''}`)).notes).toBe('Por transferencia');
  });
});

describe('round trip', () => {
  test('Cartera\'s own export of the invoices imports back as it is: every row found by its number and its company\'s tax id, nothing changed', async () => {
    expectOk(await agent.post('/api/v1/invoices', { number: num(30), organizationId: spanish.id, currency: 'USD', net: 123_456, tax: 0, issueDate: '2026-01-05', notes: 'Hecha a mano' }), 201);
    const exported = await agent.get(`/api/v1/exports/invoices?format=csv&q=${word}`);
    expect(exported.statusCode).toBe(200);
    const imp = await upload(agent, 'facturas-exportadas.csv', exported.body);
    expect(imp.mapping).toEqual(['number', null, 'taxId', 'status', 'issueDate', 'dueDate', 'currency', 'net', 'tax', 'total', 'paid', null, null]);
    const before = await invoiceRows();
    expect(await run(agent, imp)).toMatchObject({ created: 0, updated: 0, skipped: before.length, failed: 0 });
    expect(await invoiceRows()).toEqual(before);
  });
});

describe('refused', () => {
  test('account fields in an invoices mapping are a translated 400, and nothing is queued', async () => {
    const imp = await upload(agent, 'mal.csv', `${header}\n${num(20)};A58818501;10/03/2026;;1;0;1;;`);
    const wrong = ['number', 'email', ...imp.mapping.slice(2)];
    const response = await agent.post(`/api/v1/imports/${imp.id}/run`, { mapping: wrong });
    expectProblem(response, 400, 'validation_failed');
    expect(response.body).toContain('mapping');
    expect(expectOk<Import>(await agent.get(`/api/v1/imports/${imp.id}`))).toMatchObject({ status: 'draft', jobId: null });
  });

  test('someone else\'s invoices import does not exist for another agent: no reading, previewing or running it', async () => {
    const imp = await upload(agent, 'mias.csv', `${header}\n${num(21)};A58818501;10/03/2026;;1;0;1;;`);
    expectProblem(await other.get(`/api/v1/imports/${imp.id}`), 404, 'not_found');
    expectProblem(await other.post(`/api/v1/imports/${imp.id}/preview`, { mapping: imp.mapping }), 404, 'not_found');
    expectProblem(await other.post(`/api/v1/imports/${imp.id}/run`, { mapping: imp.mapping }), 404, 'not_found');
    expect(expectOk<Import>(await agent.get(`/api/v1/imports/${imp.id}`))).toMatchObject({ status: 'draft', jobId: null });
    expect((await invoiceRows()).map((row) => row.number)).toEqual([num(10), num(30)]);
  });

  test('an agent importing invoices of companies outside their portfolio creates none', async () => {
    const imp = await upload(other, 'ajenas.csv', `${header}\n${num(22)};A58818501;10/03/2026;;1;0;1;;\n${num(23)};ESB58378431;10/03/2026;;1;0;1;;`);
    expect(await run(other, imp)).toMatchObject({ created: 0, failed: 2 });
    expect(await t.db.selectFrom('invoices').select('id').where('number', 'in', [num(22), num(23)]).execute()).toEqual([]);
  });
});
