import { sql, type Insertable, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { ProductListQuery } from '@contract/products';
import type { Db } from '@server/db/database';
import type { ProductsTable, TaxRatesTable } from '@server/db/sales-tables';
import { normalizeText } from '@server/lib/normalize';

export type ProductRow = Selectable<ProductsTable>;
export type TaxRateRow = Selectable<TaxRatesTable>;
export type ProductView = ProductRow & { tax_rate_bp: number | null };

const likeEscaped = (text: string): string => text.replace(/[\\%_]/g, '\\$&');
/** The code as it is compared: trimmed and lower case, so "ABC-1" and "abc-1 " are one code. */
export const codeNorm = (code: string): string => code.trim().toLowerCase();

/** Products under the list's filters; a search matches a code's beginning or the name anywhere. */
export function filteredProducts(db: Db, filters: Partial<Pick<ProductListQuery, 'q' | 'kind' | 'category' | 'active'>>) {
  let base = db.selectFrom('products');
  if (filters.kind) base = base.where('products.kind', '=', filters.kind);
  if (filters.category) base = base.where('products.category', '=', filters.category);
  if (filters.active !== undefined) base = base.where('products.active', '=', filters.active);
  if (filters.q) {
    const code = `${likeEscaped(codeNorm(filters.q))}%`;
    const name = `%${likeEscaped(normalizeText(filters.q))}%`;
    base = base.where(sql<SqlBool>`(products.code_norm like ${code} escape '\\' or products.name_norm like ${name} escape '\\')`);
  }
  return base;
}

/** Products by id with their default tax rate's percentage, in the order given. */
export async function findProductViews(db: Db, ids: string[]): Promise<ProductView[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('products').leftJoin('tax_rates', 'tax_rates.id', 'products.tax_rate_id')
    .selectAll('products').select('tax_rates.rate_bp as tax_rate_bp').where('products.id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export const findProduct = (db: Db, id: string): Promise<ProductRow | undefined> =>
  db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();

export const findProductByCode = (db: Db, code: string): Promise<ProductRow | undefined> =>
  db.selectFrom('products').selectAll().where('code_norm', '=', codeNorm(code)).executeTakeFirst();

export async function insertProduct(db: Db, row: Insertable<ProductsTable>): Promise<void> {
  await db.insertInto('products').values(row).execute();
}

/** Writes the patch if the version is still `version`; false when someone else wrote first. */
export async function updateProductRow(db: Db, id: string, version: number, patch: Updateable<ProductsTable>): Promise<boolean> {
  const result = await db.updateTable('products').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const listTaxRates = (db: Db, includeInactive: boolean): Promise<TaxRateRow[]> => {
  let query = db.selectFrom('tax_rates').selectAll().orderBy('position').orderBy('id');
  if (!includeInactive) query = query.where('active', '=', true);
  return query.execute();
};

export const findTaxRate = (db: Db, id: string): Promise<TaxRateRow | undefined> =>
  db.selectFrom('tax_rates').selectAll().where('id', '=', id).executeTakeFirst();

export const findTaxRateByKey = (db: Db, key: string): Promise<TaxRateRow | undefined> =>
  db.selectFrom('tax_rates').selectAll().where('key', '=', key).executeTakeFirst();

export async function insertTaxRate(db: Db, row: Insertable<TaxRatesTable>): Promise<void> {
  await db.insertInto('tax_rates').values(row).execute();
}

export async function nextTaxRatePosition(db: Db): Promise<number> {
  const row = await db.selectFrom('tax_rates').select((eb) => eb.fn.max('position').as('max')).executeTakeFirst();
  return Number(row?.max ?? -1) + 1;
}

export async function updateTaxRateRow(db: Db, id: string, version: number, patch: Updateable<TaxRatesTable>): Promise<boolean> {
  const result = await db.updateTable('tax_rates').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
