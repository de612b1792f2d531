import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { AccountListItem, TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Tag } from '@contract/tags';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectProblem } from '@server/test/state';

let t: TestApp;
let admin: Client;
let manager: Client;
let agent: Client;
let other: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  manager = await t.user({ role: 'manager', scope: 'own' });
  agent = await t.user({ role: 'agent', scope: 'own', language: 'es' });
  other = await t.user({ role: 'agent', scope: 'own' });
});
afterAll(async () => t.close());

const tagRows = () => t.db.selectFrom('tags').selectAll().orderBy('id').execute();
const links = () => t.db.selectFrom('account_tags').selectAll().orderBy('tag_id').orderBy('account_id').execute();
const newTag = async (client: Client, name: string, color: string | null = '#228be6') => {
  const response = await client.post('/api/v1/tags', { name, color });
  expect(response.statusCode).toBe(201);
  return response.json<Tag>();
};
/** The CSV body as rows, without the byte-order mark (semicolons: what Excel in Spanish splits on). */
const csvRows = (body: string, delimiter = ';'): string[][] => z.array(z.array(z.string())).parse(parse(body.replace(/^\uFEFF/, ''), { delimiter }));
const listIds = async (client: Client, url: string) => (await client.get(url)).json<ListResponse<AccountListItem>>().items.map((item) => item.id);

describe('managing tags', () => {
  test('any user creates a tag; names are unique ignoring case and accents', async () => {
    const tag = await newTag(agent, 'Navidad');
    expect(tag).toMatchObject({ name: 'Navidad', color: '#228be6', abilities: { update: false, delete: false } });
    expectProblem(await other.post('/api/v1/tags', { name: 'NAVIDÁD' }), 400, 'validation_failed');
    expectProblem(await other.post('/api/v1/tags', { name: '  ' }), 400, 'validation_failed');
    const listed = (await other.get('/api/v1/tags?q=nav')).json<ListResponse<Tag>>();
    expect(listed.items.map((item) => item.name)).toEqual(['Navidad']);
  });

  test.each(['admin', 'manager'] as const)('%s renames, recolours and deletes; a stale version is 412', async (role) => {
    const client = role === 'admin' ? admin : manager;
    const tag = await newTag(agent, `Feria ${role}`);
    const renamed = await client.patch(`/api/v1/tags/${tag.id}`, { version: tag.version, name: `Feria 2027 ${role}`, color: '#fa5252' });
    expect(renamed.json<Tag>()).toMatchObject({ name: `Feria 2027 ${role}`, color: '#fa5252', version: 2, abilities: { update: true, delete: true } });
    expectProblem(await client.patch(`/api/v1/tags/${tag.id}`, { version: 1, name: 'Otra' }), 412, 'stale_version');
    const account = await t.account(agent, { name: `Con etiqueta ${role}` });
    await agent.put(`/api/v1/accounts/${account.id}/tags/${tag.id}`);
    expect((await client.delete(`/api/v1/tags/${tag.id}`)).statusCode).toBe(204);
    expect((await agent.get(`/api/v1/accounts/${account.id}/tags`)).json<{ items: unknown[] }>().items).toEqual([]);
    expectProblem(await client.get(`/api/v1/tags/${tag.id}`), 404, 'not_found');
  });

  test('an agent may neither rename nor delete a tag, and nothing changes', async () => {
    const tag = await newTag(admin, 'Intocable');
    const account = await t.account(agent, { name: 'Etiquetada' });
    await agent.put(`/api/v1/accounts/${account.id}/tags/${tag.id}`);
    const before = { tags: await tagRows(), links: await links() };
    expectProblem(await agent.patch(`/api/v1/tags/${tag.id}`, { version: tag.version, name: 'Tocada' }), 403, 'forbidden');
    expectProblem(await agent.delete(`/api/v1/tags/${tag.id}`), 403, 'forbidden');
    expect({ tags: await tagRows(), links: await links() }).toEqual(before);
  });
});

describe('tagging accounts', () => {
  test('assign and remove on an account in the portfolio; the history says so; the list filters by tag', async () => {
    const tag = await newTag(agent, 'Boletín');
    const a = await t.account(agent, { name: 'Uno SA' });
    const b = await t.account(agent, { name: 'Dos SA' });
    expect((await agent.put(`/api/v1/accounts/${a.id}/tags/${tag.id}`)).statusCode).toBe(204);
    expect((await agent.put(`/api/v1/accounts/${a.id}/tags/${tag.id}`)).statusCode).toBe(204);
    expect((await agent.put(`/api/v1/accounts/${b.id}/tags/${tag.id}`)).statusCode).toBe(204);
    expect((await agent.get(`/api/v1/accounts/${a.id}/tags`)).json<{ items: Array<{ name: string }> }>().items.map((item) => item.name)).toEqual(['Boletín']);
    expect(await listIds(agent, `/api/v1/accounts?tagId=${tag.id}`)).toEqual([b.id, a.id]);
    expect((await agent.delete(`/api/v1/accounts/${b.id}/tags/${tag.id}`)).statusCode).toBe(204);
    expectProblem(await agent.delete(`/api/v1/accounts/${b.id}/tags/${tag.id}`), 404, 'not_found');
    expect(await listIds(agent, `/api/v1/accounts?tagId=${tag.id}`)).toEqual([a.id]);
    const history = (await agent.get(`/api/v1/accounts/${b.id}/timeline`)).json<ListResponse<TimelineEntry>>().items.map((entry) => entry.action);
    expect(history).toEqual(expect.arrayContaining(['tag_added', 'tag_removed']));
  });

  test('outside the portfolio: 404, nothing changes, and the tag page does not list it', async () => {
    const tag = await newTag(agent, 'Privada');
    const hidden = await t.account(other, { name: 'Ajena' });
    await other.put(`/api/v1/accounts/${hidden.id}/tags/${tag.id}`);
    const before = await links();
    expectProblem(await agent.put(`/api/v1/accounts/${hidden.id}/tags/${tag.id}`), 404, 'not_found');
    expectProblem(await agent.delete(`/api/v1/accounts/${hidden.id}/tags/${tag.id}`), 404, 'not_found');
    expectProblem(await agent.get(`/api/v1/accounts/${hidden.id}/tags`), 404, 'not_found');
    expect(await links()).toEqual(before);
    const page = (await agent.get(`/api/v1/accounts?tagId=${tag.id}`)).json<ListResponse<AccountListItem>>();
    expect(page).toMatchObject({ items: [], total: 0 });
  });

  test('the tag page pages with keyset cursors', async () => {
    const tag = await newTag(admin, 'Muchas');
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const account = await t.account(admin, { name: `Paginada ${i}` });
      await admin.put(`/api/v1/accounts/${account.id}/tags/${tag.id}`);
      created.push(account.id);
    }
    const first = (await admin.get(`/api/v1/accounts?tagId=${tag.id}&limit=2`)).json<ListResponse<AccountListItem>>();
    expect(first.total).toBe(5);
    const second = (await admin.get(`/api/v1/accounts?tagId=${tag.id}&limit=2&cursor=${first.nextCursor ?? ''}`)).json<ListResponse<AccountListItem>>();
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(created.slice(0, 4));
  });
});

describe('the tags page', () => {
  test("counts each tag's accounts the reader sees, leaving out the discarded ones; pickers get no counts", async () => {
    const tag = await newTag(admin, 'Contada');
    await newTag(admin, 'Contada sin uso');
    const mine = await t.account(agent, { name: 'Contada mía' });
    const gone = await t.account(agent, { name: 'Contada borrada' });
    const theirs = await t.account(other, { name: 'Contada ajena' });
    for (const account of [mine, gone, theirs]) expect((await admin.put(`/api/v1/accounts/${account.id}/tags/${tag.id}`)).statusCode).toBe(204);
    expect((await agent.delete(`/api/v1/accounts/${gone.id}`)).statusCode).toBe(204);
    const counts = async (client: Client) =>
      (await client.get('/api/v1/tags?q=contada&counts=true')).json<ListResponse<Tag>>().items.map((item) => [item.name, item.accounts?.count]);
    expect(await counts(agent)).toEqual([['Contada', 1], ['Contada sin uso', 0]]);
    expect(await counts(other)).toEqual([['Contada', 1], ['Contada sin uso', 0]]);
    expect(await counts(admin)).toEqual([['Contada', 2], ['Contada sin uso', 0]]);
    expect((await agent.get('/api/v1/tags?q=contada')).json<ListResponse<Tag>>().items.map((item) => item.accounts)).toEqual([undefined, undefined]);
    expectProblem(await agent.get('/api/v1/tags?counts=maybe'), 400, 'validation_failed');
  });
});

describe('at the same moment', () => {
  // On PostgreSQL these requests really run in parallel transactions; on SQLite they serialise.
  const auditRows = (entityId: string, action: string) =>
    t.db.selectFrom('audit_log').select('id').where('entity_id', '=', entityId).where('action', '=', action).execute();

  test('twenty identical tag PUTs all succeed, leaving one link and one history entry', async () => {
    const tag = await newTag(admin, 'Simultánea');
    const account = await t.account(agent, { name: 'Concurrida SA' });
    const answers = await Promise.all(Array.from({ length: 20 }, () => agent.put(`/api/v1/accounts/${account.id}/tags/${tag.id}`)));
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array.from({ length: 20 }, () => 204));
    expect((await links()).filter((link) => link.account_id === account.id)).toHaveLength(1);
    expect(await auditRows(tag.id, 'tag_added')).toHaveLength(1);
  });

  test('twenty identical tag DELETEs: one 204, the rest 404, one history entry', async () => {
    const tag = await newTag(admin, 'Quitada a la vez');
    const account = await t.account(agent, { name: 'Destagueada SA' });
    await agent.put(`/api/v1/accounts/${account.id}/tags/${tag.id}`);
    const answers = await Promise.all(Array.from({ length: 20 }, () => agent.delete(`/api/v1/accounts/${account.id}/tags/${tag.id}`)));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([204, ...Array.from({ length: 19 }, () => 404)]);
    for (const refused of answers.filter((answer) => answer.statusCode === 404)) expectProblem(refused, 404, 'not_found');
    expect(await auditRows(tag.id, 'tag_removed')).toHaveLength(1);
  });

  test('twenty creates of one name: one tag, and every other answer is the duplicate name error', async () => {
    const before = (await tagRows()).length;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, n) => agent.post('/api/v1/tags', { name: n % 2 === 0 ? 'Carrera' : 'CARRERÁ' })));
    expect(answers.filter((answer) => answer.statusCode === 201)).toHaveLength(1);
    for (const refused of answers.filter((answer) => answer.statusCode !== 201)) {
      // The same answer as a name taken a moment earlier, in the agent's language (Spanish).
      const problem = expectProblem(refused, 400, 'validation_failed');
      expect(problem.errors).toEqual([{ field: 'name', code: 'taken', message: 'Ya está en uso.' }]);
    }
    expect((await tagRows()).length).toBe(before + 1);
  });
});

describe('the mailing export', () => {
  test('CSV with e-mail, name and company, within the portfolio, formulas neutralised', async () => {
    const tag = await newTag(agent, 'Correo masivo');
    const org = await t.account(agent, { name: '=HYPERLINK("http://evil")', emails: ['info@acme.example'] });
    const contact = await agent.post(`/api/v1/accounts/${org.id}/contacts`, { newPerson: { firstName: 'Lucía', lastName: 'Gómez', email: 'lucia@acme.example' } });
    expect(contact.statusCode).toBe(201);
    const personId = contact.json<{ person: { id: string } }>().person.id;
    const hiddenOrg = await t.account(other, { name: 'Oculta SL' });
    await admin.post(`/api/v1/accounts/${hiddenOrg.id}/contacts`, { otherId: personId });
    const hidden = await t.account(other, { name: 'Secreta SA', emails: ['secreto@example.com'] });
    for (const id of [org.id, personId]) expect((await agent.put(`/api/v1/accounts/${id}/tags/${tag.id}`)).statusCode).toBe(204);
    await other.put(`/api/v1/accounts/${hidden.id}/tags/${tag.id}`);

    const response = await agent.get(`/api/v1/tags/${tag.id}/export.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="correo-masivo.csv"');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const rows = csvRows(response.body);
    expect(rows).toEqual([
      ['Correo electrónico', 'Nombre', 'Empresa'],
      // By name: "=hyperlink…" sorts before "lucia…".
      ['info@acme.example', `'=HYPERLINK("http://evil")`, `'=HYPERLINK("http://evil")`],
      ['lucia@acme.example', 'Lucía Gómez', `'=HYPERLINK("http://evil")`],
    ]);
    expect(response.body).not.toMatch(/Secreta|secreto|Oculta/);
    // The other agent's export has only their own account.
    // The other agent reads English, so commas, unless they ask for semicolons.
    const theirs = csvRows((await other.get(`/api/v1/tags/${tag.id}/export.csv`)).body, ',');
    expect(theirs.slice(1)).toEqual([['secreto@example.com', 'Secreta SA', 'Secreta SA']]);
    expect(csvRows((await other.get(`/api/v1/tags/${tag.id}/export.csv?separator=semicolon`)).body)).toEqual(theirs);
    expectProblem(await other.get(`/api/v1/tags/${tag.id}/export.csv?separator=tab`), 400, 'validation_failed');
  });

  test('a full-width formula (＝＋－＠) is neutralised like its ASCII form', async () => {
    const tag = await newTag(agent, 'Ancho completo');
    const org = await t.account(agent, { name: "＝2+5+cmd|' /C calc'!A0" });
    expect((await agent.put(`/api/v1/accounts/${org.id}/tags/${tag.id}`)).statusCode).toBe(204);
    const rows = csvRows((await agent.get(`/api/v1/tags/${tag.id}/export.csv`)).body);
    expect(rows[1]).toEqual(['', "'＝2+5+cmd|' /C calc'!A0", "'＝2+5+cmd|' /C calc'!A0"]);
  });

  test('an unknown tag is 404', async () => {
    expectProblem(await agent.get('/api/v1/tags/01900000-0000-7000-8000-000000000000/export.csv'), 404, 'not_found');
  });
});
