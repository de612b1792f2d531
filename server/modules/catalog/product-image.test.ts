import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ListResponse } from '@contract/common';
import type { Product } from '@contract/products';
import { multipartFile, storedFilesIn, tinyPng } from '@server/test/multipart';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

// A product's picture (issue 21 item 1): uploaded like a document, checked like a logo (an image by
// its content, up to 2 MB), served with its own type to everyone who reads the catalog; changed
// only by those who keep the catalog. Both dialects (CARTERA_TEST_DIALECT).

let t: TestApp;
let manager: Client;
let agent: Client;

beforeAll(async () => {
  t = await testApp();
  manager = await t.user({ role: 'manager', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own' });
});
afterAll(async () => t.close());

const storedFiles = (): string[] => storedFilesIn(t.filesDir);

const newProduct = async (): Promise<Product> => expectOk<Product>(await manager.post('/api/v1/products', {
  code: uniqueWord('IMG-'), name: 'Lámpara de pie', kind: 'product', unit: 'unit', price: 4999, currency: 'EUR',
}), 201);

const putImage = (client: Client, id: string, name: string, content: Buffer | string, type = 'image/png') => {
  const file = multipartFile(name, content, type);
  return client.request('PUT', `/api/v1/products/${id}/image`, file.body, file.headers);
};

describe('a product\'s picture', () => {
  test('uploaded, served with its type to anyone who reads the catalog, shown in the list, replaced and removed, each in the history', async () => {
    const product = await newProduct();
    expect(product.imageUrl).toBeNull();
    const withImage = expectOk<Product>(await putImage(manager, product.id, 'lámpara.png', tinyPng, 'application/octet-stream'));
    expect(withImage.imageUrl).toMatch(new RegExp(`^/api/v1/products/${product.id}/image\\?v=`));
    expect(withImage.version).toBe(product.version + 1);
    const served = await agent.get(withImage.imageUrl ?? '');
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['cache-control']).toContain('immutable');
    expect(served.rawPayload.equals(tinyPng)).toBe(true);
    const list = expectOk<ListResponse<Product>>(await agent.get(`/api/v1/products?q=${encodeURIComponent(product.code)}`));
    expect(list.items.map((item) => item.imageUrl)).toEqual([withImage.imageUrl]);

    const files = storedFiles().length;
    const replaced = expectOk<Product>(await putImage(manager, product.id, 'otra.png', tinyPng));
    expect(replaced.imageUrl).not.toBe(withImage.imageUrl);
    expect(storedFiles()).toHaveLength(files);
    const removed = expectOk<Product>(await manager.delete(`/api/v1/products/${product.id}/image`));
    expect(removed.imageUrl).toBeNull();
    expect(storedFiles()).toHaveLength(files - 1);
    expectProblem(await agent.get(replaced.imageUrl ?? ''), 404, 'not_found');
    const history = await t.db.selectFrom('audit_log').select(['changes']).where('entity_id', '=', product.id).where('action', '=', 'product_image_changed').orderBy('at').execute();
    expect(history).toHaveLength(3);
  });

  test('an agent may not set or remove one; SVG, HTML under a PNG name and a file over 2 MB are refused; nothing is kept or changed', async () => {
    const product = await newProduct();
    const filesBefore = storedFiles().length;
    expectProblem(await putImage(agent, product.id, 'mía.png', tinyPng), 403, 'forbidden');
    expectProblem(await agent.delete(`/api/v1/products/${product.id}/image`), 403, 'forbidden');
    for (const [name, content] of [['dibujo.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], ['foto.png', '<html></html>']] as const) {
      const problem = expectProblem(await putImage(manager, product.id, name, content), 400, 'validation_failed');
      expect(problem.errors?.map((error) => [error.field, error.code])).toEqual([['file', 'not_an_image']]);
    }
    expectProblem(await putImage(manager, product.id, 'grande.png', Buffer.concat([tinyPng, Buffer.alloc(2 * 1024 * 1024)])), 413, 'file_too_large');
    // Not multipart at all: a clear 415, in the user's language.
    const raw = await manager.request('PUT', `/api/v1/products/${product.id}/image`, tinyPng, { 'content-type': 'image/png', 'accept-language': 'es' });
    expect(expectProblem(raw, 415, 'unsupported_media_type').detail).toMatch(/[a-záéíóúñ]/i);
    expect(storedFiles()).toHaveLength(filesBefore);
    expect(expectOk<Product>(await agent.get(`/api/v1/products/${product.id}`))).toMatchObject({ imageUrl: null, version: product.version });
    expectProblem(await putImage(manager, '0190a5e0-0000-7000-8000-0000000000ff', 'x.png', tinyPng), 404, 'not_found');
    expectProblem(await agent.get(`/api/v1/products/${product.id}/image`), 404, 'not_found');
  });
});
