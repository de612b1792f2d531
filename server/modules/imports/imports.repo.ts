import { sql } from 'kysely';
import type { Db, ImportRow, ImportRowRow } from '@server/db/database';
import { inChunks } from '@server/lib/chunks';
import { keysetPage, type SortPlan } from '@server/lib/list';
import { accountScope, importScope, type Actor } from '@server/policies';

export async function insertImport(db: Db, row: ImportRow): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

export const findImport = (db: Db, id: string): Promise<ImportRow | undefined> =>
  db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();

/** The import if the actor may see it (its author, or an admin). */
export const findVisibleImport = (db: Db, actor: Actor, id: string): Promise<ImportRow | undefined> =>
  db.selectFrom('imports').selectAll().where('imports.id', '=', id).where(importScope(actor)).executeTakeFirst();

export async function updateImport(db: Db, id: string, patch: Partial<Omit<ImportRow, 'id' | 'entity'>>): Promise<void> {
  await db.updateTable('imports').set(patch).where('id', '=', id).execute();
}

/**
 * Moves the import from one of these statuses, in one conditional UPDATE: of concurrent callers
 * exactly one wins (PostgreSQL re-checks the status after waiting on the row lock), so a run or an
 * undo asked for twice at once queues one job. False when the status had already moved on.
 */
export async function moveImport(db: Db, id: string, from: Array<ImportRow['status']>, patch: Partial<Omit<ImportRow, 'id' | 'entity'>>): Promise<boolean> {
  const result = await db.updateTable('imports').set(patch).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Adds a batch's counts and moves its checkpoint, in the batch's transaction. */
export async function addImportCounts(
  db: Db, id: string, rowsDone: number, counts: { created: number; updated: number; skipped: number; failed: number }, at: string,
): Promise<void> {
  await db
    .updateTable('imports')
    .set((eb) => ({
      rows_done: rowsDone,
      created_count: eb('created_count', '+', counts.created),
      updated_count: eb('updated_count', '+', counts.updated),
      skipped_count: eb('skipped_count', '+', counts.skipped),
      failed_count: eb('failed_count', '+', counts.failed),
      updated_at: at,
    }))
    .where('id', '=', id)
    .execute();
}

const importSort: SortPlan = { key: '-createdAt', columns: ['imports.created_at', 'imports.id'], direction: 'desc' };

export async function listImports(db: Db, actor: Actor, query: { limit: number; cursor?: string | undefined }) {
  const base = db.selectFrom('imports').where(importScope(actor));
  return keysetPage(db, base, base.selectAll('imports'), importSort, query, (row) => [row.created_at, row.id]);
}

const companySort: SortPlan = { key: 'row', columns: ['import_rows.row_number'], direction: 'asc', types: ['integer'] };

/** Organizations the ledger says this import created for a company column, live and in the actor's scope, in file order. */
export async function listImportCompanies(db: Db, actor: Actor, importId: string, query: { limit: number; cursor?: string | undefined }) {
  const base = db
    .selectFrom('import_rows')
    .innerJoin('accounts', 'accounts.id', 'import_rows.organization_id')
    .where('import_rows.import_id', '=', importId)
    .where('import_rows.organization_id', 'is not', null)
    .where('accounts.discarded_at', 'is', null)
    .where(accountScope(actor, 'accounts'));
  return keysetPage(db, base, base.select(['accounts.id', 'accounts.name', 'import_rows.row_number']), companySort, query, (row) => [row.row_number]);
}

export async function insertImportRows(db: Db, rows: ImportRowRow[]): Promise<void> {
  await inChunks(rows, (chunk) => db.insertInto('import_rows').values(chunk).execute());
}

/** Of these organizations, those the import created for a person's company (to fill in when the file's own row for one comes later). */
export async function organizationsCreatedBy(db: Db, importId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('import_rows').select('organization_id').where('import_id', '=', importId).where('organization_id', 'in', ids).execute();
  return new Set(rows.flatMap((row) => (row.organization_id ? [row.organization_id] : [])));
}

/** The next rows of an import after a row number, optionally of some actions only (undo and the error report page through these). */
export function importRowsAfter(db: Db, importId: string, after: number, limit: number, actions?: ImportRowRow['action'][]) {
  let query = db.selectFrom('import_rows').selectAll().where('import_id', '=', importId).where('row_number', '>', after);
  if (actions) query = query.where('action', 'in', actions);
  return query.orderBy('row_number').limit(limit).execute();
}

/** Rows of an import before a row number, newest first (undo walks them backwards). */
export function importRowsBefore(db: Db, importId: string, before: number, limit: number, actions: ImportRowRow['action'][]) {
  return db.selectFrom('import_rows').selectAll().where('import_id', '=', importId).where('row_number', '<', before)
    .where('action', 'in', actions).orderBy('row_number', 'desc').limit(limit).execute();
}

export async function jobErrorOf(db: Db, jobId: string | null): Promise<{ status: string; error: string | null } | undefined> {
  if (!jobId) return undefined;
  return db.selectFrom('jobs').select(['status', 'error']).where('id', '=', jobId).executeTakeFirst();
}

export const countImportRows = async (db: Db, importId: string): Promise<number> =>
  Number((await sql<{ n: number }>`select count(*) as n from import_rows where import_id = ${importId}`.execute(db)).rows[0]?.n ?? 0);
