import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AgreementTemplate } from '@contract/agreement-templates';
import type { Agreement } from '@contract/agreements';
import type { ListResponse } from '@contract/common';
import type { AccountDocument } from '@contract/documents';
import { pdfPages, squashed } from '@server/test/pdf-text';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';
import { moneyText } from '@server/lib/pdf/pdf-render';

let t: TestApp;
let admin: Client;
let agent: Client;

/** The seeded templates, one per language. */
let templates: AgreementTemplate[];

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own', language: 'es' });
  const settings = expectOk<{ version: number }>(await admin.get('/api/v1/quote-settings'));
  expectOk(await admin.put('/api/v1/quote-settings', { version: settings.version, companyName: 'Instalaciones Peñalara S.L.', companyTaxId: 'B87654321', companyAddress: 'Calle Mayor 1, Madrid' }));
  templates = expectOk<{ items: AgreementTemplate[] }>(await agent.get('/api/v1/agreement-templates')).items;
});

afterAll(async () => t.close());

const template = (language: 'es' | 'en') => templates.find((item) => item.language === language) ?? templates[0];
const documents = async (organizationId: string) => expectOk<ListResponse<AccountDocument>>(await agent.get(`/api/v1/accounts/${organizationId}/documents`)).items;
const storedFiles = () => (fs.existsSync(t.filesDir) ? fs.readdirSync(t.filesDir, { recursive: true }).filter((entry) => fs.statSync(path.join(t.filesDir, String(entry))).isFile()).length : 0);

async function pdfText(client: Client, url: string): Promise<string> {
  const response = await client.get(url);
  expect(response.statusCode).toBe(200);
  return (await pdfPages(response.rawPayload)).map(squashed).join(' ');
}

describe('agreement templates', () => {
  test('two are there from the start, one per language; only admins write them, and only with an agreement\'s merge fields', async () => {
    expect(templates.map((item) => item.language).sort()).toEqual(['en', 'es']);
    const body = 'Entre {{company.name}} y {{customer.name}}: {{agreement.title}}.';
    expectProblem(await agent.post('/api/v1/agreement-templates', { name: 'NDA', language: 'es', body }), 403, 'forbidden');
    expectProblem(await agent.get('/api/v1/agreement-templates?includeInactive=true'), 403, 'forbidden');
    for (const bad of ['Hola {{account.name}}', 'Hola {{customer.name}', 'Hola {{ }}']) {
      const problem = expectProblem(await admin.request('POST', '/api/v1/agreement-templates', { name: 'Mala', language: 'es', body: bad }, { 'accept-language': 'es' }), 400, 'validation_failed');
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'body', code: 'unknown_merge_fields' }));
    }
    const created = expectOk<AgreementTemplate>(await admin.post('/api/v1/agreement-templates', { name: 'NDA', language: 'es', body }), 201);
    expect(expectOk<{ items: AgreementTemplate[] }>(await agent.get('/api/v1/agreement-templates')).items.map((item) => item.id)).toContain(created.id);
    const retired = expectOk<AgreementTemplate>(await admin.patch(`/api/v1/agreement-templates/${created.id}`, { version: created.version, active: false }));
    expect(retired).toMatchObject({ active: false, version: 2 });
    expect(expectOk<{ items: AgreementTemplate[] }>(await agent.get('/api/v1/agreement-templates')).items.map((item) => item.id)).not.toContain(created.id);
    expectProblem(await admin.patch(`/api/v1/agreement-templates/${created.id}`, { version: 1, name: 'Pisado' }), 412, 'stale_version');
    expectProblem(await agent.patch(`/api/v1/agreement-templates/${created.id}`, { version: 2, name: 'Agente' }), 403, 'forbidden');
  });
});

describe('generating the document', () => {
  test('a PDF in the template\'s language with both parties, the facts and the merged text; a document of the organization and its project', async () => {
    const organization = await t.account(agent, { name: uniqueWord('Reformas Ñandú '), taxId: 'B12345674', addresses: { billing: { street: 'Calle del Río 3', postalCode: '28001', city: 'Madrid', country: 'ES' } } });
    const project = expectOk<{ id: string }>(await agent.post('/api/v1/projects', { organizationId: organization.id, name: 'Inicio' }), 201);
    const draft = expectOk<Agreement>(await agent.post('/api/v1/agreements', {
      organizationId: organization.id, projectId: project.id, title: 'Cooperación 2027', type: 'general_cooperation', reference: 'AC-7',
      startOn: '2027-01-01', endOn: '2027-12-31', value: { amount: 1_200_000, currency: 'EUR' }, language: 'en',
    }), 201);
    const generated = expectOk<Agreement>(await agent.post(`/api/v1/agreements/${draft.id}/generate`, { version: draft.version, templateId: template('es')?.id }));
    expect(generated).toMatchObject({ language: 'es', templateId: template('es')?.id, version: draft.version + 1, document: { name: 'AC-7.pdf', contentType: 'application/pdf' } });
    const text = await pdfText(agent, generated.document?.downloadUrl ?? '');
    for (const expected of [
      'ACUERDO', 'Cooperación 2027', 'Instalaciones Peñalara S.L.', 'NIF/RUC: B87654321', organization.name, 'B12345674', 'Calle del Río 3',
      'Acuerdo general de cooperación', moneyText(1_200_000, 'EUR', 'es'), 'Desde el 1 ene 2027 hasta el 31 dic 2027', `Por ${organization.name}`,
    ]) expect(text, expected).toContain(squashed(expected));
    expect(text).not.toContain('{{');
    const files = await documents(organization.id);
    expect(files.find((file) => file.id === generated.document?.id)).toMatchObject({ projectId: project.id, name: 'AC-7.pdf' });
    const history = expectOk<ListResponse<{ action: string }>>(await agent.get(`/api/v1/agreements/${draft.id}/history`));
    expect(history.items[0]?.action).toBe('agreement_generated');
  });

  test('in English from the English template, fallbacks filling what the agreement lacks', async () => {
    const organization = await t.account(agent, { name: uniqueWord('Harbour ') });
    const draft = expectOk<Agreement>(await agent.post('/api/v1/agreements', { organizationId: organization.id, title: 'Cooperation' }), 201);
    const generated = expectOk<Agreement>(await agent.post(`/api/v1/agreements/${draft.id}/generate`, { version: draft.version, templateId: template('en')?.id }));
    expect(generated.language).toBe('en');
    const text = await pdfText(agent, generated.document?.downloadUrl ?? '');
    for (const expected of ['AGREEMENT', 'From the date of signature until notice by either party', 'No fixed value', `For ${organization.name}`]) expect(text, expected).toContain(squashed(expected));
  });

  test('a template naming what the agreement lacks, a retired template, or an agreement no longer draft: refused, translated, nothing stored', async () => {
    const organization = await t.account(agent, { name: uniqueWord('Sin datos ') });
    const strict = expectOk<AgreementTemplate>(await admin.post('/api/v1/agreement-templates', { name: 'Estricta', language: 'es', body: 'Referencia {{agreement.reference}}, importe {{agreement.value}}.' }), 201);
    const draft = expectOk<Agreement>(await agent.post('/api/v1/agreements', { organizationId: organization.id, title: 'Incompleto' }), 201);
    const [filesBefore, documentsBefore] = [storedFiles(), (await documents(organization.id)).length];
    const problem = expectProblem(await agent.request('POST', `/api/v1/agreements/${draft.id}/generate`, { version: draft.version, templateId: strict.id }, { 'accept-language': 'es' }), 400, 'validation_failed');
    expect(problem.errors).toEqual([{ field: 'templateId', code: 'unfilled_merge_fields', message: expect.stringContaining('{{agreement.reference}}, {{agreement.value}}') }]);
    const retired = expectOk<AgreementTemplate>(await admin.patch(`/api/v1/agreement-templates/${strict.id}`, { version: strict.version, active: false }));
    expect(expectProblem(await agent.post(`/api/v1/agreements/${draft.id}/generate`, { version: draft.version, templateId: retired.id }), 400, 'validation_failed').errors)
      .toContainEqual(expect.objectContaining({ field: 'templateId', code: 'invalid_value' }));
    await t.db.updateTable('agreements').set({ status: 'sent' }).where('id', '=', draft.id).execute();
    expectProblem(await agent.post(`/api/v1/agreements/${draft.id}/generate`, { version: draft.version, templateId: template('es')?.id }), 409, 'agreement_not_draft');
    expect([storedFiles(), (await documents(organization.id)).length]).toEqual([filesBefore, documentsBefore]);
    expect(expectOk<Agreement>(await agent.get(`/api/v1/agreements/${draft.id}`))).toMatchObject({ document: null, version: draft.version });
  });
});
