import type { Db, DocumentRow } from '@server/db/database';
import { keysetPage, type SortPlan } from '@server/lib/list';
import { accountScope, type Actor } from '@server/policies';

const documentSort: SortPlan = { key: 'uploaded', columns: ['documents.uploaded_at', 'documents.id'], direction: 'desc' };

/** The documents of an account, newest first, through the actor's portfolio in SQL. */
export async function listAccountDocuments(db: Db, actor: Actor, accountId: string, query: { limit: number; cursor?: string | undefined; opportunityId?: string | undefined; projectId?: string | undefined }) {
  let base = db
    .selectFrom('documents')
    .innerJoin('accounts', 'accounts.id', 'documents.account_id')
    .where('documents.account_id', '=', accountId)
    .where('documents.purpose', '=', 'document')
    .where(accountScope(actor));
  if (query.opportunityId) base = base.where('documents.opportunity_id', '=', query.opportunityId);
  if (query.projectId) base = base.where('documents.project_id', '=', query.projectId);
  const rows = base.leftJoin('users', 'users.id', 'documents.uploaded_by').selectAll('documents').select('users.name as uploaded_by_name');
  return keysetPage(db, base, rows, documentSort, query, (row) => [row.uploaded_at, row.id]);
}

/** One document (or logo) of an account the actor can see; undefined otherwise. */
export const findVisibleDocument = (db: Db, actor: Actor, accountId: string, id: string, purpose: DocumentRow['purpose']) =>
  db
    .selectFrom('documents')
    .innerJoin('accounts', 'accounts.id', 'documents.account_id')
    .leftJoin('users', 'users.id', 'documents.uploaded_by')
    .selectAll('documents')
    .select('users.name as uploaded_by_name')
    .where('documents.id', '=', id)
    .where('documents.account_id', '=', accountId)
    .where('documents.purpose', '=', purpose)
    .where(accountScope(actor))
    .executeTakeFirst();

export async function insertDocument(db: Db, row: DocumentRow): Promise<void> {
  await db.insertInto('documents').values(row).execute();
}

export async function deleteDocumentRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('documents').where('id', '=', id).execute();
}

/** Every stored file of an account, for purging it. */
export async function storageKeysOf(db: Db, accountId: string): Promise<string[]> {
  const rows = await db.selectFrom('documents').select('storage_key').where('account_id', '=', accountId).execute();
  return rows.map((row) => row.storage_key);
}

export async function setLogoColumn(db: Db, accountId: string, documentId: string | null): Promise<void> {
  await db.updateTable('accounts').set({ logo_document_id: documentId }).where('id', '=', accountId).execute();
}
