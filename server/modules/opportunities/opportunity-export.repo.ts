import { sql } from 'kysely';
import type { Db, OpportunityRow } from '@server/db/database';
import { accountScope, type Actor } from '@server/policies';

export type ExportRow = OpportunityRow & { organization_name: string; owner_name: string };

/** A page of opportunities by id with their organization's and owner's names, in the order given. */
export async function exportRowsOf(db: Db, ids: string[]): Promise<ExportRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('opportunities').selectAll('opportunities').select([
    sql<string>`(select a.name from accounts a where a.id = opportunities.organization_id)`.as('organization_name'),
    sql<string>`(select u.name from users u where u.id = opportunities.owner_id)`.as('owner_name'),
  ]).where('opportunities.id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Each opportunity's people the actor may see, "name (role key)", by name. */
export async function peopleNamesOf(db: Db, actor: Actor, ids: string[]): Promise<Map<string, Array<{ name: string; role: string | null }>>> {
  const result = new Map<string, Array<{ name: string; role: string | null }>>();
  if (ids.length === 0) return result;
  const rows = await db.selectFrom('opportunity_people').innerJoin('accounts as person', 'person.id', 'opportunity_people.person_id')
    .select(['opportunity_people.opportunity_id', 'person.name', 'opportunity_people.role'])
    .where('opportunity_people.opportunity_id', 'in', ids).where(accountScope(actor, 'person'))
    .orderBy('person.name_norm').orderBy('person.id').execute();
  for (const row of rows) result.set(row.opportunity_id, [...(result.get(row.opportunity_id) ?? []), { name: row.name, role: row.role }]);
  return result;
}

/** Each opportunity's tags by name. */
export async function opportunityTagNamesOf(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (ids.length === 0) return result;
  const rows = await db.selectFrom('opportunity_tags').innerJoin('tags', 'tags.id', 'opportunity_tags.tag_id')
    .select(['opportunity_tags.opportunity_id', 'tags.name']).where('opportunity_tags.opportunity_id', 'in', ids)
    .orderBy('tags.name_norm').orderBy('tags.id').execute();
  for (const row of rows) result.set(row.opportunity_id, [...(result.get(row.opportunity_id) ?? []), row.name]);
  return result;
}

/** Labels of the opportunity lists (stages, sources, lost reasons, roles) in the reader's language. */
export async function opportunityListLabels(db: Db, language: 'es' | 'en'): Promise<Map<string, string>> {
  const rows = await db.selectFrom('list_items').select(['list_key', 'key', 'label_es', 'label_en'])
    .where('list_key', 'in', ['opportunity_stage', 'opportunity_lost_reason', 'opportunity_role', 'source']).execute();
  return new Map(rows.map((row) => [`${row.list_key}:${row.key}`, language === 'es' ? row.label_es : row.label_en]));
}
