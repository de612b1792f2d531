import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Campaign } from '@contract/campaigns';
import type { Product } from '@contract/products';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem } from '@server/test/state';

/** A campaign may promote a catalog product (issue 19.3): it fills the name and price left empty, and stays linked. */
let t: TestApp;
let admin: Client;
let product: Product;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  product = expectOk<Product>(await admin.post('/api/v1/products', { code: 'SEG-HOG', name: 'Seguro de hogar', kind: 'service', unit: 'unit', price: 12990, currency: 'EUR' }), 201);
});
afterAll(async () => {
  await t.close();
});

test('linked at creation, the product fills the text and the price; a price given stays; unlinking keeps the text', async () => {
  const filled = expectOk<Campaign>(await admin.post('/api/v1/campaigns', { name: 'Hogar otoño', productId: product.id, startsOn: '2026-10-01', endsOn: '2026-12-31' }), 201);
  expect(filled).toMatchObject({ product: 'Seguro de hogar', price: 12990, currency: 'EUR', catalogProduct: { id: product.id, code: 'SEG-HOG', name: 'Seguro de hogar' } });
  const own = expectOk<Campaign>(await admin.post('/api/v1/campaigns', {
    name: 'Hogar promo', product: 'Hogar con descuento', productId: product.id, price: 9900, currency: 'EUR', startsOn: '2026-10-01', endsOn: '2026-12-31',
  }), 201);
  expect(own).toMatchObject({ product: 'Hogar con descuento', price: 9900, catalogProduct: { id: product.id } });
  const unlinked = expectOk<Campaign>(await admin.patch(`/api/v1/campaigns/${filled.id}`, { version: filled.version, productId: null }));
  expect(unlinked).toMatchObject({ product: 'Seguro de hogar', price: 12990, catalogProduct: null });
  const history = await t.db.selectFrom('audit_log').select('changes').where('entity_id', '=', filled.id).where('action', '=', 'campaign_updated').executeTakeFirstOrThrow();
  expect(JSON.parse(history.changes)).toEqual([{ field: 'productId', before: product.id, after: null }]);
});

test('an unknown or inactive product is a clear 400 and nothing is stored', async () => {
  const before = await t.db.selectFrom('campaigns').select('id').execute();
  const unknown = expectProblem(await admin.post('/api/v1/campaigns', { name: 'X', productId: '01900000-0000-7000-8000-000000000000', startsOn: '2026-10-01', endsOn: '2026-12-31' }), 400, 'validation_failed');
  expect(unknown.errors?.[0]).toMatchObject({ field: 'productId', code: 'invalid_value' });
  const retired = expectOk<Product>(await admin.post('/api/v1/products', { code: 'OLD-1', name: 'Retirado', kind: 'product', unit: 'unit', price: 100, currency: 'EUR', active: false }), 201);
  expectProblem(await admin.post('/api/v1/campaigns', { name: 'Y', productId: retired.id, startsOn: '2026-10-01', endsOn: '2026-12-31' }), 400, 'validation_failed');
  expect(await t.db.selectFrom('campaigns').select('id').execute()).toHaveLength(before.length);
});
