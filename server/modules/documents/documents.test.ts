import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { AccountDocument } from '@contract/documents';
import { multipartFile, storedFilesIn, tinyPng } from '@server/test/multipart';
import { countRows, expectProblem } from '@server/test/state';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

let t: TestApp;
let admin: Client;
let owner: Client;
let outsider: Client;

const storedFiles = (): string[] => storedFilesIn(t.filesDir);

const documentRows = async (accountId: string) =>
  t.db.selectFrom('documents').select(['id', 'name', 'purpose']).where('account_id', '=', accountId).execute();

async function upload(client: Client, accountId: string, fileName: string, content: Buffer | string, claimedType?: string) {
  const { body, headers } = multipartFile(fileName, content, claimedType);
  return client.request('POST', `/api/v1/accounts/${accountId}/documents`, body, headers);
}

beforeAll(async () => {
  // A 1 MB limit keeps the size test quick.
  t = await testApp({ CARTERA_MAX_UPLOAD_MB: '1' });
  admin = await t.user({ role: 'admin', scope: 'all' });
  owner = await t.user({ role: 'agent', scope: 'own' });
  outsider = await t.user({ role: 'agent', scope: 'own' });
});
afterAll(async () => {
  await t.close();
});

describe('documents on an account', () => {
  test('upload, list, download and delete, each in the history', async () => {
    const account = await t.account(owner, { kind: 'organization', name: 'Docs S.L.' });
    const content = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    const created = await upload(owner, account.id, 'Contrato año; firmado.pdf', content, 'text/html');
    expect(created.statusCode).toBe(201);
    const document = created.json<AccountDocument>();
    expect(document).toMatchObject({ name: 'Contrato año; firmado.pdf', size: content.length, contentType: 'application/pdf', uploadedBy: { id: owner.user.id } });

    const list = (await owner.get(`/api/v1/accounts/${account.id}/documents`)).json<ListResponse<AccountDocument>>();
    expect(list.items.map((item) => item.id)).toEqual([document.id]);
    expect(list.total).toBe(1);

    const download = await owner.get(document.downloadUrl);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Contrato a_o; firmado.pdf"; filename*=UTF-8''Contrato%20a%C3%B1o%3B%20firmado.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");

    // Stored under a server-made name: the client's name appears nowhere on disk.
    expect(storedFiles().some((file) => file.includes('Contrato'))).toBe(false);
    expect(storedFiles()).toHaveLength(1);

    const overview = (await owner.get(`/api/v1/accounts/${account.id}`)).json<Account>().overview;
    expect(overview.documents).toBe(1);

    expect((await owner.delete(`/api/v1/accounts/${account.id}/documents/${document.id}`)).statusCode).toBe(204);
    expect(await documentRows(account.id)).toEqual([]);
    expect(storedFiles()).toHaveLength(0);
    expectProblem(await owner.get(document.downloadUrl), 404, 'not_found');

    const history = (await owner.get(`/api/v1/accounts/${account.id}/timeline`)).json<ListResponse<TimelineEntry>>();
    const entries = history.items.filter((entry) => entry.entity === 'document').map((entry) => [entry.action, entry.changes[0]]);
    expect(entries).toEqual([
      ['document_deleted', { field: 'document', before: 'Contrato año; firmado.pdf', after: null }],
      ['document_added', { field: 'document', before: null, after: 'Contrato año; firmado.pdf' }],
    ]);
  });

  test('the type comes from the content, not from the name or the browser', async () => {
    const account = await t.account(owner, { kind: 'organization', name: 'Types S.A.' });
    const cases: Array<[string, Buffer | string, string]> = [
      ['photo.txt', tinyPng, 'image/png'],
      ['notes.txt', 'hola, mundo\n', 'text/plain'],
      ['page.html', '<!doctype html><script>alert(1)</script>', 'text/plain'],
      ['image.svg', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'text/plain'],
      ['data.bin', Buffer.from([0, 1, 2, 3, 250, 251, 252]), 'application/octet-stream'],
      ['binary.txt', Buffer.from([104, 0, 105, 0]), 'application/octet-stream'],
    ];
    for (const [name, content, expected] of cases) {
      const response = await upload(owner, account.id, name, content, 'text/html');
      expect(response.statusCode, name).toBe(201);
      expect([name, response.json<AccountDocument>().contentType]).toEqual([name, expected]);
    }
    const html = (await owner.get(`/api/v1/accounts/${account.id}/documents`)).json<ListResponse<AccountDocument>>().items.find((item) => item.name === 'page.html');
    const served = await owner.get(html?.downloadUrl ?? '');
    expect(served.headers['content-type']).toBe('text/plain');
    expect(served.headers['content-disposition']).toMatch(/^attachment;/);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
  });

  test('a file over the configured limit is refused with 413 and nothing is kept', async () => {
    const account = await t.account(owner, { kind: 'organization', name: 'Big files' });
    const filesBefore = storedFiles().length;
    const response = await upload(owner, account.id, 'huge.bin', Buffer.alloc(1024 * 1024 + 10, 7));
    const problem = expectProblem(response, 413, 'file_too_large');
    expect(problem.detail).toContain('1 MB');
    expect(await documentRows(account.id)).toEqual([]);
    expect(storedFiles()).toHaveLength(filesBefore);
  });

  test('a request without a file part is a field error', async () => {
    const account = await t.account(owner, { kind: 'organization', name: 'No file' });
    const response = await owner.request('POST', `/api/v1/accounts/${account.id}/documents`, { name: 'x' });
    expectProblem(response, 415, 'unsupported_media_type');
  });

  test('an agent outside the portfolio gets 404 for everything and changes nothing', async () => {
    const account = await t.account(owner, { kind: 'organization', name: 'Private docs' });
    const document = (await upload(owner, account.id, 'secret.txt', 'top secret')).json<AccountDocument>();
    const filesBefore = storedFiles();
    const auditBefore = await countRows(t.db, 'audit_log');
    const base = `/api/v1/accounts/${account.id}`;
    expectProblem(await outsider.get(`${base}/documents`), 404, 'not_found');
    expectProblem(await outsider.get(document.downloadUrl), 404, 'not_found');
    expectProblem(await upload(outsider, account.id, 'intruder.txt', 'hello'), 404, 'not_found');
    expectProblem(await outsider.delete(`${base}/documents/${document.id}`), 404, 'not_found');
    const logo = multipartFile('logo.png', tinyPng, 'image/png');
    expectProblem(await outsider.request('PUT', `${base}/logo`, logo.body, logo.headers), 404, 'not_found');
    expect(storedFiles()).toEqual(filesBefore);
    expect((await documentRows(account.id)).map((row) => row.name)).toEqual(['secret.txt']);
    expect(await countRows(t.db, 'audit_log')).toBe(auditBefore);
    // A document id under another account is not found either.
    const mine = await t.account(outsider, { kind: 'organization', name: 'Outsider own' });
    expectProblem(await outsider.get(`/api/v1/accounts/${mine.id}/documents/${document.id}/content`), 404, 'not_found');
  });

  test('a discarded account hides its documents; purging it deletes the files', async () => {
    const account = await t.account(owner, { kind: 'organization', name: 'To the bin' });
    const document = (await upload(owner, account.id, 'old.txt', 'old stuff')).json<AccountDocument>();
    const logo = multipartFile('logo.png', tinyPng, 'image/png');
    expect((await owner.request('PUT', `/api/v1/accounts/${account.id}/logo`, logo.body, logo.headers)).statusCode).toBe(204);
    const filesBefore = storedFiles().length;
    expect((await owner.delete(`/api/v1/accounts/${account.id}`)).statusCode).toBe(204);
    expectProblem(await owner.get(document.downloadUrl), 404, 'not_found');
    expectProblem(await admin.get(`/api/v1/accounts/${account.id}/documents`), 404, 'not_found');
    expectProblem(await admin.get(`/api/v1/accounts/${account.id}/logo`), 404, 'not_found');
    expect(storedFiles()).toHaveLength(filesBefore);
    expect((await admin.delete(`/api/v1/bin/accounts/${account.id}`)).statusCode).toBe(204);
    expect(storedFiles()).toHaveLength(filesBefore - 2);
    expect(await documentRows(account.id)).toEqual([]);
  });
});

describe('the logo', () => {
  test('an image is set, shown in the list and replaced; the old file goes', async () => {
    const account = await t.account(owner, { kind: 'organization', name: 'Logo Works' });
    const logo = multipartFile('logo.png', tinyPng, 'image/png');
    expect((await owner.request('PUT', `/api/v1/accounts/${account.id}/logo`, logo.body, logo.headers)).statusCode).toBe(204);
    const withLogo = (await owner.get(`/api/v1/accounts/${account.id}`)).json<Account>();
    expect(withLogo.logoUrl).toMatch(new RegExp(`^/api/v1/accounts/${account.id}/logo\\?v=`));
    expect(withLogo.version).toBe(account.version);
    const served = await owner.get(withLogo.logoUrl ?? '');
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(tinyPng)).toBe(true);
    const list = (await owner.get('/api/v1/accounts?q=Logo Works')).json<ListResponse<{ id: string; logoUrl: string | null }>>();
    expect(list.items.find((item) => item.id === account.id)?.logoUrl).toBe(withLogo.logoUrl);
    // The logo is not one of the documents.
    expect((await owner.get(`/api/v1/accounts/${account.id}/documents`)).json<ListResponse<AccountDocument>>().total).toBe(0);

    const filesBefore = storedFiles().length;
    const again = multipartFile('logo2.png', tinyPng, 'image/png');
    expect((await owner.request('PUT', `/api/v1/accounts/${account.id}/logo`, again.body, again.headers)).statusCode).toBe(204);
    expect(storedFiles()).toHaveLength(filesBefore);
    expect((await owner.delete(`/api/v1/accounts/${account.id}/logo`)).statusCode).toBe(204);
    expect((await owner.get(`/api/v1/accounts/${account.id}`)).json<Account>().logoUrl).toBeNull();
    expect(storedFiles()).toHaveLength(filesBefore - 1);
    const history = (await owner.get(`/api/v1/accounts/${account.id}/timeline`)).json<ListResponse<TimelineEntry>>();
    expect(history.items.filter((entry) => entry.action === 'logo_changed').map((entry) => entry.changes[0]?.after)).toEqual([null, 'logo2.png', 'logo.png']);
  });

  test('SVG, HTML and a PNG name on other content are refused; nothing is kept', async () => {
    const account = await t.account(owner, { kind: 'organization', name: 'Bad logos' });
    const filesBefore = storedFiles().length;
    for (const [name, content] of [['logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"></svg>'], ['logo.png', '<html></html>']] as const) {
      const logo = multipartFile(name, content, 'image/png');
      const problem = expectProblem(await owner.request('PUT', `/api/v1/accounts/${account.id}/logo`, logo.body, logo.headers), 400, 'validation_failed');
      expect(problem.errors?.map((error) => [error.field, error.code])).toEqual([['file', 'not_an_image']]);
    }
    const big = multipartFile('big.png', Buffer.concat([tinyPng, Buffer.alloc(2 * 1024 * 1024)]), 'image/png');
    expectProblem(await owner.request('PUT', `/api/v1/accounts/${account.id}/logo`, big.body, big.headers), 413, 'file_too_large');
    expect(storedFiles()).toHaveLength(filesBefore);
    expect((await owner.get(`/api/v1/accounts/${account.id}`)).json<Account>().logoUrl).toBeNull();
  });
});
