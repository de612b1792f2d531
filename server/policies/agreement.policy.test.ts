import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AccountListItem } from '@contract/accounts';
import type { AgreementTemplate } from '@contract/agreement-templates';
import type { Agreement, AgreementCard } from '@contract/agreements';
import type { ListResponse } from '@contract/common';
import { JobWorker } from '@server/jobs/worker';
import { policyCells, portfolioClients, type PortfolioActor } from '@server/test/portfolio-actors';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';

/**
 * Agreements as a table: actor × action. An agreement is visible exactly when its organization is:
 * admins and managers see all, an agent those of organizations in their portfolio (their own, or
 * their team's with scope team). Refused writes answer 404 and change nothing; refused reads are
 * absent from lists, exports and counters.
 */
const actions = [
  'read', 'list contains', 'create on the organization', 'update', 'record a signature', 'terminate', 'generate', 'history', 'export contains', 'export ticked', 'counter',
  'send from template in bulk',
] as const;

const cells = policyCells(actions);

let t: TestApp;
let admin: Client;
let client: (name: PortfolioActor) => Client;
let templateId: string;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  client = await portfolioClients(t, admin);
  templateId = expectOk<{ items: AgreementTemplate[] }>(await admin.get('/api/v1/agreement-templates')).items[0]?.id ?? '';
  // The seeded templates name our company: without it generating is refused for everyone.
  const settings = expectOk<{ version: number }>(await admin.get('/api/v1/quote-settings'));
  expectOk(await admin.put('/api/v1/quote-settings', { version: settings.version, companyName: 'Nuestra Empresa SL' }));
  // Sending in bulk needs mail set up; nothing here sends the outbox, so no server listens.
  expectOk(await admin.put('/api/v1/settings/mail', { version: 0, host: '127.0.0.1', port: 9, tlsMode: 'none', fromAddress: 'ventas@cartera.example', fromName: 'Ventas', ratePerMinute: 60 }));
});

afterAll(async () => t.close());

/** What a refused write must leave as it was: the row, the organization's agreements and documents, the reminder task, the history. */
async function state(id: string, organizationId: string) {
  const row = await t.db.selectFrom('agreements').select(['title', 'status', 'version', 'document_id', 'reminder_activity_id']).where('id', '=', id).executeTakeFirstOrThrow();
  const agreements = await t.db.selectFrom('agreements').select('id').where('organization_id', '=', organizationId).execute();
  const documents = await t.db.selectFrom('documents').select('id').where('account_id', '=', organizationId).execute();
  const activities = await t.db.selectFrom('activities').select(['id', 'status', 'version']).where('account_id', '=', organizationId).execute();
  const audit = await t.db.selectFrom('audit_log').select('id').where('account_id', '=', organizationId).execute();
  return { row, agreements: agreements.length, documents: documents.length, activities, audit: audit.length };
}

describe('agreement visibility policy', () => {
  test.each(cells)('$actor × $action → $expected', async ({ actor: actorName, action, expected }) => {
    const actor = client(actorName);
    const owner = client('owner agent');
    const word = uniqueWord('acuerdo');
    const organization = await t.account(admin, { name: `${word} SA`, emails: [`${word}@example.com`], ownerIds: [owner.user.id] });
    const agreement = expectOk<Agreement>(await admin.post('/api/v1/agreements', {
      organizationId: organization.id, title: word, type: 'nda', ownerId: owner.user.id, renewalRemindOn: '2027-10-01', value: { amount: 500, currency: 'EUR' },
    }), 201);
    // Sent, as sending would leave it (the counter counts it; a signature may be recorded).
    await t.db.updateTable('agreements').set({ status: 'sent' }).where('id', '=', agreement.id).execute();
    const allowed = expected === 'allowed';
    const before = await state(agreement.id, organization.id);
    const url = `/api/v1/agreements/${agreement.id}`;
    const refusedWrite = async (response: Awaited<ReturnType<Client['get']>>) => {
      expectProblem(response, 404, 'not_found');
      expect(await state(agreement.id, organization.id)).toEqual(before);
    };

    switch (action) {
      case 'read': {
        const response = await actor.get(url);
        if (allowed) expect(expectOk<Agreement>(response).title).toBe(word);
        else expectProblem(response, 404, 'not_found');
        return;
      }
      case 'list contains': {
        const list = expectOk<ListResponse<AgreementCard>>(await actor.get(`/api/v1/agreements?q=${word}`));
        expect(list.items.map((item) => item.id).includes(agreement.id)).toBe(allowed);
        expect(list.total).toBe(allowed ? 1 : 0);
        const byOrganization = expectOk<ListResponse<AgreementCard>>(await actor.get(`/api/v1/agreements?organizationId=${organization.id}&unsigned=true`));
        expect(byOrganization.total).toBe(allowed ? 1 : 0);
        return;
      }
      case 'create on the organization': {
        const response = await actor.post('/api/v1/agreements', { organizationId: organization.id, title: 'Otro' });
        if (allowed) expect(response.statusCode).toBe(201);
        else await refusedWrite(response);
        return;
      }
      case 'update': {
        const response = await actor.patch(url, { version: agreement.version, renewalRemindOn: '2027-11-01' });
        if (allowed) expect(expectOk<Agreement>(response)).toMatchObject({ renewalRemindOn: '2027-11-01' });
        else await refusedWrite(response);
        return;
      }
      case 'record a signature': {
        const response = await actor.post(`${url}/status`, { version: agreement.version, status: 'signed_by_customer', name: 'Firmante' });
        if (allowed) expect(expectOk<Agreement>(response).status).toBe('signed_by_customer');
        else await refusedWrite(response);
        return;
      }
      case 'terminate': {
        const response = await actor.post(`${url}/status`, { version: agreement.version, status: 'terminated' });
        if (allowed) expect(expectOk<Agreement>(response).status).toBe('terminated');
        else await refusedWrite(response);
        return;
      }
      case 'generate': {
        await t.db.updateTable('agreements').set({ status: 'draft' }).where('id', '=', agreement.id).execute();
        const draftState = await state(agreement.id, organization.id);
        const response = await actor.post(`${url}/generate`, { version: agreement.version, templateId });
        if (allowed) expect(expectOk<Agreement>(response).document?.contentType).toBe('application/pdf');
        else {
          expectProblem(response, 404, 'not_found');
          expect(await state(agreement.id, organization.id)).toEqual(draftState);
        }
        return;
      }
      case 'history': {
        const response = await actor.get(`${url}/history`);
        if (allowed) expect(expectOk<ListResponse<{ action: string }>>(response).items.map((item) => item.action)).toContain('agreement_created');
        else expectProblem(response, 404, 'not_found');
        return;
      }
      case 'export contains': {
        const response = await actor.get(`/api/v1/exports/agreements?format=csv&q=${word}`);
        expect(response.statusCode).toBe(200);
        expect(response.body.includes(agreement.id)).toBe(allowed);
        return;
      }
      case 'export ticked': {
        const response = await actor.post('/api/v1/exports/agreements', { format: 'csv', ids: [agreement.id] });
        expect(response.statusCode).toBe(200);
        expect(response.body.includes(agreement.id)).toBe(allowed);
        return;
      }
      case 'send from template in bulk': {
        // The organization ticked, or matched by a filter: only those who see it get a job, and only they change it.
        for (const selection of [{ ids: [organization.id] }, { filter: { q: word } }]) {
          const response = await actor.post('/api/v1/agreements/bulk', { selection, templateId, title: 'Marco' });
          if (!allowed) {
            expect(expectProblem(response, 400, 'validation_failed').errors?.map((error) => error.field)).toEqual(['selection']);
            continue;
          }
          const { jobId } = expectOk<{ jobId: string }>(response, 202);
          const worker = new JobWorker(t.db, t.dialect);
          await worker.drain();
          await worker.stop();
          expect(expectOk<{ result: unknown }>(await actor.get(`/api/v1/jobs/${jobId}`)).result).toEqual({ sent: 1, noEmail: 0, failed: 0 });
        }
        const after = await state(agreement.id, organization.id);
        if (allowed) expect(after.agreements).toBe(before.agreements + 2);
        else expect(after).toEqual(before);
        return;
      }
      case 'counter': {
        // The accounts list's counter column: the organization (and so its count) only for those who see it.
        const list = expectOk<ListResponse<AccountListItem>>(await actor.get(`/api/v1/accounts?q=${word}&counters=unsignedAgreements`));
        expect(list.items.map((item) => item.overview.unsignedAgreements)).toEqual(allowed ? [1] : []);
        return;
      }
    }
  });

  test('templates: anyone who writes agreements reads the active ones; only admins write them', async () => {
    for (const name of ['manager', 'owner agent'] as const) {
      expectOk(await client(name).get('/api/v1/agreement-templates'));
      const before = await t.db.selectFrom('agreement_templates').select('id').execute();
      expectProblem(await client(name).post('/api/v1/agreement-templates', { name: 'X', language: 'es', body: 'Texto' }), 403, 'forbidden');
      expect(await t.db.selectFrom('agreement_templates').select('id').execute()).toEqual(before);
    }
    expectOk(await client('admin').post('/api/v1/agreement-templates', { name: 'X', language: 'es', body: 'Texto' }), 201);
  });
});
