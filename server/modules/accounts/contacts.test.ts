import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Contact } from '@contract/contacts';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { accountState, countRows, expectProblem } from '@server/test/state';

let t: TestApp;
let admin: Client;
let agent: Client;
let otherAgent: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all', name: 'Ana Admin' });
  agent = await t.user({ role: 'agent', scope: 'own', name: 'Pablo Agente' });
  otherAgent = await t.user({ role: 'agent', scope: 'own', name: 'Olga Otra' });
});

afterAll(async () => {
  await t.close();
});

const contactsOf = async (client: Client, id: string) => {
  const response = await client.get(`/api/v1/accounts/${id}/contacts`);
  expect(response.statusCode).toBe(200);
  return response.json<{ items: Contact[] }>().items;
};

const historyOf = async (client: Client, id: string) =>
  (await client.get(`/api/v1/accounts/${id}/timeline`)).json<ListResponse<TimelineEntry>>().items;

describe('adding contacts', () => {
  test('from the organization: an existing person, with position and area; both sides list it', async () => {
    const org = await t.account(agent, { kind: 'organization', name: 'Talleres Pérez' });
    const person = await t.account(agent, { kind: 'person', firstName: 'Lucía', lastName: 'Pérez', emails: ['lucia@talleres.example'], phones: ['+34 600 000 001'] });
    const response = await agent.post(`/api/v1/accounts/${org.id}/contacts`, { otherId: person.id, position: 'Gerente', area: 'Dirección' });
    expect(response.statusCode).toBe(201);
    const contact = response.json<Contact>();
    expect(contact).toMatchObject({
      position: 'Gerente', area: 'Dirección',
      person: { id: person.id, name: 'Lucía Pérez', email: 'lucia@talleres.example', phone: '+34 600 000 001' },
      organization: { id: org.id, name: 'Talleres Pérez' },
    });
    expect(await contactsOf(agent, org.id)).toEqual([contact]);
    expect(await contactsOf(agent, person.id)).toEqual([contact]);
  });

  test('from the organization: a new person, created in the same step and owned like the organization', async () => {
    const org = await t.account(admin, { kind: 'organization', name: 'Nueva Persona SA', ownerIds: [otherAgent.user.id] });
    const accounts = await countRows(t.db, 'accounts');
    const response = await agent.post(`/api/v1/accounts/${org.id}/contacts`, { newPerson: { firstName: 'Mario' } });
    // The agent does not see this organization at all.
    expectProblem(response, 404, 'not_found');
    expect(await countRows(t.db, 'accounts')).toBe(accounts);

    const own = await t.account(agent, { kind: 'organization', name: 'Propia SL', stage: 'customer' });
    const created = await agent.post(`/api/v1/accounts/${own.id}/contacts`, { newPerson: { firstName: 'Mario', lastName: 'Rossi', email: 'Mario@Propia.example', phone: '600 111 222' }, position: 'Compras' });
    expect(created.statusCode).toBe(201);
    const contact = created.json<Contact>();
    expect(contact.person).toMatchObject({ name: 'Mario Rossi', email: 'mario@propia.example' });
    const person = (await agent.get(`/api/v1/accounts/${contact.person.id}`)).json<Account>();
    expect(person).toMatchObject({ kind: 'person', firstName: 'Mario', lastName: 'Rossi', stage: 'customer', owners: [{ id: agent.user.id }] });
  });

  test('from the person: an existing organization and a new one', async () => {
    const person = await t.account(agent, { kind: 'person', firstName: 'Sara' });
    const org = await t.account(agent, { kind: 'organization', name: 'Existente' });
    expect((await agent.post(`/api/v1/accounts/${person.id}/contacts`, { otherId: org.id, position: 'Asesora' })).statusCode).toBe(201);
    const created = await agent.post(`/api/v1/accounts/${person.id}/contacts`, { newOrganization: { name: 'Recién Creada' } });
    expect(created.statusCode).toBe(201);
    const newOrg = created.json<Contact>().organization;
    expect((await agent.get(`/api/v1/accounts/${newOrg.id}`)).json<Account>()).toMatchObject({ kind: 'organization', name: 'Recién Creada' });
    expect((await contactsOf(agent, person.id)).map((c) => c.organization.name).sort()).toEqual(['Existente', 'Recién Creada']);
  });

  test('the wrong kind on the other side is 400 and nothing is created', async () => {
    const org = await t.account(agent, { kind: 'organization', name: 'Org Uno' });
    const org2 = await t.account(agent, { kind: 'organization', name: 'Org Dos' });
    const person = await t.account(agent, { kind: 'person', firstName: 'Persona' });
    const accounts = await countRows(t.db, 'accounts');
    const contacts = await countRows(t.db, 'contacts');
    const orgToOrg = expectProblem(await agent.post(`/api/v1/accounts/${org.id}/contacts`, { otherId: org2.id }), 400, 'validation_failed');
    expect(orgToOrg.errors).toEqual([{ field: 'otherId', code: 'wrong_kind', message: 'The account is not of the right kind.' }]);
    const newOrgOnOrg = expectProblem(await agent.post(`/api/v1/accounts/${org.id}/contacts`, { newOrganization: { name: 'X' } }), 400, 'validation_failed');
    expect(newOrgOnOrg.errors?.map((e) => [e.field, e.code])).toEqual([['newOrganization', 'wrong_kind']]);
    const newPersonOnPerson = expectProblem(await agent.post(`/api/v1/accounts/${person.id}/contacts`, { newPerson: { firstName: 'Y' } }), 400, 'validation_failed');
    expect(newPersonOnPerson.errors?.map((e) => [e.field, e.code])).toEqual([['newPerson', 'wrong_kind']]);
    const both = expectProblem(await agent.post(`/api/v1/accounts/${org.id}/contacts`, { otherId: person.id, newPerson: { firstName: 'Z' } }), 400, 'validation_failed');
    expect(both.errors?.map((e) => [e.field, e.code])).toEqual([['otherId', 'one_of']]);
    expect(await countRows(t.db, 'accounts')).toBe(accounts);
    expect(await countRows(t.db, 'contacts')).toBe(contacts);
  });

  test('another agent\'s person cannot be linked: it reads as an unknown account', async () => {
    const org = await t.account(agent, { kind: 'organization', name: 'Mía' });
    const hidden = await t.account(otherAgent, { kind: 'person', firstName: 'Oculta' });
    const problem = expectProblem(await agent.post(`/api/v1/accounts/${org.id}/contacts`, { otherId: hidden.id }), 400, 'validation_failed');
    expect(problem.errors?.map((e) => [e.field, e.code])).toEqual([['otherId', 'unknown_account']]);
    expect((await accountState(t.db, org.id)).contacts).toBe(0);
  });

  test('linking the same pair twice, from either side, is 409 contact_exists', async () => {
    const org = await t.account(agent, { kind: 'organization', name: 'Duplicada' });
    const person = await t.account(agent, { kind: 'person', firstName: 'Dupe' });
    expect((await agent.post(`/api/v1/accounts/${org.id}/contacts`, { otherId: person.id })).statusCode).toBe(201);
    const problem = expectProblem(await agent.post(`/api/v1/accounts/${org.id}/contacts`, { otherId: person.id, position: 'Otra' }), 409, 'contact_exists');
    expect(problem.detail).toBe('That person is already a contact of this organization.');
    expectProblem(await agent.post(`/api/v1/accounts/${person.id}/contacts`, { otherId: org.id }), 409, 'contact_exists');
    expect((await accountState(t.db, org.id)).contacts).toBe(1);
  });
});

describe('editing and removing contacts', () => {
  test('position and area change from either side; removal keeps both accounts; both histories record it all', async () => {
    const org = await t.account(agent, { kind: 'organization', name: 'Historial SA' });
    const person = await t.account(agent, { kind: 'person', firstName: 'Hugo' });
    const contact = (await agent.post(`/api/v1/accounts/${org.id}/contacts`, { otherId: person.id, position: 'Técnico' })).json<Contact>();

    const edited = await agent.patch(`/api/v1/accounts/${org.id}/contacts/${contact.id}`, { position: 'Jefe técnico', area: 'Taller' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<Contact>()).toMatchObject({ position: 'Jefe técnico', area: 'Taller' });
    const fromPerson = await agent.patch(`/api/v1/accounts/${person.id}/contacts/${contact.id}`, { area: '' });
    expect(fromPerson.json<Contact>()).toMatchObject({ position: 'Jefe técnico', area: null });

    expect((await agent.delete(`/api/v1/accounts/${org.id}/contacts/${contact.id}`)).statusCode).toBe(204);
    expect(await contactsOf(agent, org.id)).toEqual([]);
    expect(await contactsOf(agent, person.id)).toEqual([]);
    expect((await agent.get(`/api/v1/accounts/${person.id}`)).statusCode).toBe(200);
    expectProblem(await agent.delete(`/api/v1/accounts/${org.id}/contacts/${contact.id}`), 404, 'not_found');

    for (const id of [org.id, person.id]) {
      const entries = (await historyOf(agent, id)).filter((entry) => entry.entity === 'contact');
      expect(entries.map((entry) => entry.action)).toEqual(['contact_removed', 'contact_updated', 'contact_updated', 'contact_added']);
      expect(entries[2]?.changes).toEqual([
        { field: 'position', before: 'Técnico', after: 'Jefe técnico' },
        { field: 'area', before: null, after: 'Taller' },
      ]);
      expect(entries[3]?.changes).toEqual(expect.arrayContaining([{ field: 'person', before: null, after: 'Hugo' }]));
      expect(entries.every((entry) => entry.actor?.id === agent.user.id)).toBe(true);
    }
  });

  test('a contact id that belongs to another account is 404 and unchanged', async () => {
    const org = await t.account(agent, { kind: 'organization', name: 'Ajena' });
    const person = await t.account(agent, { kind: 'person', firstName: 'Ajeno' });
    const unrelated = await t.account(agent, { kind: 'organization', name: 'Sin relación' });
    const contact = (await agent.post(`/api/v1/accounts/${org.id}/contacts`, { otherId: person.id, position: 'A' })).json<Contact>();
    expectProblem(await agent.patch(`/api/v1/accounts/${unrelated.id}/contacts/${contact.id}`, { position: 'B' }), 404, 'not_found');
    expectProblem(await agent.delete(`/api/v1/accounts/${unrelated.id}/contacts/${contact.id}`), 404, 'not_found');
    expect((await contactsOf(agent, org.id)).map((c) => c.position)).toEqual(['A']);
  });
});

describe('contacts through the portfolio', () => {
  let org: Account;
  let hiddenPerson: Account;
  let visiblePerson: Account;
  let hiddenContact: Contact;

  beforeAll(async () => {
    org = await t.account(admin, { kind: 'organization', name: 'Compartida', ownerIds: [agent.user.id] });
    hiddenPerson = await t.account(admin, { kind: 'person', firstName: 'Secreta', lastName: 'Confidencial', ownerIds: [otherAgent.user.id] });
    visiblePerson = await t.account(admin, { kind: 'person', firstName: 'Pública', ownerIds: [agent.user.id] });
    hiddenContact = (await admin.post(`/api/v1/accounts/${org.id}/contacts`, { otherId: hiddenPerson.id, position: 'Espía' })).json<Contact>();
    expect((await admin.post(`/api/v1/accounts/${org.id}/contacts`, { otherId: visiblePerson.id })).statusCode).toBe(201);
  });

  test('a person outside the actor\'s portfolio does not appear in the organization\'s contacts', async () => {
    expect((await contactsOf(agent, org.id)).map((c) => c.person.id)).toEqual([visiblePerson.id]);
    expect((await contactsOf(admin, org.id)).map((c) => c.person.id).sort()).toEqual([hiddenPerson.id, visiblePerson.id].sort());
  });

  test('nor can the actor edit or remove that hidden contact', async () => {
    expectProblem(await agent.patch(`/api/v1/accounts/${org.id}/contacts/${hiddenContact.id}`, { position: 'Expuesta' }), 404, 'not_found');
    expectProblem(await agent.delete(`/api/v1/accounts/${org.id}/contacts/${hiddenContact.id}`), 404, 'not_found');
    const row = await t.db.selectFrom('contacts').select('position').where('id', '=', hiddenContact.id).executeTakeFirstOrThrow();
    expect(row.position).toBe('Espía');
  });

  test('nor does the organization\'s history give the hidden person away', async () => {
    const history = await agent.get(`/api/v1/accounts/${org.id}/timeline`);
    expect(history.statusCode).toBe(200);
    expect(history.body).not.toContain('Secreta');
    const page = history.json<ListResponse<TimelineEntry>>();
    expect(page.total).toBe(page.items.length);
    expect(page.items.filter((entry) => entry.action === 'contact_added')).toHaveLength(1);
    // The admin, who sees both, gets the whole story.
    expect((await admin.get(`/api/v1/accounts/${org.id}/timeline`)).body).toContain('Secreta');
  });

  test('a discarded person drops out of the organization\'s contacts, and comes back when restored', async () => {
    expect((await admin.delete(`/api/v1/accounts/${visiblePerson.id}`)).statusCode).toBe(204);
    expect(await contactsOf(agent, org.id)).toEqual([]);
    expect((await admin.post(`/api/v1/bin/accounts/${visiblePerson.id}/restore`)).statusCode).toBe(204);
    expect((await contactsOf(agent, org.id)).map((c) => c.person.id)).toEqual([visiblePerson.id]);
  });
});
