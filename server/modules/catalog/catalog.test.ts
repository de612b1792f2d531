import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ListResponse } from '@contract/common';
import type { Product, ProductImportResult, TaxRate } from '@contract/products';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';

let t: TestApp;
let admin: Client;
let manager: Client;
let agent: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  manager = await t.user({ role: 'manager', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own' });
});

afterAll(async () => t.close());

const rates = async (): Promise<TaxRate[]> => expectOk<{ items: TaxRate[] }>(await agent.get('/api/v1/tax-rates')).items;
const productCount = async () => Number((await t.db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('catalog', () => {
  test('tax rates for Peru and Spain are there out of the box', async () => {
    expect((await rates()).map((rate) => [rate.key, rate.rate])).toEqual([
      ['pe_igv', 18], ['es_iva_general', 21], ['es_iva_reducido', 10], ['es_iva_superreducido', 4], ['exempt', 0],
    ]);
  });

  test('a manager adds a product; everyone finds it by code prefix or by a word of its name, accents aside', async () => {
    const igv = (await rates()).find((rate) => rate.key === 'pe_igv');
    const code = uniqueWord('SRV-');
    const created = expectOk<Product>(await manager.post('/api/v1/products', {
      code, name: 'Instalación eléctrica industrial', kind: 'service', unit: 'hour', category: 'services', price: 4550, currency: 'pen', taxRateId: igv?.id,
    }), 201);
    expect(created).toMatchObject({ code, kind: 'service', unit: 'hour', price: 4550, currency: 'PEN', taxRate: 18, active: true, version: 1 });
    for (const q of [code.slice(0, 7).toLowerCase(), 'instalacion', 'ELÉCTRICA']) {
      const page = expectOk<ListResponse<Product>>(await agent.get(`/api/v1/products?q=${encodeURIComponent(q)}`));
      expect(page.items.map((item) => item.id), q).toContain(created.id);
    }
    const updated = expectOk<Product>(await manager.patch(`/api/v1/products/${created.id}`, { version: 1, price: 5000, active: false }));
    expect(updated).toMatchObject({ price: 5000, active: false, version: 2 });
    const inactive = expectOk<ListResponse<Product>>(await agent.get(`/api/v1/products?active=false&q=${code}`));
    expect(inactive.items.map((item) => item.id)).toEqual([created.id]);
    expectProblem(await manager.patch(`/api/v1/products/${created.id}`, { version: 1, price: 1 }), 412, 'stale_version');
  });

  test('codes are unique whatever their case; bad input is refused field by field and writes nothing', async () => {
    const code = uniqueWord('P-');
    expectOk(await admin.post('/api/v1/products', { code, name: 'Uno', kind: 'product', unit: 'unit', price: 100, currency: 'EUR' }), 201);
    const before = await productCount();
    const base = { code: uniqueWord('Q-'), name: 'Dos', kind: 'product', unit: 'unit', price: 100, currency: 'EUR' };
    const cases: Array<[object, string, string]> = [
      [{ ...base, code: ` ${code.toLowerCase()} ` }, 'code', 'taken'],
      [{ ...base, unit: 'parsec' }, 'unit', 'unknown_list_item'],
      [{ ...base, price: 1.5 }, 'price', 'invalid_type'],
      [{ ...base, price: -1 }, 'price', 'too_small'],
      [{ ...base, kind: 'gift' }, 'kind', 'invalid_value'],
      [{ ...base, currency: 'XYZ' }, 'currency', 'unknown_currency'],
      [{ ...base, taxRateId: '00000000-0000-7000-8000-000000000999' }, 'taxRateId', 'unknown_tax_rate'],
    ];
    for (const [body, field, code] of cases) {
      const problem = expectProblem(await admin.post('/api/v1/products', body), 400, 'validation_failed');
      expect(problem.errors, JSON.stringify(body)).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect(await productCount()).toBe(before);
  });

  test('agents read the catalog but do not change it; only admins change tax rates', async () => {
    const before = await productCount();
    expectProblem(await agent.post('/api/v1/products', { code: uniqueWord('A-'), name: 'X', kind: 'product', unit: 'unit', price: 1, currency: 'EUR' }), 403, 'forbidden');
    expect(await productCount()).toBe(before);
    expectProblem(await manager.post('/api/v1/tax-rates', { labels: { es: 'IVA 5%', en: 'VAT 5%' }, rate: 5 }), 403, 'forbidden');
    const created = expectOk<TaxRate>(await admin.post('/api/v1/tax-rates', { labels: { es: 'IVA canario 7%', en: 'IGIC 7%' }, rate: 7 }), 201);
    expect(created).toMatchObject({ key: 'iva_canario_7', rate: 7, active: true });
    expectProblem(await admin.post('/api/v1/tax-rates', { labels: { es: 'Raro', en: 'Odd' }, rate: 7.125 }), 400, 'validation_failed');
    const off = expectOk<TaxRate>(await admin.patch(`/api/v1/tax-rates/${created.id}`, { version: 1, active: false, rate: 6.5 }));
    expect(off).toMatchObject({ active: false, rate: 6.5 });
    expect((await rates()).map((rate) => rate.id)).not.toContain(created.id);
  });

  test('an export imports back as it is; a file with one bad row writes nothing and names the row', async () => {
    const prefix = uniqueWord('IMP').toUpperCase();
    const csv = [
      'Código;Nombre;Descripción;Tipo;Unidad;Categoría;Precio;Moneda;Impuesto;Activo',
      `${prefix}-1;Cable de cobre 2,5 mm;Rollo de 100 m;Producto;Metro;Productos;12,50;EUR;IVA general 21%;Sí`,
      `${prefix}-2;Consultoría;;Servicio;hour;services;80;EUR;exempt;No`,
    ].join('\n');
    const upload = (body: string) => admin.request('POST', '/api/v1/products/import', Buffer.from(body, 'utf8'), { 'content-type': 'text/csv' });
    expect(expectOk<ProductImportResult>(await upload(csv))).toEqual({ created: 2, updated: 0, errors: [] });
    const found = expectOk<ListResponse<Product>>(await agent.get(`/api/v1/products?q=${prefix}&sort=code`)).items;
    expect(found.map((item) => [item.code, item.unit, item.category, item.price, item.taxRate, item.active])).toEqual([
      [`${prefix}-1`, 'm', 'products', 1250, 21, true], [`${prefix}-2`, 'hour', 'services', 8000, 0, false],
    ]);

    const exported = await admin.get(`/api/v1/products/export?q=${prefix}&sort=code&format=csv&separator=semicolon`);
    expect(exported.statusCode).toBe(200);
    const edited = exported.body.replace(/^\uFEFF/, '').replace('12.50', '13.00');
    expect(expectOk<ProductImportResult>(await upload(edited))).toEqual({ created: 0, updated: 1, errors: [] });
    expect(expectOk<ListResponse<Product>>(await agent.get(`/api/v1/products?q=${prefix}-1`)).items[0]?.price).toBe(1300);

    const xlsx = await admin.get(`/api/v1/products/export?q=${prefix}&format=xlsx`);
    expect(expectOk<ProductImportResult>(await admin.request('POST', '/api/v1/products/import', xlsx.rawPayload, { 'content-type': 'application/octet-stream' })))
      .toEqual({ created: 0, updated: 0, errors: [] });

    const before = await productCount();
    const bad = `code,name,unit,price,currency\n${prefix}-3,Bien,unit,1,EUR\n${prefix}-4,Mal,parsec,1,EUR\n${prefix}-5,,unit,abc,EUR\n`;
    const result = expectOk<ProductImportResult>(await upload(bad));
    expect(result.created).toBe(0);
    expect(result.errors.map((error) => [error.row, error.field, error.code])).toEqual([[3, 'unit', 'unknown_list_item'], [4, 'price', 'invalid_format']]);
    expect(result.errors[0]?.message).not.toBe('');
    expect(await productCount()).toBe(before);
    expectProblem(await agent.request('POST', '/api/v1/products/import', Buffer.from(csv), { 'content-type': 'text/csv' }), 403, 'forbidden');
  });
});
