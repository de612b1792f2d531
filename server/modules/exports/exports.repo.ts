import type { Db } from '@server/db/database';
import { accountScope, type Actor } from '@server/policies';

/** The tags of each account of a page, by name. */
export async function tagNamesOf(db: Db, accountIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (accountIds.length === 0) return result;
  const rows = await db.selectFrom('account_tags').innerJoin('tags', 'tags.id', 'account_tags.tag_id')
    .select(['account_tags.account_id', 'tags.name'])
    .where('account_tags.account_id', 'in', accountIds)
    .orderBy('tags.name_norm').orderBy('tags.id')
    .execute();
  for (const row of rows) result.set(row.account_id, [...(result.get(row.account_id) ?? []), row.name]);
  return result;
}

export type OrganizationLink = { name: string; position: string | null };

/**
 * The organizations each person of a page belongs to, with their position there, oldest link
 * first; only organizations the actor may see (a hidden one is absent, not blank).
 */
export async function organizationLinksOf(db: Db, actor: Actor, personIds: string[]): Promise<Map<string, OrganizationLink[]>> {
  const result = new Map<string, OrganizationLink[]>();
  if (personIds.length === 0) return result;
  const rows = await db.selectFrom('contacts').innerJoin('accounts as org', 'org.id', 'contacts.organization_id')
    .select(['contacts.person_id', 'org.name', 'contacts.position'])
    .where('contacts.person_id', 'in', personIds)
    .where(accountScope(actor, 'org'))
    .orderBy('contacts.created_at').orderBy('contacts.id')
    .execute();
  for (const row of rows) result.set(row.person_id, [...(result.get(row.person_id) ?? []), { name: row.name, position: row.position }]);
  return result;
}
