import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, AccountListItem } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Contact } from '@contract/contacts';
import type { Import } from '@contract/imports';
import type { Tag } from '@contract/tags';
import { JobWorker } from '@server/jobs/worker';
import { expectOk, uniqueWord } from '@server/test/state';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

let t: TestApp;
let admin: Client;
let agent: Client;
let worker: JobWorker;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all', language: 'es', name: 'Admin Redonda' });
  agent = await t.user({ role: 'agent', scope: 'own', language: 'en', name: 'Agente Redondo' });
  worker = new JobWorker(t.db, t.dialect, { pollMs: 10 });
});

afterAll(async () => {
  await worker.stop();
  await t.close();
});

/**
 * Accounts of every kind and what the import takes: stages, e-mails, phones, tags, owners, people
 * linked to their companies with a position; names a spreadsheet would take for formulas.
 */
let seeds = 0;
async function seed(client: Client, word: string): Promise<void> {
  // Phones of their own, or a later test's rows would be duplicates of an earlier test's accounts.
  seeds += 1;
  const phone = (n: number) => `+34 6${String(seeds).padStart(2, '0')} ${String(n).padStart(3, '0')} 139`;
  const tags = [];
  for (const name of [`Feria ${word}`, `VIP ${word}`]) tags.push(expectOk<Tag>(await client.post('/api/v1/tags', { name }), 201));
  const acme = await t.account(client, { kind: 'organization', name: `Acme ${word}`, stage: 'customer', emails: [`info.${word}@acme.example`], phones: [phone(1)], notes: '=1+1 no es una fórmula' });
  const arroba = await t.account(client, { kind: 'organization', name: `@Arroba ${word}`, stage: 'prospect', ownerIds: [admin.user.id, agent.user.id] });
  const ana = expectOk<Contact>(await client.post(`/api/v1/accounts/${acme.id}/contacts`, {
    newPerson: { firstName: 'Ana', lastName: `López ${word}`, email: `ana.${word}@example.com`, phone: phone(2).replace(/ /g, '') }, position: 'Gerente',
  }), 201);
  const luis = expectOk<Contact>(await client.post(`/api/v1/accounts/${arroba.id}/contacts`, { newPerson: { firstName: 'Luis', lastName: `-Pérez ${word}`, phone: phone(3) } }), 201);
  for (const [account, tag] of [[acme.id, tags[0]], [ana.person.id, tags[0]], [ana.person.id, tags[1]]] as const) {
    expect((await client.put(`/api/v1/accounts/${account}/tags/${tag?.id ?? ''}`)).statusCode).toBe(204);
  }
  await t.account(client, { kind: 'person', firstName: '+Sola', lastName: word, stage: 'lead', emails: [`sola.${word}@example.com`] });
  expect(luis.person.id).toBeTruthy();
}

type Shape = {
  kind: string; name: string; stage: string; emails: string[]; phones: string[]; notes: string | null;
  tags: string[]; owners: string[]; organizations: string[];
};

/** The accounts a word finds, as a user sees them through the API (ids aside), by name. */
async function accountsOf(client: Client, word: string): Promise<Shape[]> {
  const list = expectOk<ListResponse<AccountListItem>>(await client.get(`/api/v1/accounts?q=${encodeURIComponent(word)}&limit=200`));
  const shapes: Shape[] = [];
  for (const item of list.items) {
    const account = expectOk<Account>(await client.get(`/api/v1/accounts/${item.id}`));
    const tags = expectOk<{ items: Tag[] }>(await client.get(`/api/v1/accounts/${item.id}/tags`)).items.map((tag) => tag.name).sort();
    const contacts = expectOk<{ items: Contact[] }>(await client.get(`/api/v1/accounts/${item.id}/contacts`)).items;
    shapes.push({
      kind: account.kind, name: account.name, stage: account.stage, emails: account.emails, phones: account.phones, notes: account.notes,
      tags, owners: account.owners.map((owner) => owner.name).sort(),
      organizations: account.kind === 'person' ? contacts.map((contact) => `${contact.organization.name} (${contact.position ?? ''})`).sort() : [],
    });
  }
  return shapes.sort((a, b) => a.name.localeCompare(b.name));
}

async function discardAll(client: Client, word: string): Promise<void> {
  const list = expectOk<ListResponse<AccountListItem>>(await client.get(`/api/v1/accounts?q=${encodeURIComponent(word)}&limit=200`));
  for (const item of list.items) expect((await client.delete(`/api/v1/accounts/${item.id}`)).statusCode).toBe(204);
  expect(expectOk<ListResponse<AccountListItem>>(await client.get(`/api/v1/accounts?q=${encodeURIComponent(word)}`)).total).toBe(0);
}

/** Uploads a file and runs it with the mapping the import proposed by itself. */
async function importFile(client: Client, fileName: string, body: Buffer): Promise<Import> {
  const uploaded = expectOk<Import>(await client.request('POST', `/api/v1/imports?fileName=${fileName}`, body, { 'content-type': 'application/octet-stream' }), 201);
  expectOk<Import>(await client.post(`/api/v1/imports/${uploaded.id}/run`, { mapping: uploaded.mapping, rules: uploaded.rules }));
  await worker.drain();
  return expectOk<Import>(await client.get(`/api/v1/imports/${uploaded.id}`));
}

const proposed = (imp: Import): Record<string, string | null> => Object.fromEntries(imp.headers.map((header, index) => [header, imp.mapping[index] ?? null]));

describe('an export read back by the import gives the same accounts', () => {
  test.each([
    { format: 'csv', who: 'admin', query: '' },
    { format: 'csv', who: 'agent', query: '' },
    { format: 'csv', who: 'admin', query: '&separator=comma' },
    { format: 'xlsx', who: 'admin', query: '' },
    { format: 'xlsx', who: 'agent', query: '' },
  ] as const)('$format of the $who $query', async ({ format, who, query }) => {
    const client = who === 'admin' ? admin : agent;
    const word = uniqueWord('rt');
    await seed(client, word);
    const before = await accountsOf(client, word);
    expect(before.map((account) => account.kind).sort()).toEqual(['organization', 'organization', 'person', 'person', 'person']);

    const exported = await client.get(`/api/v1/exports/accounts?format=${format}&q=${word}&sort=name${query}`);
    expect(exported.statusCode).toBe(200);
    await discardAll(client, word);
    const imp = await importFile(client, `export.${format}`, exported.rawPayload);

    const spanish = client.user.language === 'es';
    expect(proposed(imp)).toMatchObject(spanish
      ? { Tipo: 'kind', Nombre: 'name', 'Nombre de pila': 'firstName', Apellidos: 'lastName', Empresa: 'company', Cargo: 'position', 'Otras empresas': null, Etapa: 'stage', 'Correos electrónicos': 'email', Teléfonos: 'phone', Etiquetas: 'tags', Responsables: 'owners', Notas: 'notes', ID: null }
      : { Kind: 'kind', Name: 'name', 'First name': 'firstName', 'Last name': 'lastName', Company: 'company', Position: 'position', 'Other companies': null, Stage: 'stage', 'E-mails': 'email', Phones: 'phone', Tags: 'tags', Owners: 'owners', Notes: 'notes', ID: null });
    expect(imp).toMatchObject({ status: 'done', created: 5, updated: 0, skipped: 0, failed: 0 });
    expect(await accountsOf(client, word)).toEqual(before);
  });

  test('tags the vocabulary no longer has are created again', async () => {
    const word = uniqueWord('rtv');
    await seed(admin, word);
    const before = await accountsOf(admin, word);
    const exported = await admin.get(`/api/v1/exports/accounts?format=xlsx&q=${word}`);
    await discardAll(admin, word);
    const tags = expectOk<ListResponse<Tag>>(await admin.get(`/api/v1/tags?q=${encodeURIComponent(`Feria ${word}`)}`)).items;
    for (const tag of tags) expect((await admin.delete(`/api/v1/tags/${tag.id}`)).statusCode).toBe(204);
    expect(await importFile(admin, 'export.xlsx', exported.rawPayload)).toMatchObject({ created: 5, failed: 0 });
    expect(await accountsOf(admin, word)).toEqual(before);
  });
});

describe('a file that lists people before their companies', () => {
  test('the company row fills in the organization made for the person, across batches, and undo removes both', async () => {
    const word = uniqueWord('fwd');
    // The heading "Nombre" is the account's name in a file of both kinds; people carry theirs in the next two columns.
    const file = [
      'Tipo;Nombre;Nombre de pila;Apellidos;Empresa;Cargo;Etapa;Correos electrónicos',
      `Persona;;Ana;${word};Zeta ${word};Directora;Cliente;ana.${word}@example.com`,
      ...Array.from({ length: 520 }, (_, index) => `Persona;;Relleno${index};${word};;;Lead;`),
      `Organización;Zeta ${word};;;;;Cliente;hola.${word}@zeta.example`,
    ].join('\n');
    const imp = await importFile(admin, 'fwd.csv', Buffer.from(file));
    expect(imp).toMatchObject({ status: 'done', created: 522, updated: 0, failed: 0 });
    const zetas = expectOk<ListResponse<AccountListItem>>(await admin.get(`/api/v1/accounts?q=${encodeURIComponent(`Zeta ${word}`)}&kind=organization`)).items;
    expect(zetas).toHaveLength(1);
    const zeta = expectOk<Account>(await admin.get(`/api/v1/accounts/${zetas[0]?.id ?? ''}`));
    expect(zeta).toMatchObject({ stage: 'customer', emails: [`hola.${word}@zeta.example`] });
    const contacts = expectOk<{ items: Contact[] }>(await admin.get(`/api/v1/accounts/${zeta.id}/contacts`)).items;
    expect(contacts.map((contact) => [contact.person.name, contact.position])).toEqual([[`Ana ${word}`, 'Directora']]);

    expectOk<Import>(await admin.post(`/api/v1/imports/${imp.id}/undo`));
    await worker.drain();
    expect(expectOk<ListResponse<AccountListItem>>(await admin.get(`/api/v1/accounts?q=${word}`)).total).toBe(0);
  });
});
