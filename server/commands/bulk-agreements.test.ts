import fs from 'node:fs';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { Account, AccountListItem } from '@contract/accounts';
import type { AgreementBulkRow } from '@contract/agreement-bulk';
import type { AgreementTemplate } from '@contract/agreement-templates';
import type { ListResponse } from '@contract/common';
import type { Job } from '@contract/imports';
import { jobHandlers } from '@server/jobs/job-kinds';
import { requeueJob } from '@server/jobs/jobs.repo';
import { JobWorker } from '@server/jobs/worker';
import { MailSender } from '@server/modules/mail/mail-sender';
import { checkpointSpy } from '@server/test/job-spy';
import { startSmtpSink, type SmtpSink } from '@server/test/smtp-sink';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { accountState, expectOk, expectProblem, uniqueWord } from '@server/test/state';

const kind = 'agreements.bulk_send';

let t: TestApp;
let sink: SmtpSink;
let sender: MailSender;
let worker: JobWorker;
let admin: Client;
let agent: Client;
let other: Client;
let templateId: string;
/** The agent's companies with an address, the one without, a person of theirs, and another agent's company. */
let mine: Account[];
let noAddress: Account;
let person: Account;
let theirs: Account;

const storedFiles = () => (fs.existsSync(t.filesDir) ? fs.readdirSync(t.filesDir, { recursive: true }).filter((entry) => fs.statSync(path.join(t.filesDir, String(entry))).isFile()).length : 0);
const agreementsOf = (organizationId: string) =>
  t.db.selectFrom('agreements').select(['id', 'title', 'status', 'type', 'owner_id', 'language', 'document_id', 'template_id', 'sent_at']).where('organization_id', '=', organizationId).execute();
/** Files that rows name: documents, and the copies of them the outbox keeps with its messages. */
const namedFiles = async () => {
  const documents = await t.db.selectFrom('documents').select('id').execute();
  const messages = await t.db.selectFrom('email_messages').select('attachments').execute();
  return documents.length + messages.reduce((sum, message) => sum + z.array(z.unknown()).parse(JSON.parse(message.attachments)).length, 0);
};
const outbox = async (accountId: string) => (await t.db.selectFrom('email_messages').select('id').where('account_id', '=', accountId).execute()).length;

/** Everything a refused or skipped company must keep as it was: the account, its agreements, documents, e-mails and history. */
async function untouched(account: Account) {
  const audit = await t.db.selectFrom('audit_log').select('id').where('account_id', '=', account.id).execute();
  const documents = await t.db.selectFrom('documents').select('id').where('account_id', '=', account.id).execute();
  return { account: await accountState(t.db, account.id), agreements: (await agreementsOf(account.id)).length, documents: documents.length, mails: await outbox(account.id), audit: audit.length };
}

async function start(client: Client, body: object): Promise<{ jobId: string; total: number }> {
  return expectOk<{ jobId: string; total: number }>(await client.post('/api/v1/agreements/bulk', { templateId, title: 'Cooperación 2027', type: 'general_cooperation', ...body }), 202);
}

async function finished(client: Client, jobId: string): Promise<Job> {
  await worker.drain();
  return expectOk<Job>(await client.get(`/api/v1/jobs/${jobId}`));
}

const report = async (client: Client, jobId: string, query = '') => expectOk<ListResponse<AgreementBulkRow>>(await client.get(`/api/v1/agreements/bulk/${jobId}/rows${query}`));

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await testApp();
  worker = new JobWorker(t.db, t.dialect, { pollMs: 10 });
  sender = new MailSender({ db: t.db, storage: t.app.storage, config: t.app.config }, { backoffMs: 200, connectionPauseMs: 0 });
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own', name: 'Marta Lote', language: 'es' });
  other = await t.user({ role: 'agent', scope: 'own' });
  mine = [
    await t.account(agent, { name: 'Lote Alfa SL', emails: ['compras@alfa.example', 'otra@alfa.example'], taxId: 'B12345674' }),
    await t.account(agent, { name: 'Lote Beta SA', emails: ['hola@beta.example'] }),
    await t.account(agent, { name: 'Lote Gamma SL', emails: ['gamma@gamma.example'] }),
  ];
  noAddress = await t.account(agent, { name: 'Lote Sin Correo SL' });
  person = await t.account(agent, { kind: 'person', firstName: 'Lote', lastName: 'Persona', emails: ['persona@lote.example'] });
  theirs = await t.account(other, { name: 'Lote Ajeno SA', emails: ['ajeno@ajeno.example'] });
  templateId = expectOk<{ items: AgreementTemplate[] }>(await agent.get('/api/v1/agreement-templates')).items.find((template) => template.language === 'es')?.id ?? '';
  const settings = expectOk<{ version: number }>(await admin.get('/api/v1/quote-settings'));
  expectOk(await admin.put('/api/v1/quote-settings', { version: settings.version, companyName: 'Instalaciones Peñalara S.L.' }));
});
afterAll(async () => {
  await worker.stop();
  await sender.stop();
  await t.close();
  await sink.close();
});

describe('before SMTP is set up', () => {
  test('starting is refused, nothing queued', async () => {
    const jobs = await t.db.selectFrom('jobs').select('id').execute();
    expectProblem(await agent.post('/api/v1/agreements/bulk', { selection: { ids: [mine[0]?.id] }, templateId, title: 'X' }), 409, 'mail_not_configured');
    expect(await t.db.selectFrom('jobs').select('id').execute()).toEqual(jobs);
  });
});

describe('send agreement from template to the selection', () => {
  let jobId = '';

  beforeAll(async () => {
    expectOk(await admin.put('/api/v1/settings/mail', { version: 0, host: '127.0.0.1', port: sink.port, tlsMode: 'none', fromAddress: 'ventas@cartera.example', fromName: 'Ventas', ratePerMinute: 1000 }));
  });

  test('each ticked company the agent sees gets one agreement, generated and sent to its first address; people and others\' companies are left out, those without an address reported', async () => {
    const before = await untouched(theirs);
    const personBefore = await untouched(person);
    const started = await start(agent, { selection: { ids: [...mine.map((account) => account.id), noAddress.id, person.id, theirs.id] } });
    jobId = started.jobId;
    expect(started.total).toBe(4);
    const job = await finished(agent, jobId);
    expect(job).toMatchObject({ status: 'done', progressDone: 4, progressTotal: 4, result: { sent: 3, noEmail: 1, failed: 0 } });

    for (const account of mine) {
      const [agreement, ...more] = await agreementsOf(account.id);
      expect(more).toEqual([]);
      expect(agreement).toMatchObject({ title: 'Cooperación 2027', status: 'sent', type: 'general_cooperation', owner_id: agent.user.id, language: 'es', template_id: templateId });
      expect(agreement?.document_id).not.toBeNull();
      expect(await outbox(account.id)).toBe(1);
    }
    expect(await agreementsOf(noAddress.id)).toEqual([]);
    expect(await untouched(theirs)).toEqual(before);
    expect(await untouched(person)).toEqual(personBefore);

    // The messages reach the SMTP server: one each, to the first address, the PDF attached and the signing link.
    await sender.drain();
    const received = await sink.waitFor(3);
    expect(received.map((message) => message.to).sort()).toEqual([['compras@alfa.example'], ['gamma@gamma.example'], ['hola@beta.example']]);
    for (const message of received) {
      const parsed = await PostalMime.parse(message.raw);
      expect(parsed.subject).toBe('Acuerdo con Instalaciones Peñalara S.L.: Cooperación 2027');
      expect(parsed.html).toMatch(/\/a\/[A-Za-z0-9_-]{43}"/);
      expect(parsed.attachments.map((attachment) => attachment.mimeType)).toEqual(['application/pdf']);
    }
    // Each counts as unsigned on its company; the history entries carry the job's batch.
    const listed = expectOk<ListResponse<AccountListItem>>(await agent.get('/api/v1/accounts?q=Lote&counters=unsignedAgreements'));
    expect(listed.items.filter((item) => item.overview.unsignedAgreements === 1).map((item) => item.id).sort()).toEqual(mine.map((account) => account.id).sort());
    const batch = await t.db.selectFrom('audit_log').select(['action', 'batch_id']).where('account_id', '=', mine[0]?.id ?? '').where('action', 'in', ['agreement_created', 'agreement_generated', 'agreement_sent']).execute();
    expect(batch).toHaveLength(3);
    expect(new Set(batch.map((row) => row.batch_id))).toEqual(new Set([`bulk:${jobId}`]));
  });

  test('the report lists each company with what became of it, in the reader\'s language, and filters by outcome', async () => {
    const rows = await report(agent, jobId);
    expect(rows.total).toBe(4);
    expect(rows.items.map((row) => [row.organization.name, row.outcome]).sort()).toEqual([
      ['Lote Alfa SL', 'sent'], ['Lote Beta SA', 'sent'], ['Lote Gamma SL', 'sent'], ['Lote Sin Correo SL', 'no_email'],
    ]);
    expect(rows.items.find((row) => row.outcome === 'sent')?.agreement).toMatchObject({ title: 'Cooperación 2027', status: 'sent' });
    const skipped = await report(agent, jobId, '?outcome=no_email');
    expect(skipped.items).toEqual([expect.objectContaining({ organization: { id: noAddress.id, name: noAddress.name }, outcome: 'no_email', agreement: null })]);
    // Paged by the list contract.
    const first = await report(agent, jobId, '?limit=3');
    expect(first.items).toHaveLength(3);
    const second = await report(agent, jobId, `?limit=3&cursor=${first.nextCursor ?? ''}`);
    expect([...first.items, ...second.items].map((row) => row.organization.id).sort()).toEqual(rows.items.map((row) => row.organization.id).sort());
    // Admins read it too; others, and a company that left the reader's portfolio, not.
    expect((await report(admin, jobId)).total).toBe(4);
    expectProblem(await other.get(`/api/v1/agreements/bulk/${jobId}/rows`), 404, 'not_found');
    const gamma = expectOk<Account>(await admin.get(`/api/v1/accounts/${mine[2]?.id ?? ''}`));
    expectOk(await admin.put(`/api/v1/accounts/${gamma.id}/owners`, { version: gamma.version, ownerIds: [other.user.id] }));
    expect((await report(agent, jobId)).items.map((row) => row.organization.id)).not.toContain(gamma.id);
  });

  test('running the job again (a retry, or a second process) creates and sends nothing twice', async () => {
    const counts = await Promise.all([...mine, noAddress].map((account) => untouched(account)));
    const received = sink.received.length;
    await requeueJob(t.db, jobId);
    const job = await finished(agent, jobId);
    expect(job).toMatchObject({ status: 'done', result: { sent: 3, noEmail: 1, failed: 0 } });
    expect(await Promise.all([...mine, noAddress].map((account) => untouched(account)))).toEqual(counts);
    await sender.drain();
    expect(sink.received.length).toBe(received);
  });

  test('a job that dies part-way resumes where it stopped: every matching company once, no file left behind', async () => {
    const batch = await Promise.all(['Uno', 'Dos', 'Tres', 'Cuatro'].map((name) => t.account(agent, { name: `Tanda ${name} SL`, emails: [`${name.toLowerCase()}@tanda.example`] })));
    const spy = checkpointSpy(kind, { failAt: 2 });
    const crashing = new JobWorker(t.db, t.dialect, { pollMs: 10, handlers: { [kind]: spy.handler } });
    const started = await start(agent, { selection: { filter: { q: 'Tanda' } } });
    expect(started.total).toBe(4);
    await crashing.drain();
    await crashing.stop();
    const job = expectOk<Job>(await agent.get(`/api/v1/jobs/${started.jobId}`));
    expect(job).toMatchObject({ status: 'done', progressDone: 4, result: { sent: 4, noEmail: 0, failed: 0 } });
    // It did die: the second company's checkpoint was reached twice, by two attempts.
    expect(spy.checkpoints).toEqual([1, 2, 2, 3, 4]);
    for (const account of batch) {
      expect(await agreementsOf(account.id)).toHaveLength(1);
      expect(await outbox(account.id)).toBe(1);
    }
    // The crashed company's PDF and attachment copy went with its transaction: storage holds what rows name, no more.
    expect(storedFiles()).toBe(await namedFiles());
  });

  test('two processes running the same job at once still create and send once per company', async () => {
    const batch = await Promise.all(['Norte', 'Sur', 'Este'].map((name) => t.account(agent, { name: `Doble ${name} SL`, emails: [`${name.toLowerCase()}@doble.example`] })));
    const started = await start(agent, { selection: { filter: { q: 'Doble' } } });
    const job = await t.db.selectFrom('jobs').selectAll().where('id', '=', started.jobId).executeTakeFirstOrThrow();
    const handler = jobHandlers[kind];
    if (!handler) throw new Error('no handler');
    // As a process that took the job for dead and one that was still at it would: each runs it whole.
    const results = await Promise.all([1, 2].map((attempt) => handler.run({ db: t.db, job, attempt, checkpoint: async () => undefined })));
    expect(results).toEqual([{ sent: 3, noEmail: 0, failed: 0 }, { sent: 3, noEmail: 0, failed: 0 }]);
    for (const account of batch) {
      expect(await agreementsOf(account.id)).toHaveLength(1);
      expect(await outbox(account.id)).toBe(1);
    }
    expect(storedFiles()).toBe(await namedFiles());
    await t.db.deleteFrom('jobs').where('id', '=', started.jobId).execute();
  });

  test('an owner who does not see a company fails it, with the reason; asked to, they are made its owner instead', async () => {
    const company = await t.account(agent, { name: uniqueWord('Dueño Ajeno '), emails: ['x@dueno.example'] });
    const refused = await start(agent, { selection: { ids: [company.id] }, ownerId: other.user.id });
    expect((await finished(agent, refused.jobId)).result).toEqual({ sent: 0, noEmail: 0, failed: 1 });
    expect(await agreementsOf(company.id)).toEqual([]);
    expect(storedFiles()).toBe(await namedFiles());
    const [row] = (await report(agent, refused.jobId)).items;
    expect(row).toMatchObject({ outcome: 'failed', agreement: null, reason: expect.stringContaining('no ve esta cuenta') });
    // Told in each reader's language: the admin reads English.
    expect((await report(admin, refused.jobId)).items[0]?.reason).toContain('cannot see this account');

    const accepted = await start(agent, { selection: { ids: [company.id] }, ownerId: other.user.id, addAssigneeAsOwner: true });
    expect((await finished(agent, accepted.jobId)).result).toEqual({ sent: 1, noEmail: 0, failed: 0 });
    expect((await agreementsOf(company.id))[0]?.owner_id).toBe(other.user.id);
  });

  test('refused before anything is queued: nothing the agent sees, an unknown template, type or owner, bad input; translated', async () => {
    const jobs = await t.db.selectFrom('jobs').select('id').execute();
    const state = await untouched(theirs);
    const fieldOf = async (body: object, field: string) => {
      const response = await agent.post('/api/v1/agreements/bulk', { templateId, title: 'X', selection: { ids: [mine[0]?.id] }, ...body });
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors?.map((error) => error.field)).toContain(field);
      return problem;
    };
    const none = await fieldOf({ selection: { ids: [theirs.id, person.id] } }, 'selection');
    expect(none.errors?.[0]?.message).toBe('La selección no tiene ninguna empresa que puedas ver: los acuerdos se envían a empresas, no a personas.');
    await fieldOf({ selection: { filter: { kind: 'person' } } }, 'selection');
    await fieldOf({ templateId: '01900000-0000-7000-8000-000000000000' }, 'templateId');
    await fieldOf({ type: 'no_such_type' }, 'type');
    await fieldOf({ ownerId: '01900000-0000-7000-8000-000000000000' }, 'ownerId');
    await fieldOf({ title: '  ' }, 'title');
    await fieldOf({ selection: { ids: ['nope'] } }, 'selection.ids.0');
    const inactive = expectOk<AgreementTemplate>(await admin.post('/api/v1/agreement-templates', { name: uniqueWord('Retirada '), language: 'es', body: 'Texto {{customer.name}}', active: false }), 201);
    await fieldOf({ templateId: inactive.id }, 'templateId');
    expect(await t.db.selectFrom('jobs').select('id').execute()).toEqual(jobs);
    expect(await untouched(theirs)).toEqual(state);
    // The report of a job that is not one, or of none.
    const accountsJob = expectOk<{ jobId: string }>(await agent.post('/api/v1/accounts/bulk', { selection: { ids: [mine[0]?.id] }, action: { type: 'setStage', stage: 'prospect' } }), 202);
    expectProblem(await agent.get(`/api/v1/agreements/bulk/${accountsJob.jobId}/rows`), 404, 'not_found');
    expectProblem(await agent.get('/api/v1/agreements/bulk/01900000-0000-7000-8000-000000000000/rows'), 404, 'not_found');
    expectProblem(await agent.get(`/api/v1/agreements/bulk/${jobId}/rows?cursor=garbage`), 400, 'bad_cursor');
    expectProblem(await agent.get(`/api/v1/agreements/bulk/${jobId}/rows?outcome=lost`), 400, 'validation_failed');
  });
});
