import type { Selectable } from 'kysely';
import type { Db } from '@server/db/database';
import type { PeBranchesTable, PeTaxpayersTable } from '@server/db/registry-tables';
import { inChunks } from '@server/lib/chunks';

export type TaxpayerRow = Selectable<PeTaxpayersTable>;
export type BranchRow = Selectable<PeBranchesTable>;

/** Writes a batch of the padrón; a RUC already there takes this load's values. */
export async function upsertTaxpayers(db: Db, rows: TaxpayerRow[]): Promise<void> {
  await inChunks(rows, (chunk) =>
    db.insertInto('pe_taxpayers').values(chunk).onConflict((oc) => oc.column('ruc').doUpdateSet((eb) => ({
      name: eb.ref('excluded.name'),
      name_norm: eb.ref('excluded.name_norm'),
      state: eb.ref('excluded.state'),
      condition: eb.ref('excluded.condition'),
      ubigeo: eb.ref('excluded.ubigeo'),
      address: eb.ref('excluded.address'),
      load_id: eb.ref('excluded.load_id'),
    }))).execute());
}

export async function upsertBranches(db: Db, rows: BranchRow[]): Promise<void> {
  await inChunks(rows, (chunk) =>
    db.insertInto('pe_branches').values(chunk).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ load_id: eb.ref('excluded.load_id') }))).execute());
}

/** Removes what the latest complete load no longer lists; returns how many companies it holds. */
export async function dropOtherLoads(db: Db, loadId: string): Promise<number> {
  await db.deleteFrom('pe_taxpayers').where('load_id', '!=', loadId).execute();
  await db.deleteFrom('pe_branches').where('load_id', '!=', loadId).execute();
  const row = await db.selectFrom('pe_taxpayers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Companies whose normalised name starts with this prefix, in name order (a range on the name index). */
export function taxpayersByPrefix(db: Db, prefix: string, limit: number): Promise<TaxpayerRow[]> {
  // The smallest text greater than every text with this prefix: the prefix with its last character moved up one.
  const upper = `${prefix.slice(0, -1)}${String.fromCodePoint((prefix.codePointAt(prefix.length - 1) ?? 0) + 1)}`;
  return db.selectFrom('pe_taxpayers').selectAll()
    .where('name_norm', '>=', prefix).where('name_norm', '<', upper)
    .orderBy('name_norm').orderBy('ruc').limit(limit).execute();
}

export const findTaxpayer = (db: Db, ruc: string): Promise<TaxpayerRow | undefined> =>
  db.selectFrom('pe_taxpayers').selectAll().where('ruc', '=', ruc).executeTakeFirst();

export const branchesOf = (db: Db, ruc: string): Promise<BranchRow[]> =>
  db.selectFrom('pe_branches').selectAll().where('ruc', '=', ruc).orderBy('id').limit(500).execute();

/** Whether any load has completed (searching an empty table says "not loaded", not "no match"). */
export async function padronLoaded(db: Db): Promise<boolean> {
  const row = await db.selectFrom('pe_taxpayers').select('ruc').limit(1).executeTakeFirst();
  return row !== undefined;
}
