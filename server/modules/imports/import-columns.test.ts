import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, AccountListItem } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Import, ImportPreview } from '@contract/imports';
import type { Tag } from '@contract/tags';
import { JobWorker } from '@server/jobs/worker';
import { expectOk, uniqueWord } from '@server/test/state';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

/** The columns an import reads besides an account's own fields: kind, tags and owners; and cells guarded against formulas. */

let t: TestApp;
let admin: Client;
let agent: Client;
let worker: JobWorker;
let word: string;

beforeAll(async () => {
  t = await testApp();
  word = uniqueWord('col');
  admin = await t.user({ role: 'admin', scope: 'all', name: `Admin ${word}` });
  agent = await t.user({ role: 'agent', scope: 'own', name: `Agente ${word}` });
  // Two users share a name: naming them is ambiguous, their e-mails are not.
  await t.user({ role: 'agent', scope: 'own', name: `Gemelo ${word}`, email: `gemelo1.${word}@example.com` });
  await t.user({ role: 'agent', scope: 'own', name: `Gemelo ${word}`, email: `gemelo2.${word}@example.com` });
  worker = new JobWorker(t.db, t.dialect, { pollMs: 10 });
});

afterAll(async () => {
  await worker.stop();
  await t.close();
});

async function upload(client: Client, csv: string, kind: 'person' | 'organization' = 'person'): Promise<Import> {
  return expectOk<Import>(await client.request('POST', `/api/v1/imports?fileName=x.csv&kind=${kind}`, Buffer.from(csv), { 'content-type': 'application/octet-stream' }), 201);
}

async function run(client: Client, imp: Import, rules: Partial<Import['rules']> = {}): Promise<Import> {
  expectOk<Import>(await client.post(`/api/v1/imports/${imp.id}/run`, { mapping: imp.mapping, rules: { ...imp.rules, ...rules } }));
  await worker.drain();
  return expectOk<Import>(await client.get(`/api/v1/imports/${imp.id}`));
}

async function find(client: Client, q: string): Promise<Account[]> {
  const items = expectOk<ListResponse<AccountListItem>>(await client.get(`/api/v1/accounts?q=${encodeURIComponent(q)}&limit=200`)).items;
  return Promise.all(items.map(async (item) => expectOk<Account>(await client.get(`/api/v1/accounts/${item.id}`))));
}

const tagsOf = async (client: Client, id: string): Promise<string[]> =>
  expectOk<{ items: Tag[] }>(await client.get(`/api/v1/accounts/${id}/tags`)).items.map((tag) => tag.name).sort();

describe('a kind column', () => {
  test('lets one file hold organizations and people; a kind it does not know is that row\'s error', async () => {
    const w = uniqueWord('k');
    const imp = await upload(admin, `Tipo,Nombre,Apellidos,Empresa\nEmpresa,Uno ${w},,\nPersona,Ana,${w},Uno ${w}\nMarciano,Zork ${w},,\n`);
    expect(imp.mapping).toEqual(['kind', 'name', 'lastName', 'company']);
    const preview = expectOk<ImportPreview>(await admin.post(`/api/v1/imports/${imp.id}/preview`, { mapping: imp.mapping, rules: imp.rules }));
    expect(preview.rows.map((row) => row.errors.map((error) => `${error.field}:${error.column ?? ''}:${error.message}`))).toEqual([
      [], [], ['kind:Tipo:Not an available option of the list.'],
    ]);
    expect(await run(admin, imp)).toMatchObject({ created: 2, failed: 1 });
    const found = await find(admin, w);
    expect(found.map((account) => [account.kind, account.name]).sort()).toEqual([['organization', `Uno ${w}`], ['person', `Ana ${w}`]]);
  });
});

describe('a tags column', () => {
  test('puts existing tags (ignoring case) and new ones on each row; undo takes off only what it added', async () => {
    const w = uniqueWord('t');
    const existing = expectOk<Tag>(await admin.post('/api/v1/tags', { name: `Feria ${w}` }), 201);
    const kept = await t.account(admin, { kind: 'person', firstName: 'Eva', lastName: w, emails: [`eva.${w}@example.com`] });
    expect((await admin.put(`/api/v1/accounts/${kept.id}/tags/${existing.id}`)).statusCode).toBe(204);
    const csv = `email,first name,last name,etiquetas\neva.${w}@example.com,Eva,${w},FERIA ${w}; Nueva ${w}\nleo.${w}@example.com,Leo,${w},"Madrid, Centro ${w};; nueva ${w}"\n`;
    const imp = await upload(admin, csv);
    expect(imp.mapping).toEqual(['email', 'firstName', 'lastName', 'tags']);
    expect(await run(admin, imp, { duplicates: 'update' })).toMatchObject({ created: 1, updated: 1, failed: 0 });
    const [eva, leo] = [kept.id, (await find(admin, `leo.${w}`))[0]?.id ?? ''];
    expect(await tagsOf(admin, eva)).toEqual([`Feria ${w}`, `Nueva ${w}`]);
    expect(await tagsOf(admin, leo)).toEqual([`Madrid, Centro ${w}`, `Nueva ${w}`]);
    // The new tags exist once each, with their history, and anyone can use them.
    expect(expectOk<ListResponse<Tag>>(await agent.get(`/api/v1/tags?q=${encodeURIComponent(`nueva ${w}`)}`)).items.map((tag) => tag.name)).toEqual([`Nueva ${w}`]);
    const created = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'tag').where('changes', 'like', `%Nueva ${w}%`).execute();
    expect(created.map((row) => row.action)).toEqual(['created']);

    expectOk<Import>(await admin.post(`/api/v1/imports/${imp.id}/undo`));
    await worker.drain();
    expect(await tagsOf(admin, eva)).toEqual([`Feria ${w}`]);
    expect(await find(admin, `leo.${w}`)).toEqual([]);
  });

  test('a tag name longer than a tag may be fails the row, translated', async () => {
    const imp = await upload(admin, `email,etiquetas\nx.${uniqueWord('t')}@example.com,${'x'.repeat(61)}\n`);
    const preview = expectOk<ImportPreview>(await admin.post(`/api/v1/imports/${imp.id}/preview`, { mapping: [...imp.mapping.slice(0, 1), 'tags'], rules: imp.rules }));
    expect(preview.rows[0]?.errors.map((error) => `${error.field}:${error.code}`)).toEqual(['tags:too_long', 'firstName:required']);
  });
});

describe('an owners column', () => {
  test('names owners by name or e-mail; an ambiguous or unknown one fails its row; an agent stays an owner', async () => {
    const w = uniqueWord('o');
    const csv = [
      'nombre,apellidos,responsables',
      `Uno,${w},Admin ${word}; AGENTE ${word}`,
      `Dos,${w},gemelo2.${word}@example.com`,
      `Tres,${w},Gemelo ${word}`,
      `Cuatro,${w},Nadie ${w}`,
      `Cinco,${w},`,
    ].join('\n');
    const imp = await upload(agent, csv);
    expect(imp.mapping).toEqual(['firstName', 'lastName', 'owners']);
    const preview = expectOk<ImportPreview>(await agent.post(`/api/v1/imports/${imp.id}/preview`, { mapping: imp.mapping, rules: imp.rules }));
    expect(preview.rows.map((row) => row.errors.map((error) => error.message))).toEqual([
      [], [], ['Several users have that name: give their e-mail instead.'], ['Unknown or inactive user.'], [],
    ]);
    expect(await run(agent, imp)).toMatchObject({ created: 3, failed: 2 });
    const owners = Object.fromEntries((await find(admin, w)).map((account) => [account.firstName ?? '', account.owners.map((owner) => owner.name).sort()]));
    expect(owners).toEqual({
      Uno: [`Admin ${word}`, `Agente ${word}`],
      // Named someone else: the agent who imports stays an owner, or they would lose the account.
      Dos: [`Agente ${word}`, `Gemelo ${word}`],
      Cinco: [`Agente ${word}`],
    });
  });
});

describe('cells a careful exporter guarded against formulas', () => {
  test("read as the text they guarded: '+34… is a phone, ''=x is '=x", async () => {
    const w = uniqueWord('g');
    const imp = await upload(admin, `nombre,apellidos,telefono,notas\n'=Ana,${w},'+34 611 222 333,''=1+1\n`);
    expect(await run(admin, imp)).toMatchObject({ created: 1, failed: 0 });
    const [ana] = await find(admin, w);
    expect(ana).toMatchObject({ firstName: '=Ana', phones: ['+34 611 222 333'], notes: "'=1+1" });
  });
});
