import { sql, type Insertable, type RawBuilder, type SqlBool } from 'kysely';
import { unsignedAgreementStatuses, type AgreementFilters } from '@contract/agreements';
import type { AgreementRow, Db } from '@server/db/database';
import type { AgreementsTable } from '@server/db/agreement-tables';
import { agreementScope, type Actor } from '@server/policies';
import { teamMembers } from '@server/modules/teams/teams.repo';
import { recordSearch, touchesSearchedText, writeRecordTerms } from '@server/modules/search/record-terms.repo';

/** Agreements the actor may see: every read starts here, so list, counts, export and pages agree. */
export const scopedAgreements = (db: Db, actor: Actor) => db.selectFrom('agreements').where(agreementScope(actor));

export type ScopedAgreements = ReturnType<typeof scopedAgreements>;

/** The list's filters, each served by an index (see the agreements migration); `search`: `q` as a list page planned it (plannedRecordSearch). */
export function filteredAgreements(db: Db, actor: Actor, filters: Partial<AgreementFilters>, search?: RawBuilder<SqlBool> | null): ScopedAgreements {
  let base = scopedAgreements(db, actor);
  if (filters.status) base = base.where('agreements.status', '=', filters.status);
  if (filters.unsigned) base = base.where('agreements.status', 'in', unsignedAgreementStatuses);
  if (filters.type) base = base.where('agreements.type', '=', filters.type);
  if (filters.organizationId) base = base.where('agreements.organization_id', '=', filters.organizationId);
  if (filters.projectId) base = base.where('agreements.project_id', '=', filters.projectId);
  if (filters.ownerId) base = base.where('agreements.owner_id', '=', filters.ownerId);
  if (filters.teamId) base = base.where('agreements.owner_id', 'in', teamMembers(db, filters.teamId));
  if (filters.endFrom) base = base.where('agreements.end_on', '>=', filters.endFrom);
  if (filters.endTo) base = base.where('agreements.end_on', '<=', filters.endTo);
  const matching = search !== undefined ? search : filters.q ? recordSearch(db, 'agreement', filters.q) : null;
  if (matching) base = base.where(matching);
  return base;
}

export type CardRow = AgreementRow & {
  organization_name: string;
  project_name: string | null;
  owner_name: string;
  company_signed_by_name: string | null;
  document_name: string | null;
  document_type: string | null;
  document_size: number | string | null;
};

/** Agreements by id, in the order given, with the names they show (scalar subqueries, no join per row). */
export async function findCards(db: Db, ids: string[]): Promise<CardRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('agreements')
    .selectAll('agreements')
    .select([
      sql<string>`(select a.name from accounts a where a.id = agreements.organization_id)`.as('organization_name'),
      sql<string | null>`(select p.name from projects p where p.id = agreements.project_id)`.as('project_name'),
      sql<string>`(select u.name from users u where u.id = agreements.owner_id)`.as('owner_name'),
      sql<string | null>`(select u.name from users u where u.id = agreements.company_signed_by)`.as('company_signed_by_name'),
      sql<string | null>`(select d.name from documents d where d.id = agreements.document_id)`.as('document_name'),
      sql<string | null>`(select d.content_type from documents d where d.id = agreements.document_id)`.as('document_type'),
      sql<number | string | null>`(select d.size from documents d where d.id = agreements.document_id)`.as('document_size'),
    ])
    .where('agreements.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** An agreement the actor may see, or undefined. */
export const findVisibleAgreement = (db: Db, actor: Actor, id: string): Promise<AgreementRow | undefined> =>
  scopedAgreements(db, actor).selectAll('agreements').where('agreements.id', '=', id).executeTakeFirst();

/** The agreement a public link's token names (its organization live), or undefined. */
export const findAgreementByTokenHash = (db: Db, tokenHash: string): Promise<AgreementRow | undefined> =>
  db.selectFrom('agreements').selectAll().where('token_hash', '=', tokenHash).where('organization_discarded_at', 'is', null).executeTakeFirst();

export async function insertAgreement(db: Db, row: Insertable<AgreementsTable>): Promise<void> {
  await db.insertInto('agreements').values(row).execute();
  await writeRecordTerms(db, 'agreement', [row.id]);
}

export type AgreementPatch = Partial<Omit<AgreementRow, 'organization_discarded_at' | 'id' | 'organization_id' | 'version'>>;

/** Writes the patch if the version is still `version` (and moves it on); false when someone else wrote first. */
export async function updateAgreementRow(db: Db, id: string, version: number, patch: AgreementPatch): Promise<boolean> {
  const result = await db.updateTable('agreements').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  const written = Number(result.numUpdatedRows) === 1;
  if (written && touchesSearchedText('agreement', patch)) await writeRecordTerms(db, 'agreement', [id]);
  return written;
}

/** A document of the organization (its documents tab, not its logo), or undefined. */
export const findOrganizationDocument = (db: Db, organizationId: string, documentId: string) =>
  db.selectFrom('documents').select(['id', 'name', 'content_type', 'size', 'storage_key']).where('id', '=', documentId)
    .where('account_id', '=', organizationId).where('purpose', '=', 'document').executeTakeFirst();
