import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { Account, AccountListItem } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Import, ImportCompany, ImportPreview, Job } from '@contract/imports';
import type { Tag } from '@contract/tags';
import { JobLostError } from '@server/jobs/job-context';
import { JobWorker } from '@server/jobs/worker';
import { checkpointSpy } from '@server/test/job-spy';
import { accountState, countRows, expectProblem, uniqueWord } from '@server/test/state';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

let t: TestApp;
let admin: Client;
let agent: Client;
let other: Client;
let worker: JobWorker;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own' });
  other = await t.user({ role: 'agent', scope: 'own' });
  worker = new JobWorker(t.db, t.dialect, { pollMs: 10 });
});

afterAll(async () => {
  await worker.stop();
  await t.close();
});

async function upload(client: Client, fileName: string, content: Buffer | string, kind: 'person' | 'organization' = 'person'): Promise<Import> {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const response = await client.request('POST', `/api/v1/imports?fileName=${encodeURIComponent(fileName)}&kind=${kind}`, body, { 'content-type': 'application/octet-stream' });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Import>();
}

async function run(client: Client, imp: Import, rules: Partial<Import['rules']> = {}, mapping = imp.mapping): Promise<Import> {
  const response = await client.post(`/api/v1/imports/${imp.id}/run`, { mapping, rules: { ...imp.rules, ...rules } });
  expect(response.statusCode, response.body).toBe(200);
  await worker.drain();
  return (await client.get(`/api/v1/imports/${imp.id}`)).json<Import>();
}

async function search(client: Client, q: string): Promise<AccountListItem[]> {
  return (await client.get(`/api/v1/accounts?q=${encodeURIComponent(q)}&limit=200`)).json<ListResponse<AccountListItem>>().items;
}

async function newTag(client: Client, name: string): Promise<Tag> {
  const response = await client.post('/api/v1/tags', { name });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Tag>();
}

/** The names of an account's tags, straight from the database (past every policy). */
async function tagNames(accountId: string): Promise<string[]> {
  const rows = await t.db.selectFrom('account_tags').innerJoin('tags', 'tags.id', 'account_tags.tag_id').select('tags.name')
    .where('account_tags.account_id', '=', accountId).orderBy('tags.name').execute();
  return rows.map((row) => row.name);
}

/** Tag history of an account, oldest first, as "action:tag". */
async function tagHistory(accountId: string): Promise<string[]> {
  const rows = await t.db.selectFrom('audit_log').select(['action', 'changes']).where('account_id', '=', accountId)
    .where('entity', '=', 'account_tag').orderBy('at').orderBy('id').execute();
  return rows.map((row) => {
    const [change] = z.array(z.object({ before: z.string().nullable(), after: z.string().nullable() })).parse(JSON.parse(row.changes));
    return `${row.action}:${change?.after ?? change?.before ?? ''}`;
  });
}

const idsOf = async (word: string): Promise<string[]> =>
  (await t.db.selectFrom('accounts').select('id').where('last_name', '=', word).orderBy('id').execute()).map((row) => row.id);

describe('upload and mapping', () => {
  test('Spanish headers in a Latin-1 file with semicolons are detected and mapped', async () => {
    const word = uniqueWord('lat');
    const csv = `Nombre;Apellidos;Correo electrónico;Teléfono;Empresa;Ciudad;País;Código postal;Etapa\nÁngela;García ${word};angela.${word}@example.es;+34 600 111 222;Acme ${word};Sevilla;España;41001;Cliente\n`;
    const imp = await upload(agent, 'personas.csv', Buffer.from(csv, 'latin1'));
    expect({ format: imp.format, encoding: imp.encoding, delimiter: imp.delimiter }).toEqual({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(imp.headers[2]).toBe('Correo electrónico');
    expect(imp.mapping).toEqual(['firstName', 'lastName', 'email', 'phone', 'company', 'city', 'country', 'postalCode', 'stage']);
    const done = await run(agent, imp);
    expect(done).toMatchObject({ status: 'done', created: 1, failed: 0, rowsDone: 1, rowsTotal: 1 });
    const [person] = await search(agent, word).then((items) => items.filter((item) => item.kind === 'person'));
    expect(person).toMatchObject({ name: `Ángela García ${word}`, stage: 'customer', city: 'Sevilla', country: 'ES', email: `angela.${word}@example.es` });
    const full = (await agent.get(`/api/v1/accounts/${person?.id ?? ''}`)).json<Account>();
    expect(full.owners.map((owner) => owner.id)).toEqual([agent.user.id]);
    const contacts = (await agent.get(`/api/v1/accounts/${full.id}/contacts`)).json<{ items: Array<{ organization: { name: string } }> }>();
    expect(contacts.items.map((c) => c.organization.name)).toEqual([`Acme ${word}`]);
    const history = await t.db.selectFrom('audit_log').select('action').where('account_id', '=', full.id).execute();
    expect(history.map((h) => h.action)).toContain('created');
  });

  test('English headers, comma, UTF-8 with BOM; tab-separated too', async () => {
    const imp = await upload(agent, 'people.csv', '\uFEFFFirst name,Last name,E-mail,Phone,Company,Tax ID,Notes\nAnn,Lee,ann@example.com,+1 202 555 0100,Globex,,hi\n');
    expect(imp.encoding).toBe('utf-8');
    expect(imp.delimiter).toBe(',');
    expect(imp.mapping).toEqual(['firstName', 'lastName', 'email', 'phone', 'company', 'taxId', 'notes']);
    const tabbed = await upload(agent, 'orgs.tsv', 'Empresa\tCIF\tSector\nUno SL\tB12345678\t\n', 'organization');
    expect(tabbed.delimiter).toBe('\t');
    expect(tabbed.mapping).toEqual(['name', 'taxId', 'industry']);
  });

  test('XLSX files are read with the streaming reader', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Hoja1');
    const word = uniqueWord('xl');
    sheet.addRow(['Razón social', 'NIF', 'Email']);
    sheet.addRow([`Xl ${word} SA`, 'A-11.111.111', `info@${word}.com`]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const imp = await upload(agent, 'empresas.xlsx', buffer, 'organization');
    expect(imp.format).toBe('xlsx');
    expect(imp.mapping).toEqual(['name', 'taxId', 'email']);
    expect(await run(agent, imp)).toMatchObject({ status: 'done', created: 1 });
    expect((await search(agent, word)).map((a) => a.name)).toEqual([`Xl ${word} SA`]);
  });

  test('the preview shows each row with its validation errors, translated', async () => {
    const imp = await upload(agent, 'bad.csv', 'nombre,email,etapa\n,not-an-email,lead\nLuis,luis@example.com,inexistente\nMar,mar@example.com,\n');
    const response = await agent.request('POST', `/api/v1/imports/${imp.id}/preview`, { mapping: imp.mapping, rules: imp.rules }, { 'accept-language': 'es' });
    expect(response.statusCode).toBe(200);
    const preview = response.json<ImportPreview>();
    expect(preview.rows.map((row) => row.errors.map((e) => `${e.field}:${e.code}`))).toEqual([
      ['email:invalid_email', 'firstName:required'],
      ['stage:unknown_list_item'],
      [],
    ]);
    expect(preview.rows[0]?.errors[0]).toMatchObject({ column: 'email', message: 'Not a valid e-mail address.' });
    const done = await run(agent, imp);
    expect(done).toMatchObject({ created: 1, failed: 2 });
    const report = await agent.get(`/api/v1/imports/${imp.id}/errors.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toMatch(/text\/csv/);
    expect(report.body.replace('\uFEFF', '').split('\n').filter(Boolean)).toEqual([
      'Row,Field,Column,Error', '2,email,email,Not a valid e-mail address.', '2,firstName,nombre,Required.', '3,stage,etapa,Not an available option of the list.',
    ]);
  });
});

describe('list values the lists do not know', () => {
  test('an admin has them added to their lists instead of failing the rows; undo keeps them', async () => {
    const word = uniqueWord('sector');
    const csv = `nombre,apellidos,sector,origen\nAna,${word},Minería ${word},Feria\nLuis,${word},minería ${word},\nMar,${word},,Radio ${word}\n`;
    const imp = await upload(admin, 'sectores.csv', csv);
    const preview = async (createListValues: boolean) =>
      (await admin.post(`/api/v1/imports/${imp.id}/preview`, { mapping: imp.mapping, rules: { ...imp.rules, createListValues } })).json<ImportPreview>();
    const without = await preview(false);
    expect(without.rows.map((row) => row.errors.map((e) => `${e.field}:${e.code}`))).toEqual([['industry:unknown_list_item', 'source:unknown_list_item'], ['industry:unknown_list_item'], ['source:unknown_list_item']]);
    // Each value once, ignoring case and accents, as it would be added.
    expect(without.unknownValues).toEqual([
      { field: 'industry', value: `Minería ${word}` }, { field: 'source', value: 'Feria' }, { field: 'source', value: `Radio ${word}` },
    ]);
    const withValues = await preview(true);
    expect(withValues.rows.map((row) => row.errors)).toEqual([[], [], []]);
    expect(withValues.unknownValues).toEqual(without.unknownValues);

    const done = await run(admin, imp, { createListValues: true });
    expect(done).toMatchObject({ created: 3, failed: 0, rules: { createListValues: true } });
    const industries = (await admin.get('/api/v1/lists/industry/items')).json<{ items: Array<{ key: string; labels: { es: string } }> }>().items;
    const mineria = industries.filter((item) => item.labels.es.toLowerCase() === `minería ${word}`.toLowerCase());
    expect(mineria).toHaveLength(1);
    const accounts = await t.db.selectFrom('accounts').select(['first_name', 'industry', 'source']).where('last_name', '=', word).orderBy('first_name').execute();
    expect(accounts.map((row) => [row.first_name, row.industry])).toEqual([['Ana', mineria[0]?.key], ['Luis', mineria[0]?.key], ['Mar', null]]);
    expect(accounts.every((row) => (row.first_name === 'Luis' ? row.source === null : row.source !== null))).toBe(true);
    // The items are vocabulary: undoing the import leaves them.
    expect((await admin.post(`/api/v1/imports/${imp.id}/undo`)).statusCode).toBe(200);
    await worker.drain();
    expect((await admin.get('/api/v1/lists/industry/items')).json<{ items: Array<{ key: string }> }>().items.map((item) => item.key)).toContain(mineria[0]?.key);
  });

  test('an agent may not ask for it (403, nothing queued or added); without it the rows fail as before', async () => {
    const word = uniqueWord('agente');
    const imp = await upload(agent, 'a.csv', `nombre,apellidos,sector\nAna,${word},Pesca ${word}\n`);
    const listItems = async () => (await t.db.selectFrom('list_items').select('id').execute()).length;
    const before = await listItems();
    expectProblem(await agent.post(`/api/v1/imports/${imp.id}/preview`, { mapping: imp.mapping, rules: { ...imp.rules, createListValues: true } }), 403, 'forbidden');
    expectProblem(await agent.post(`/api/v1/imports/${imp.id}/run`, { mapping: imp.mapping, rules: { ...imp.rules, createListValues: true } }), 403, 'forbidden');
    expect((await agent.get(`/api/v1/imports/${imp.id}`)).json<Import>()).toMatchObject({ status: 'draft', jobId: null });
    const done = await run(agent, imp);
    expect(done).toMatchObject({ created: 0, failed: 1 });
    expect(await listItems()).toBe(before);
  });
});

describe('the companies an import created', () => {
  test('are listed in file order with keyset pages, only those the reader may see and still live', async () => {
    const word = uniqueWord('empresa');
    const rows = Array.from({ length: 5 }, (_, i) => `P${i},${word},Compañía ${word} ${i % 3}`);
    const imp = await run(agent, await upload(agent, 'e.csv', `nombre,apellidos,empresa\n${rows.join('\n')}\nOtro,${word},Existente ${word}\n`));
    expect(imp).toMatchObject({ created: 6, failed: 0 });
    const page = async (client: Client, query: string) => (await client.get(`/api/v1/imports/${imp.id}/companies?${query}`)).json<ListResponse<ImportCompany>>();
    const first = await page(agent, 'limit=2');
    expect(first).toMatchObject({ total: 4, totalIsEstimate: false });
    const second = await page(agent, `limit=2&cursor=${first.nextCursor ?? ''}`);
    expect([...first.items, ...second.items].map((item) => [item.name, item.rowNumber])).toEqual([
      [`Compañía ${word} 0`, 2], [`Compañía ${word} 1`, 3], [`Compañía ${word} 2`, 4], [`Existente ${word}`, 7],
    ]);
    // A company discarded since is no longer listed; another agent gets 404; an admin sees the rest.
    expect((await agent.delete(`/api/v1/accounts/${first.items[0]?.id ?? ''}`)).statusCode).toBe(204);
    expect((await page(agent, 'limit=50')).items.map((item) => item.rowNumber)).toEqual([3, 4, 7]);
    expectProblem(await other.get(`/api/v1/imports/${imp.id}/companies`), 404, 'not_found');
    expect((await page(admin, 'limit=50')).total).toBe(3);
    expectProblem(await agent.get(`/api/v1/imports/${imp.id}/companies?cursor=${Buffer.from(JSON.stringify(['row', 1, 'x'])).toString('base64url')}`), 400, 'bad_cursor');
  });
});

describe('duplicates, re-runs and undo', () => {
  test('skip leaves the match alone; a second run of the same file creates nothing', async () => {
    const word = uniqueWord('dup');
    const existing = await t.account(agent, { kind: 'person', firstName: 'Old', lastName: word, emails: [`p1.${word}@example.com`] });
    const csv = `email,first name,last name,phone\nP1.${word}@Example.com,New,${word},\np2.${word}@example.com,Two,${word},\n,Three,${word},+34 611 000 000\np2.${word}@example.com,Twin,${word},\n`;
    const first = await run(agent, await upload(agent, 'a.csv', csv));
    expect(first).toMatchObject({ created: 2, skipped: 2, updated: 0 });
    expect((await agent.get(`/api/v1/accounts/${existing.id}`)).json<Account>().firstName).toBe('Old');
    const again = await run(agent, await upload(agent, 'a.csv', csv));
    expect(again).toMatchObject({ created: 0, skipped: 4 });
    expect(await search(agent, word)).toHaveLength(3);
  });

  test('update changes the match and undo restores it; created rows are removed', async () => {
    const word = uniqueWord('upd');
    const existing = await t.account(agent, { kind: 'organization', name: `Orig ${word}`, taxId: 'B-99.000.001', website: 'https://old.example' });
    const csv = `empresa,cif,web,notas\nNuevo ${word},B99000001,https://new.example,\nOtra ${word},B99000002,,creada\n`;
    const imp = await upload(agent, 'u.csv', csv, 'organization');
    const done = await run(agent, imp, { duplicates: 'update', stage: 'prospect' });
    expect(done).toMatchObject({ created: 1, updated: 1 });
    const changed = (await agent.get(`/api/v1/accounts/${existing.id}`)).json<Account>();
    expect(changed).toMatchObject({ name: `Nuevo ${word}`, website: 'https://new.example', stage: 'prospect' });
    expect((await search(agent, word)).map((a) => a.name).sort()).toEqual([`Nuevo ${word}`, `Otra ${word}`]);
    const accountsBefore = await countRows(t.db, 'accounts');

    const undo = await agent.post(`/api/v1/imports/${imp.id}/undo`);
    expect(undo.statusCode).toBe(200);
    expect(undo.json<Import>().status).toBe('undoing');
    await worker.drain();
    expect((await agent.get(`/api/v1/imports/${imp.id}`)).json<Import>().status).toBe('undone');
    const restored = (await agent.get(`/api/v1/accounts/${existing.id}`)).json<Account>();
    expect(restored).toMatchObject({ name: `Orig ${word}`, website: 'https://old.example', stage: 'lead', taxId: 'B-99.000.001' });
    expect(await countRows(t.db, 'accounts')).toBe(accountsBefore - 1);
    expect((await search(agent, word)).map((a) => a.name)).toEqual([`Orig ${word}`]);
    expect((await agent.post(`/api/v1/imports/${imp.id}/undo`)).statusCode).toBe(409);
  });

  test('create anyway makes a second account for a match', async () => {
    const word = uniqueWord('any');
    await t.account(agent, { kind: 'person', firstName: 'Uno', lastName: word, emails: [`x.${word}@example.com`] });
    const done = await run(agent, await upload(agent, 'c.csv', `nombre,apellidos,email\nDos,${word},x.${word}@example.com\n`), { duplicates: 'create' });
    expect(done.created).toBe(1);
    expect(await search(agent, word)).toHaveLength(2);
  });
});

describe('tags for every row', () => {
  test('go on every created and updated account, keep the tags it had, and show in history and in the import', async () => {
    const word = uniqueWord('tag');
    const [fair, vip, old] = [await newTag(agent, `Feria ${word}`), await newTag(agent, `Vip ${word}`), await newTag(agent, `Antigua ${word}`)];
    const existing = await t.account(agent, { kind: 'person', firstName: 'Ya', lastName: word, emails: [`ya.${word}@example.com`], phones: ['+34 622 000 001'] });
    for (const tag of [fair, old]) expect((await agent.put(`/api/v1/accounts/${existing.id}/tags/${tag.id}`)).statusCode).toBe(204);
    // Rows 1 and 3 both match the existing account (by e-mail, then by phone); row 2 is new.
    const csv = `email,nombre,apellidos,telefono\nya.${word}@example.com,Ya,${word},\nnueva.${word}@example.com,Nueva,${word},\n,Otra vez,${word},+34 622 000 001\n`;
    const done = await run(agent, await upload(agent, 't.csv', csv), { duplicates: 'update', tagIds: [fair.id, vip.id, fair.id] });
    expect(done).toMatchObject({ status: 'done', created: 1, updated: 2, failed: 0 });
    expect(done.rules.tagIds).toEqual([fair.id, vip.id]);
    expect(done.tags).toEqual([{ id: fair.id, name: fair.name, color: null }, { id: vip.id, name: vip.name, color: null }]);

    const [created] = (await idsOf(word)).filter((id) => id !== existing.id);
    expect(await tagNames(existing.id)).toEqual([old.name, fair.name, vip.name]);
    expect(await tagNames(created ?? '')).toEqual([fair.name, vip.name]);
    expect(await t.db.selectFrom('account_tags').select('tag_id').where('account_id', '=', existing.id).execute()).toHaveLength(3);
    expect(await tagHistory(existing.id)).toEqual([`tag_added:${fair.name}`, `tag_added:${old.name}`, `tag_added:${vip.name}`]);
    expect((await tagHistory(created ?? '')).sort()).toEqual([`tag_added:${fair.name}`, `tag_added:${vip.name}`]);
    const page = (await agent.get(`/api/v1/accounts?tagId=${vip.id}`)).json<ListResponse<AccountListItem>>();
    expect(page.items.map((item) => item.id).sort()).toEqual([existing.id, created].sort());

    // Undo: the new account goes, the updated one loses only the tag the import put on it.
    expect((await agent.post(`/api/v1/imports/${done.id}/undo`)).statusCode).toBe(200);
    await worker.drain();
    expect((await agent.get(`/api/v1/imports/${done.id}`)).json<Import>().status).toBe('undone');
    expect(await idsOf(word)).toEqual([existing.id]);
    expect(await tagNames(existing.id)).toEqual([old.name, fair.name]);
    expect((await tagHistory(existing.id)).slice(-1)).toEqual([`tag_removed:${vip.name}`]);
    expect((await agent.get(`/api/v1/accounts/${existing.id}`)).json<Account>()).toMatchObject({ firstName: 'Ya', phones: ['+34 622 000 001'] });
  });

  test('running the same file again with the same rules creates no account and no tag link twice', async () => {
    const word = uniqueWord('again');
    const tag = await newTag(agent, `Campaña ${word}`);
    const csv = `email,nombre,apellidos\nuno.${word}@example.com,Uno,${word}\ndos.${word}@example.com,Dos,${word}\n`;
    const links = () => t.db.selectFrom('account_tags').select('account_id').where('tag_id', '=', tag.id).execute();
    expect(await run(agent, await upload(agent, 'r.csv', csv), { tagIds: [tag.id] })).toMatchObject({ created: 2 });
    expect(await run(agent, await upload(agent, 'r.csv', csv), { tagIds: [tag.id] })).toMatchObject({ created: 0, skipped: 2 });
    const updating = await run(agent, await upload(agent, 'r.csv', csv), { tagIds: [tag.id], duplicates: 'update' });
    expect(updating).toMatchObject({ created: 0, updated: 2 });
    expect(await idsOf(word)).toHaveLength(2);
    expect(await links()).toHaveLength(2);
    // The update run added no tag, so undoing it takes none off.
    await agent.post(`/api/v1/imports/${updating.id}/undo`);
    await worker.drain();
    expect(await links()).toHaveLength(2);
    for (const id of await idsOf(word)) expect(await tagHistory(id)).toEqual([`tag_added:${tag.name}`]);
  });

  test('an unknown tag is refused with a translated error, and nothing is queued or written', async () => {
    const word = uniqueWord('unk');
    const spanish = await t.user({ role: 'agent', scope: 'own', language: 'es' });
    const tag = await newTag(spanish, `Buena ${word}`);
    const imp = await upload(spanish, 'u.csv', `email,nombre\n${word}@example.com,${word}\n`);
    const missing = '01900000-0000-7000-8000-000000000000';
    const jobs = await t.db.selectFrom('jobs').select('id').execute();
    const problem = expectProblem(await spanish.post(`/api/v1/imports/${imp.id}/run`, { mapping: imp.mapping, rules: { ...imp.rules, tagIds: [tag.id, missing] } }), 400, 'validation_failed');
    expect(problem.errors).toEqual([{ field: 'rules.tagIds.1', code: 'unknown_tag', message: 'Etiqueta desconocida.' }]);
    expectProblem(await spanish.post(`/api/v1/imports/${imp.id}/run`, { mapping: imp.mapping, rules: { ...imp.rules, tagIds: ['not-an-id'] } }), 400, 'validation_failed');
    expect((await spanish.get(`/api/v1/imports/${imp.id}`)).json<Import>()).toMatchObject({ status: 'draft', jobId: null, rules: { tagIds: [] }, tags: [] });
    expect(await t.db.selectFrom('jobs').select('id').execute()).toEqual(jobs);
    await worker.drain();
    expect(await search(spanish, word)).toHaveLength(0);
  });

  test('an agent tags only accounts in their portfolio: a match outside it is neither updated nor tagged', async () => {
    const word = uniqueWord('out');
    const tag = await newTag(agent, `Mía ${word}`);
    const theirs = await t.account(other, { kind: 'person', firstName: 'Ajena', lastName: word, emails: [`ajena.${word}@example.com`] });
    const before = await accountState(t.db, theirs.id);
    const done = await run(agent, await upload(agent, 'o.csv', `email,nombre,apellidos\najena.${word}@example.com,Cambiada,${word}\n`), { duplicates: 'update', tagIds: [tag.id] });
    // The other agent's account does not exist for this agent: the row makes an account of their own.
    expect(done).toMatchObject({ created: 1, updated: 0 });
    expect(await accountState(t.db, theirs.id)).toEqual(before);
    expect(await tagNames(theirs.id)).toEqual([]);
    expect(await tagHistory(theirs.id)).toEqual([]);
  });
});

describe('crash and resume', () => {
  test('a crash mid-import leaves no half batch and the next attempt resumes from the checkpoint', async () => {
    const word = uniqueWord('crash');
    const lines = ['email,nombre,apellidos'];
    for (let i = 0; i < 1200; i += 1) lines.push(`r${i}.${word}@example.com,R${i},${word}`);
    const imp = await upload(agent, 'big.csv', `${lines.join('\n')}\n`);
    // Dies inside the second batch's transaction, after writing it: that batch must roll back.
    const { handler: crashing, checkpoints } = checkpointSpy('import.run', { failAt: 2 });
    const crashWorker = new JobWorker(t.db, t.dialect, { handlers: { 'import.run': crashing }, maxAttempts: 1 });
    await agent.post(`/api/v1/imports/${imp.id}/run`, { mapping: imp.mapping, rules: imp.rules });
    await crashWorker.drain();
    const failed = (await agent.get(`/api/v1/imports/${imp.id}`)).json<Import>();
    // Batches are sized by time, so the first one's size is read, not assumed.
    const firstBatch = checkpoints[0] ?? 0;
    expect(firstBatch).toBeGreaterThan(0);
    expect(firstBatch).toBeLessThan(1200);
    expect(failed).toMatchObject({ status: 'failed', rowsDone: firstBatch, created: firstBatch, abilities: { resume: true } });
    expect(await t.db.selectFrom('import_rows').select('row_number').where('import_id', '=', imp.id).execute()).toHaveLength(firstBatch);
    const job = (await agent.get(`/api/v1/jobs/${failed.jobId ?? ''}`)).json<Job>();
    expect(job).toMatchObject({ status: 'failed', progressDone: firstBatch, error: 'simulated crash' });

    expect((await agent.post(`/api/v1/imports/${imp.id}/resume`)).statusCode).toBe(200);
    await worker.drain();
    const done = (await agent.get(`/api/v1/imports/${imp.id}`)).json<Import>();
    expect(done).toMatchObject({ status: 'done', rowsDone: 1200, created: 1200, failed: 0 });
    const people = await t.db.selectFrom('accounts').select('id').where('last_name', '=', word).execute();
    expect(people).toHaveLength(1200);
  });

  test('a job whose process died (stale heartbeat) is reclaimed by another worker', async () => {
    const word = uniqueWord('stale');
    const imp = await upload(agent, 's.csv', `email,nombre\n${word}@example.com,${word}\n`);
    const queued = (await agent.post(`/api/v1/imports/${imp.id}/run`, { mapping: imp.mapping, rules: imp.rules })).json<Import>();
    const jobId = queued.jobId ?? '';
    await t.db.updateTable('jobs').set({ status: 'running', attempts: 1, heartbeat_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', jobId).execute();
    expect(await new JobWorker(t.db, t.dialect, { staleMs: 3_600_000 * 24 * 365 * 100 }).runOnce()).toBe(false);
    expect(await worker.runOnce()).toBe(true);
    expect((await agent.get(`/api/v1/jobs/${jobId}`)).json<Job>()).toMatchObject({ status: 'done', progressDone: 1 });
  });

  test('a worker that lost its job stops without committing', () => {
    expect(new JobLostError().message).toMatch(/reclaimed/);
  });
});

describe('who may see and undo an import', () => {
  test('another agent gets 404 for the import, its job, its report and its undo, and nothing changes', async () => {
    const word = uniqueWord('mine');
    const imp = await run(agent, await upload(agent, 'm.csv', `email,nombre\n${word}@example.com,${word}\n`));
    for (const url of [`/api/v1/imports/${imp.id}`, `/api/v1/imports/${imp.id}/errors.csv`, `/api/v1/jobs/${imp.jobId ?? ''}`]) {
      expectProblem(await other.get(url), 404, 'not_found');
    }
    expectProblem(await other.post(`/api/v1/imports/${imp.id}/undo`), 404, 'not_found');
    expect((await other.get('/api/v1/imports')).json<ListResponse<Import>>().items.map((i) => i.id)).not.toContain(imp.id);
    expect((await agent.get(`/api/v1/imports/${imp.id}`)).json<Import>().status).toBe('done');
    expect(await search(agent, word)).toHaveLength(1);
    // An admin may undo anyone's import.
    expect((await admin.post(`/api/v1/imports/${imp.id}/undo`)).statusCode).toBe(200);
    await worker.drain();
    expect(await search(agent, word)).toHaveLength(0);
  });

  test('an agent cannot name other owners and lose the rows: they stay an owner', async () => {
    const word = uniqueWord('own');
    const imp = await upload(agent, 'o.csv', `email,nombre\n${word}@example.com,${word}\n`);
    const done = await run(agent, imp, { ownerIds: [other.user.id] });
    expect(done.rules.ownerIds.sort()).toEqual([agent.user.id, other.user.id].sort());
    expect(await search(agent, word)).toHaveLength(1);
    expect(await search(other, word)).toHaveLength(1);
  });
});
