import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Language } from '@contract/common';
import { fieldIssue } from '@contract/validation';
import { majorText, minorUnits } from '@contract/money';
import { productCreateSchema, productKinds, type ProductImportResult, type ProductListQuery } from '@contract/products';
import type { Db } from '@server/db/database';
import { uncsvCell } from '@server/lib/cell-safe';
import { AppError } from '@server/lib/errors';
import { fieldMessage } from '@server/lib/messages';
import { newId } from '@server/lib/ids';
import { keysetPage, sortTable } from '@server/lib/list';
import { normalizeText } from '@server/lib/normalize';
import type { SheetCell, SheetColumn } from '@server/lib/spreadsheet-writer';
import { authorize, type Actor } from '@server/policies';
import { detectShape, readRecords } from '@server/modules/imports/import-file';
import { filteredProducts, findProduct, findProductByCode, findProductViews, listTaxRates } from './products.repo';
import { fieldsOfCreate, writeNewProduct, writeProductChanges } from './products.service';

// The catalog's spreadsheet: what the export writes, the import reads back (headings in either
// language, list values as keys or labels in either language), so an exported file edited in a
// spreadsheet program imports as it is.

const columns = ['code', 'name', 'description', 'kind', 'unit', 'category', 'price', 'currency', 'taxRate', 'active'] as const;
type Column = (typeof columns)[number];

const headings: Record<Language, Record<Column, string>> = {
  es: { code: 'Código', name: 'Nombre', description: 'Descripción', kind: 'Tipo', unit: 'Unidad', category: 'Categoría', price: 'Precio', currency: 'Moneda', taxRate: 'Impuesto', active: 'Activo' },
  en: { code: 'Code', name: 'Name', description: 'Description', kind: 'Kind', unit: 'Unit', category: 'Category', price: 'Price', currency: 'Currency', taxRate: 'Tax rate', active: 'Active' },
};
const widths: Record<Column, number> = { code: 14, name: 32, description: 40, kind: 12, unit: 12, category: 16, price: 12, currency: 8, taxRate: 18, active: 8 };
const kindLabels: Record<Language, Record<(typeof productKinds)[number], string>> = { es: { product: 'Producto', service: 'Servicio' }, en: { product: 'Product', service: 'Service' } };
const yes: Record<Language, string> = { es: 'Sí', en: 'Yes' };
const no: Record<Language, string> = { es: 'No', en: 'No' };

export const productSheetColumns = (language: Language): SheetColumn[] => columns.map((column) => ({ header: headings[language][column], width: widths[column] }));

type Labels = { units: Map<string, string>; categories: Map<string, string>; rates: Map<string, string> };

async function labelsOf(db: Db, language: Language): Promise<Labels> {
  const items = await db.selectFrom('list_items').select(['list_key', 'key', 'label_es', 'label_en']).where('list_key', 'in', ['product_unit', 'product_category']).execute();
  const label = (row: { label_es: string; label_en: string }) => (language === 'es' ? row.label_es : row.label_en);
  return {
    units: new Map(items.filter((row) => row.list_key === 'product_unit').map((row) => [row.key, label(row)])),
    categories: new Map(items.filter((row) => row.list_key === 'product_category').map((row) => [row.key, label(row)])),
    rates: new Map((await listTaxRates(db, true)).map((row) => [row.id, label(row)])),
  };
}

const sorts = sortTable('products', { name: ['name_norm'], code: ['code_norm'], updatedAt: ['updated_at'] });

/** The export's rows: the list's filters and sort, a page at a time. */
export async function* productSheetRows(db: Db, actor: Actor, query: Omit<ProductListQuery, 'limit' | 'cursor'>, language: Language): AsyncGenerator<SheetCell[]> {
  authorize(actor, { domain: 'product', action: 'export' });
  const labels = await labelsOf(db, language);
  const base = filteredProducts(db, query);
  const plan = sorts.plan(query.sort);
  let cursor: string | undefined;
  do {
    const page = await keysetPage(db, base, base.select(['products.id', 'products.name_norm', 'products.code_norm', 'products.updated_at']), plan,
      { limit: 500, cursor }, (row) => sorts.values(query.sort, row), async () => 0);
    for (const row of await findProductViews(db, page.rows.map((r) => r.id))) {
      yield [
        row.code, row.name, row.description, kindLabels[language][row.kind], labels.units.get(row.unit) ?? row.unit,
        row.category ? (labels.categories.get(row.category) ?? row.category) : null, majorText(Number(row.price), row.currency), row.currency,
        row.tax_rate_id ? (labels.rates.get(row.tax_rate_id) ?? null) : null, row.active ? yes[language] : no[language],
      ];
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** A value's key: the key itself or an item's label in either language, compared without accents or case. */
function keyOf(value: string, items: Array<{ key: string; label_es: string; label_en: string }>): string | null {
  const wanted = normalizeText(value);
  return items.find((item) => [item.key, item.label_es, item.label_en].some((text) => normalizeText(text) === wanted))?.key ?? null;
}

const headingIndex = (headers: string[]): Map<Column, number> => {
  const found = new Map<Column, number>();
  headers.forEach((header, index) => {
    const wanted = normalizeText(header);
    const column = columns.find((candidate) => [candidate, headings.es[candidate], headings.en[candidate]].some((text) => normalizeText(text) === wanted));
    if (column && !found.has(column)) found.set(column, index);
  });
  return found;
};

const maxRows = 5000;
const maxBytes = 10 * 1024 * 1024;

/**
 * Imports a catalog file (CSV or XLSX): a row whose code exists updates that product, any other
 * adds one. Every row is checked first; if any fails nothing is written and each error is named
 * by its row (the header is row 1), so a file is applied whole or not at all.
 */
export async function importProducts(db: Db, actor: Actor, body: Readable, language: Language): Promise<ProductImportResult> {
  authorize(actor, { domain: 'product', action: 'import' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-catalog-'));
  const file = path.join(dir, 'upload');
  try {
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) body.destroy(new AppError('file_too_large', { params: { maxMb: 10 } }));
    });
    await pipeline(body, fs.createWriteStream(file));
    const records: string[][] = [];
    for await (const record of readRecords(file, await detectShape(file))) {
      if (records.push(record.map(uncsvCell)) > maxRows + 1) throw new AppError('validation_failed', { fields: [{ field: 'file', code: 'too_many', params: { maximum: maxRows } }] });
    }
    return await applyRecords(db, actor, records, language);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function applyRecords(db: Db, actor: Actor, records: string[][], language: Language): Promise<ProductImportResult> {
  const [headers = [], ...rows] = records;
  const index = headingIndex(headers);
  if (!index.has('code') || !index.has('name')) throw new AppError('validation_failed', { fields: [{ field: 'file', code: 'empty_file' }] });
  const listRows = await db.selectFrom('list_items').select(['list_key', 'key', 'label_es', 'label_en']).where('list_key', 'in', ['product_unit', 'product_category']).execute();
  const units = listRows.filter((row) => row.list_key === 'product_unit');
  const categories = listRows.filter((row) => row.list_key === 'product_category');
  const rates = await listTaxRates(db, false);
  const errors: ProductImportResult['errors'] = [];
  const fail = (row: number, field: string, code: string, params: Record<string, unknown> = {}) =>
    errors.push({ row, field, code, message: fieldMessage(language, code, params) });
  let created = 0;
  let updated = 0;
  await db.transaction().execute(async (trx) => {
    for (const [offset, record] of rows.entries()) {
      const rowNumber = offset + 2;
      const cell = (column: Column): string => { const at = index.get(column); return at === undefined ? '' : (record[at] ?? '').trim(); };
      if (columns.every((column) => cell(column) === '')) continue;
      const currency = cell('currency').toUpperCase() || 'EUR';
      const price = cell('price') === '' ? 0 : minorUnits(cell('price'), currency);
      if (price === null) { fail(rowNumber, 'price', 'invalid_format'); continue; }
      const kindText = normalizeText(cell('kind'));
      const kind = productKinds.find((candidate) => [candidate, kindLabels.es[candidate], kindLabels.en[candidate]].some((text) => normalizeText(text) === kindText)) ?? (kindText === '' ? 'product' : null);
      if (!kind) { fail(rowNumber, 'kind', 'invalid_value'); continue; }
      const unit = cell('unit') === '' ? 'unit' : keyOf(cell('unit'), units);
      if (!unit) { fail(rowNumber, 'unit', 'unknown_list_item'); continue; }
      const category = cell('category') === '' ? null : keyOf(cell('category'), categories);
      if (cell('category') !== '' && !category) { fail(rowNumber, 'category', 'unknown_list_item'); continue; }
      const rateText = normalizeText(cell('taxRate'));
      const rate = rateText === '' ? null : rates.find((candidate) => [candidate.key, candidate.label_es, candidate.label_en].some((text) => normalizeText(text) === rateText));
      if (rate === undefined) { fail(rowNumber, 'taxRate', 'unknown_tax_rate'); continue; }
      const activeText = normalizeText(cell('active'));
      const parsed = productCreateSchema.safeParse({
        code: cell('code'), name: cell('name'), description: cell('description'), kind, unit, category, price, currency, taxRateId: rate?.id ?? null,
        active: activeText === '' || ['si', 'yes', 'true', '1', 'x'].includes(activeText),
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) { const found = fieldIssue(issue); fail(rowNumber, found.field, found.code, found.params); }
        continue;
      }
      const fields = fieldsOfCreate(parsed.data);
      try {
        // Savepoint-free: a failed check throws before writing, so the row leaves nothing behind.
        const existing = await findProductByCode(trx, fields.code);
        if (existing) {
          const current = await findProduct(trx, existing.id);
          if (current && (await writeProductChanges(trx, actor, { ...current, price: Number(current.price) }, current.version, fields))) updated += 1;
        } else {
          await writeNewProduct(trx, actor, newId(), fields);
          created += 1;
        }
      } catch (error) {
        if (!(error instanceof AppError) || error.fields.length === 0) throw error;
        for (const field of error.fields) fail(rowNumber, field.field, field.code, field.params ?? {});
      }
    }
    // One bad row and the whole file is undone (DESIGN.md principle 7).
    if (errors.length > 0) throw new RollBack();
  }).catch((error: unknown) => {
    if (!(error instanceof RollBack)) throw error;
  });
  return errors.length > 0 ? { created: 0, updated: 0, errors } : { created, updated, errors };
}

class RollBack extends Error {}
