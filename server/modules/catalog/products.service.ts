import type { ListResponse } from '@contract/common';
import {
  hundredths, productCreateSchema, productUpdateSchema, taxRateCreateSchema, taxRateUpdateSchema,
  type Product, type ProductCreate, type ProductListQuery, type ProductUpdate, type TaxRate, type TaxRateCreate, type TaxRateUpdate,
} from '@contract/products';
import type { Db } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { AppError, fieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { keysetPage, sortTable } from '@server/lib/list';
import { normalizeText } from '@server/lib/normalize';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { checkListValue } from '@server/modules/lists/lists.service';
import { presentProduct, presentTaxRate } from './products.presenter';
import {
  codeNorm, filteredProducts, findProduct, findProductByCode, findProductViews, findTaxRate, findTaxRateByKey, insertProduct, insertTaxRate,
  listTaxRates, nextTaxRatePosition, updateProductRow, updateTaxRateRow, type ProductRow,
} from './products.repo';

const sorts = sortTable('products', { name: ['name_norm'], code: ['code_norm'], updatedAt: ['updated_at'] });
const audited = ['code', 'name', 'description', 'kind', 'unit', 'category', 'price', 'currency', 'tax_rate_id', 'active'] as const;

/** The catalog list: filters, one keyset page in the sort asked for. */
export async function findProducts(db: Db, actor: Actor, query: ProductListQuery): Promise<ListResponse<Product>> {
  authorize(actor, { domain: 'product', action: 'read' });
  const base = filteredProducts(db, query);
  const plan = sorts.plan(query.sort);
  const page = await keysetPage(db, base, base.select(['products.id', 'products.name_norm', 'products.code_norm', 'products.updated_at']), plan, query,
    (row) => sorts.values(query.sort, row));
  return { items: (await findProductViews(db, page.rows.map((row) => row.id))).map(presentProduct), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}

export async function getProduct(db: Db, actor: Actor, id: string): Promise<Product> {
  authorize(actor, { domain: 'product', action: 'read' });
  const [row] = await findProductViews(db, [id]);
  if (!row) throw new AppError('not_found');
  return presentProduct(row);
}

type Fields = Pick<ProductRow, (typeof audited)[number]>;

/** Unit and category are active list items (or the product's own), the tax rate an active one, the code free. */
export async function checkProduct(db: Db, next: Fields, current: (Fields & { id: string }) | null, prefix = ''): Promise<void> {
  await checkListValue(db, 'product_unit', `${prefix}unit`, next.unit, current?.unit ?? null);
  await checkListValue(db, 'product_category', `${prefix}category`, next.category, current?.category ?? null);
  if (next.tax_rate_id && next.tax_rate_id !== current?.tax_rate_id && !(await findTaxRate(db, next.tax_rate_id))?.active) throw fieldError(`${prefix}taxRateId`, 'unknown_tax_rate');
  const holder = await findProductByCode(db, next.code);
  if (holder && holder.id !== current?.id) throw fieldError(`${prefix}code`, 'taken');
}

/** The columns of a product's fields, with their normalised twins. */
export const productColumns = (fields: Fields) => ({ ...fields, code: fields.code.trim(), code_norm: codeNorm(fields.code), name_norm: normalizeText(fields.name) });

export const fieldsOfCreate = (data: ReturnType<typeof productCreateSchema.parse>): Fields => ({
  code: data.code, name: data.name, description: data.description ?? null, kind: data.kind, unit: data.unit, category: data.category ?? null,
  price: data.price, currency: data.currency, tax_rate_id: data.taxRateId ?? null, active: data.active ?? true,
});

/** Adds a product (admins and managers); its code must be free. */
export async function createProduct(db: Db, actor: Actor, input: ProductCreate): Promise<Product> {
  authorize(actor, { domain: 'product', action: 'manage' });
  const fields = fieldsOfCreate(productCreateSchema.parse(input));
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await writeNewProduct(trx, actor, id, fields);
  });
  return getProduct(db, actor, id);
}

/** Checks and inserts a product with its history row, in the caller's transaction (the import uses it too). */
export async function writeNewProduct(trx: Db, actor: Actor, id: string, fields: Fields, prefix = ''): Promise<void> {
  await checkProduct(trx, fields, null, prefix);
  const now = nowIso();
  await insertProduct(trx, { id, ...productColumns(fields), created_at: now, updated_at: now, created_by: actor.id, updated_by: actor.id, version: 1 });
  await writeAudit(trx, { actorId: actor.id, entity: 'product', entityId: id, accountId: null, action: 'product_created', changes: diffFields(null, fields, audited) });
}

/** Applies the fields sent to a product, checked and audited, if its version is `version`. */
export async function writeProductChanges(trx: Db, actor: Actor, before: ProductRow, version: number, next: Fields, prefix = ''): Promise<boolean> {
  if (before.version !== version) throw new AppError('stale_version');
  const changes = diffFields(before, next, audited);
  if (changes.length === 0) return false;
  await checkProduct(trx, next, before, prefix);
  if (!(await updateProductRow(trx, before.id, version, { ...productColumns(next), updated_at: nowIso(), updated_by: actor.id }))) throw new AppError('stale_version');
  await writeAudit(trx, { actorId: actor.id, entity: 'product', entityId: before.id, accountId: null, action: 'product_updated', changes });
  return true;
}

/** Edits a product (admins and managers) if the version is current. */
export async function updateProduct(db: Db, actor: Actor, id: string, input: ProductUpdate): Promise<Product> {
  authorize(actor, { domain: 'product', action: 'manage' });
  const { version, ...data } = productUpdateSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await findProduct(trx, id);
    if (!before) throw new AppError('not_found');
    const next: Fields = {
      code: data.code ?? before.code, name: data.name ?? before.name, description: data.description === undefined ? before.description : data.description,
      kind: data.kind ?? before.kind, unit: data.unit ?? before.unit, category: data.category === undefined ? before.category : data.category,
      price: data.price ?? Number(before.price), currency: data.currency ?? before.currency,
      tax_rate_id: data.taxRateId === undefined ? before.tax_rate_id : data.taxRateId, active: data.active ?? before.active,
    };
    await writeProductChanges(trx, actor, { ...before, price: Number(before.price) }, version, next);
  });
  return getProduct(db, actor, id);
}

/** The tax-rate list in order; inactive rates only when asked (an admin's page). */
export async function findTaxRates(db: Db, includeInactive: boolean): Promise<TaxRate[]> {
  return (await listTaxRates(db, includeInactive)).map(presentTaxRate);
}

const keyFromLabel = (label: string): string => normalizeText(label).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'rate';
const basisPoints = (rate: number): number => hundredths(rate) ?? 0;

/** Adds a tax rate at the end of the list (admins). */
export async function createTaxRate(db: Db, actor: Actor, input: TaxRateCreate): Promise<TaxRate> {
  authorize(actor, { domain: 'taxRate', action: 'manage' });
  const data = taxRateCreateSchema.parse(input);
  return db.transaction().execute(async (trx) => {
    let key = data.key ?? keyFromLabel(data.labels.es);
    if (data.key && (await findTaxRateByKey(trx, key))) throw fieldError('key', 'taken');
    for (let n = 2; !data.key && (await findTaxRateByKey(trx, key)); n += 1) key = `${keyFromLabel(data.labels.es)}_${n}`;
    const now = nowIso();
    const row = { id: newId(), key, label_es: data.labels.es, label_en: data.labels.en, rate_bp: basisPoints(data.rate), position: await nextTaxRatePosition(trx), active: true, created_at: now, updated_at: now, version: 1 };
    await insertTaxRate(trx, row);
    await writeAudit(trx, { actorId: actor.id, entity: 'tax_rate', entityId: row.id, accountId: null, action: 'created', changes: [{ field: 'rate_bp', before: null, after: row.rate_bp }] });
    return presentTaxRate(row);
  });
}

/** Renames, changes the percentage of, or deactivates a tax rate (admins); quotes keep the percentage they were written with. */
export async function updateTaxRate(db: Db, actor: Actor, id: string, input: TaxRateUpdate): Promise<TaxRate> {
  authorize(actor, { domain: 'taxRate', action: 'manage' });
  const data = taxRateUpdateSchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const before = await findTaxRate(trx, id);
    if (!before) throw new AppError('not_found');
    if (before.version !== data.version) throw new AppError('stale_version');
    const after = {
      ...before, label_es: data.labels?.es ?? before.label_es, label_en: data.labels?.en ?? before.label_en,
      rate_bp: data.rate === undefined ? before.rate_bp : basisPoints(data.rate), active: data.active ?? before.active, updated_at: nowIso(), version: before.version + 1,
    };
    const { label_es, label_en, rate_bp, active, updated_at } = after;
    if (!(await updateTaxRateRow(trx, id, before.version, { label_es, label_en, rate_bp, active, updated_at }))) throw new AppError('stale_version');
    await writeAudit(trx, { actorId: actor.id, entity: 'tax_rate', entityId: id, accountId: null, action: 'updated', changes: diffFields(before, after, ['label_es', 'label_en', 'rate_bp', 'active']) });
    return presentTaxRate(after);
  });
}
