import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TimelineEntry } from '@contract/accounts';
import type { Activity } from '@contract/activities';
import type { Agreement, AgreementCard } from '@contract/agreements';
import type { ListResponse } from '@contract/common';
import type { AccountDocument } from '@contract/documents';
import type { Project } from '@contract/projects';
import { multipartFile } from '@server/test/multipart';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';

let t: TestApp;
let admin: Client;
let agent: Client;
let colleague: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own', language: 'es' });
  colleague = await t.user({ role: 'agent', scope: 'own', language: 'en' });
});

afterAll(async () => t.close());

const create = async (client: Client, body: object) => expectOk<Agreement>(await client.post('/api/v1/agreements', body), 201);
const count = async () => Number((await t.db.selectFrom('agreements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const move = (client: Client, agreement: Agreement, body: object) => client.post(`/api/v1/agreements/${agreement.id}/status`, { version: agreement.version, ...body });
const row = (id: string) => t.db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('agreements', () => {
  test('created on an organization inside one of its projects, with a type, dates, a value and an owner; read back whole; the history tells it', async () => {
    const organization = await t.account(agent, { name: uniqueWord('Astilleros '), ownerIds: [agent.user.id, colleague.user.id] });
    const project = expectOk<Project>(await agent.post('/api/v1/projects', { organizationId: organization.id, name: 'Puesta en marcha' }), 201);
    const created = await create(agent, {
      organizationId: organization.id, projectId: project.id, title: 'Cooperación general', type: 'general_cooperation', reference: 'AC-2027-01',
      startOn: '2027-01-01', endOn: '2027-12-31', value: { amount: 1_200_000, currency: 'eur' }, ownerId: colleague.user.id,
    });
    expect(created).toMatchObject({
      title: 'Cooperación general', type: 'general_cooperation', reference: 'AC-2027-01', status: 'draft', language: 'es',
      organization: { id: organization.id, name: organization.name }, project: { id: project.id, name: 'Puesta en marcha' },
      owner: { id: colleague.user.id }, startOn: '2027-01-01', endOn: '2027-12-31', value: { amount: 1_200_000, currency: 'EUR' },
      document: null, customerSignature: null, companySignature: null, createdBy: { id: agent.user.id }, version: 1,
    });
    expect(expectOk<Agreement>(await agent.get(`/api/v1/agreements/${created.id}`))).toEqual(created);
    const timeline = expectOk<ListResponse<TimelineEntry>>(await agent.get(`/api/v1/accounts/${organization.id}/timeline`));
    expect(timeline.items).toContainEqual(expect.objectContaining({ entity: 'agreement', entityId: created.id, action: 'agreement_created' }));
    const inProject = expectOk<ListResponse<AgreementCard>>(await agent.get(`/api/v1/agreements?projectId=${project.id}`));
    expect(inProject.items.map((item) => item.id)).toEqual([created.id]);
  });

  test('bad input is refused field by field, translated, and creates nothing', async () => {
    const organization = await t.account(agent, { name: uniqueWord('Errores ') });
    const other = await t.account(agent, { name: uniqueWord('Otra ') });
    const foreignProject = expectOk<Project>(await agent.post('/api/v1/projects', { organizationId: other.id, name: 'Ajeno' }), 201);
    const person = await t.account(agent, { kind: 'person', firstName: 'Persona', lastName: uniqueWord('P') });
    const before = await count();
    const base = { organizationId: organization.id, title: 'X' };
    const cases: Array<[object, string, string]> = [
      [{ ...base, title: '' }, 'title', 'required'],
      [{ ...base, type: 'lease' }, 'type', 'unknown_list_item'],
      [{ ...base, startOn: '2027-02-01', endOn: '2027-01-01' }, 'endOn', 'end_before_start'],
      [{ ...base, renewalRemindOn: '01/12/2027' }, 'renewalRemindOn', 'invalid_format'],
      [{ ...base, value: { amount: 10.5, currency: 'EUR' } }, 'value.amount', 'invalid_type'],
      [{ ...base, value: { amount: 100, currency: 'XYZ' } }, 'value.currency', 'unknown_currency'],
      [{ ...base, ownerId: '0190a000-0000-7000-8000-000000000000' }, 'ownerId', 'unknown_user'],
      [{ ...base, projectId: foreignProject.id }, 'projectId', 'not_of_organization'],
      [{ ...base, documentId: '0190a000-0000-7000-8000-000000000000' }, 'documentId', 'not_of_organization'],
      [{ ...base, language: 'fr' }, 'language', 'invalid_value'],
      [{ ...base, organizationId: person.id }, 'organizationId', 'wrong_kind'],
      [{ ...base, secret: 1 }, 'secret', 'unknown_field'],
    ];
    for (const [body, field, code] of cases) {
      const problem = expectProblem(await agent.request('POST', '/api/v1/agreements', body, { 'accept-language': 'es' }), 400, 'validation_failed');
      expect(problem.errors, JSON.stringify(body)).toContainEqual(expect.objectContaining({ field, code }));
      expect(problem.errors?.every((error) => error.message.length > 0 && !/[{}]/.test(error.message))).toBe(true);
    }
    // An owner who cannot see the organization: refused unless made an owner of it.
    expectProblem(await agent.post('/api/v1/agreements', { ...base, ownerId: colleague.user.id }), 422, 'assignee_cannot_see_account');
    expect(await count()).toBe(before);
    const made = await create(agent, { ...base, ownerId: colleague.user.id, addAssigneeAsOwner: true });
    expect(made.owner).toEqual({ id: colleague.user.id, name: colleague.user.name });
  });

  test('edits carry the version: a stale one gets 412 and changes nothing; what was agreed is fixed once sent, owner and reminder are not', async () => {
    const organization = await t.account(agent, { name: uniqueWord('Versiones ') });
    const agreement = await create(agent, { organizationId: organization.id, title: 'Versión', value: { amount: 100, currency: 'PEN' } });
    const edited = expectOk<Agreement>(await agent.patch(`/api/v1/agreements/${agreement.id}`, { version: 1, type: 'nda', endOn: '2027-06-30', value: null }));
    expect(edited).toMatchObject({ type: 'nda', endOn: '2027-06-30', value: null, version: 2 });
    expectProblem(await agent.patch(`/api/v1/agreements/${agreement.id}`, { version: 1, title: 'Pisado' }), 412, 'stale_version');
    expectProblem(await agent.patch(`/api/v1/agreements/${agreement.id}`, { version: 2, startOn: '2027-07-01' }), 400, 'validation_failed');
    expect(expectOk<Agreement>(await agent.get(`/api/v1/agreements/${agreement.id}`))).toMatchObject({ title: 'Versión', version: 2, startOn: null });
    const history = expectOk<ListResponse<TimelineEntry>>(await agent.get(`/api/v1/agreements/${agreement.id}/history`));
    expect(history.items.map((entry) => entry.action)).toEqual(['agreement_updated', 'agreement_created']);
    expect(history.items[0]?.changes).toContainEqual({ field: 'type', before: null, after: 'nda' });

    // Sent (as sending would leave it): the title is fixed, the reminder date is not.
    await t.db.updateTable('agreements').set({ status: 'sent' }).where('id', '=', agreement.id).execute();
    expectProblem(await agent.patch(`/api/v1/agreements/${agreement.id}`, { version: 2, title: 'Cambiado' }), 409, 'agreement_not_draft');
    expect((await row(agreement.id)).title).toBe('Versión');
    expect(expectOk<Agreement>(await agent.patch(`/api/v1/agreements/${agreement.id}`, { version: 2, renewalRemindOn: '2027-05-01' }))).toMatchObject({ renewalRemindOn: '2027-05-01', version: 3 });
  });

  test('the status moves only as the table allows, each signature dated; a refused move is 409 and changes nothing', async () => {
    const organization = await t.account(agent, { name: uniqueWord('Firmas ') });
    const draft = await create(agent, { organizationId: organization.id, title: 'Marco', type: 'framework' });
    for (const status of ['signed_by_customer', 'signed_by_both', 'expired', 'draft']) {
      expectProblem(await move(agent, draft, { status }), 409, 'agreement_invalid_transition');
    }
    expectProblem(await move(agent, draft, { status: 'sent' }), 400, 'validation_failed');
    expect((await row(draft.id)).version).toBe(1);

    await t.db.updateTable('agreements').set({ status: 'sent' }).where('id', '=', draft.id).execute();
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(expectProblem(await move(agent, draft, { status: 'signed_by_customer', on: future }), 400, 'validation_failed').errors).toContainEqual(expect.objectContaining({ field: 'on', code: 'in_future' }));
    const customer = expectOk<Agreement>(await move(agent, draft, { status: 'signed_by_customer', on: '2026-12-01', name: 'Rosa Prieto' }));
    expect(customer).toMatchObject({ status: 'signed_by_customer', customerSignedOn: '2026-12-01', customerSignature: { on: '2026-12-01', name: 'Rosa Prieto', ip: null } });
    expectProblem(await move(agent, customer, { status: 'draft' }), 409, 'agreement_invalid_transition');
    const both = expectOk<Agreement>(await move(agent, customer, { status: 'signed_by_both', on: '2026-12-02' }));
    expect(both).toMatchObject({ status: 'signed_by_both', companySignedOn: '2026-12-02', companySignature: { on: '2026-12-02', by: { id: agent.user.id } } });
    const ended = expectOk<Agreement>(await move(agent, both, { status: 'terminated' }));
    expect(ended).toMatchObject({ status: 'terminated', closedOn: new Date().toISOString().slice(0, 10) });
    expectProblem(await move(agent, ended, { status: 'expired' }), 409, 'agreement_invalid_transition');
    const history = expectOk<ListResponse<TimelineEntry>>(await agent.get(`/api/v1/agreements/${draft.id}/history`));
    expect(history.items.map((entry) => entry.action).slice(0, 3)).toEqual(['agreement_terminated', 'agreement_countersigned', 'agreement_customer_signed']);
  });

  test('a renewal reminder date becomes a task of the owner with a reminder, follows the agreement, and is cancelled when it ends', async () => {
    const organization = await t.account(agent, { name: uniqueWord('Renovación '), ownerIds: [agent.user.id, colleague.user.id] });
    const agreement = await create(agent, { organizationId: organization.id, title: 'Servicio anual', type: 'service', renewalRemindOn: '2027-11-01' });
    const task = async (id: string | null) => expectOk<Activity>(await admin.get(`/api/v1/activities/${id ?? 'none'}`));
    const first = await task(agreement.reminderActivityId);
    expect(first).toMatchObject({ type: 'task', status: 'scheduled', subject: 'Renovar el acuerdo: Servicio anual', startAt: '2027-11-01T09:00:00.000Z', remindAt: '2027-11-01T09:00:00.000Z', responsible: { id: agent.user.id } });
    // Handed to a colleague, with another date: the same task moves, in the new owner's language.
    const moved = expectOk<Agreement>(await agent.patch(`/api/v1/agreements/${agreement.id}`, { version: agreement.version, ownerId: colleague.user.id, renewalRemindOn: '2027-10-15' }));
    expect(moved.reminderActivityId).toBe(agreement.reminderActivityId);
    expect(await task(moved.reminderActivityId)).toMatchObject({ subject: 'Renew the agreement: Servicio anual', startAt: '2027-10-15T09:00:00.000Z', responsible: { id: colleague.user.id }, version: 2 });
    const tasks = expectOk<ListResponse<Activity>>(await colleague.get(`/api/v1/activities?accountId=${organization.id}&type=task`));
    expect(tasks.items.map((item) => item.id)).toEqual([agreement.reminderActivityId]);
    // Cleared: cancelled. Set again: a new task.
    const cleared = expectOk<Agreement>(await agent.patch(`/api/v1/agreements/${agreement.id}`, { version: moved.version, renewalRemindOn: null }));
    expect(await task(cleared.reminderActivityId)).toMatchObject({ status: 'cancelled' });
    const again = expectOk<Agreement>(await agent.patch(`/api/v1/agreements/${agreement.id}`, { version: cleared.version, renewalRemindOn: '2027-09-01' }));
    expect(again.reminderActivityId).not.toBe(agreement.reminderActivityId);
    expect(await task(again.reminderActivityId)).toMatchObject({ status: 'scheduled', startAt: '2027-09-01T09:00:00.000Z' });
    const terminated = expectOk<Agreement>(await move(agent, again, { status: 'terminated' }));
    expect(await task(terminated.reminderActivityId)).toMatchObject({ status: 'cancelled' });
    const history = expectOk<ListResponse<TimelineEntry>>(await agent.get(`/api/v1/agreements/${agreement.id}/history?limit=50`));
    expect(history.items.filter((entry) => entry.entity === 'activity').map((entry) => entry.action)).toEqual(
      ['activity_cancelled', 'activity_created', 'activity_cancelled', 'activity_updated', 'activity_created'],
    );
  });

  test('an uploaded document of the organization becomes its document', async () => {
    const organization = await t.account(agent, { name: uniqueWord('Documento ') });
    const { body, headers } = multipartFile('acuerdo-firmado.pdf', '%PDF-1.4\n%%EOF\n');
    const document = expectOk<AccountDocument>(await agent.request('POST', `/api/v1/accounts/${organization.id}/documents`, body, headers), 201);
    const agreement = await create(agent, { organizationId: organization.id, title: 'Subido', documentId: document.id });
    expect(agreement.document).toMatchObject({ id: document.id, name: 'acuerdo-firmado.pdf', downloadUrl: document.downloadUrl });
    expect((await agent.get(agreement.document?.downloadUrl ?? '')).statusCode).toBe(200);
    // Deleting the document from the organization leaves the agreement without one.
    expect((await agent.delete(`/api/v1/accounts/${organization.id}/documents/${document.id}`)).statusCode).toBe(204);
    expect(expectOk<Agreement>(await agent.get(`/api/v1/agreements/${agreement.id}`)).document).toBeNull();
  });

  test('the list: filters by status, unsigned, type, organization, owner and text, sorts by title, pages by keyset with the total kept', async () => {
    const organization = await t.account(admin, { name: uniqueWord('Listado ') });
    const word = uniqueWord('lista');
    const made: Agreement[] = [];
    for (const [index, type] of (['nda', 'nda', 'service', 'nda', 'framework'] as const).entries()) {
      made.push(await create(admin, { organizationId: organization.id, title: `${word} ${String.fromCharCode(69 - index)}`, type, ownerId: index === 0 ? colleague.user.id : admin.user.id, addAssigneeAsOwner: true }));
    }
    await t.db.updateTable('agreements').set({ status: 'sent' }).where('id', 'in', [made[0]?.id ?? '', made[2]?.id ?? '']).execute();
    await t.db.updateTable('agreements').set({ status: 'signed_by_customer' }).where('id', '=', made[3]?.id ?? '').execute();
    const page1 = expectOk<ListResponse<AgreementCard>>(await admin.get(`/api/v1/agreements?q=${word}&type=nda&sort=title&limit=2`));
    expect(page1.total).toBe(3);
    expect(page1.items.map((item) => item.title)).toEqual([`${word} B`, `${word} D`]);
    const page2 = expectOk<ListResponse<AgreementCard>>(await admin.get(`/api/v1/agreements?q=${word}&type=nda&sort=title&limit=2&cursor=${page1.nextCursor ?? ''}`));
    expect(page2).toMatchObject({ total: 3, nextCursor: null });
    expect(page2.items.map((item) => item.title)).toEqual([`${word} E`]);
    expect(expectOk<ListResponse<AgreementCard>>(await admin.get(`/api/v1/agreements?organizationId=${organization.id}&unsigned=true`)).total).toBe(3);
    expect(expectOk<ListResponse<AgreementCard>>(await admin.get(`/api/v1/agreements?organizationId=${organization.id}&status=sent`)).total).toBe(2);
    expect(expectOk<ListResponse<AgreementCard>>(await admin.get(`/api/v1/agreements?organizationId=${organization.id}&ownerId=${colleague.user.id}`)).items.map((item) => item.title)).toEqual([`${word} E`]);
    expectProblem(await admin.get('/api/v1/agreements?sort=value'), 400, 'validation_failed');
    expectProblem(await admin.get('/api/v1/agreements?unsigned=yes'), 400, 'validation_failed');
  });

  test('exports the list as CSV and XLSX in the reader\'s language', async () => {
    const organization = await t.account(agent, { name: uniqueWord('Exporta ') });
    const agreement = await create(agent, { organizationId: organization.id, title: uniqueWord('Exportado '), type: 'nda', value: { amount: 123_450, currency: 'EUR' } });
    const csv = await colleague.get(`/api/v1/exports/agreements?format=csv&q=${encodeURIComponent(agreement.title)}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain(agreement.id);
    // The agent speaks Spanish: Spanish headings, labels and separator.
    const mine = await agent.get(`/api/v1/exports/agreements?format=csv&q=${encodeURIComponent(agreement.title)}`);
    expect(mine.body).toContain('Título;Referencia;Tipo;Organización');
    expect(mine.body).toContain(`${agreement.title};;Acuerdo de confidencialidad;${organization.name};;Borrador`);
    expect(mine.body).toContain('1234.50;EUR');
    const xlsx = await agent.get(`/api/v1/exports/agreements?format=xlsx&q=${encodeURIComponent(agreement.title)}`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const ticked = await agent.post('/api/v1/exports/agreements', { format: 'csv', ids: [agreement.id] });
    expect(ticked.body).toContain(agreement.id);
  });

  test('a discarded organization takes its agreements out of every list, and back when restored', async () => {
    const organization = await t.account(admin, { name: uniqueWord('Papelera ') });
    const agreement = await create(admin, { organizationId: organization.id, title: uniqueWord('Descartado ') });
    const listed = async () => expectOk<ListResponse<AgreementCard>>(await admin.get(`/api/v1/agreements?q=${encodeURIComponent(agreement.title)}`)).total;
    expect(await listed()).toBe(1);
    expect((await admin.delete(`/api/v1/accounts/${organization.id}`)).statusCode).toBe(204);
    expect(await listed()).toBe(0);
    expectProblem(await admin.get(`/api/v1/agreements/${agreement.id}`), 404, 'not_found');
    expect((await admin.post(`/api/v1/bin/accounts/${organization.id}/restore`, {})).statusCode).toBe(204);
    expect(await listed()).toBe(1);
  });
});
