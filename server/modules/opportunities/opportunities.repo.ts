import { sql, type SqlBool } from 'kysely';
import type { OpportunityFilters } from '@contract/opportunities';
import type { Db, NewOpportunity, OpportunityRow } from '@server/db/database';
import { normalizeText } from '@server/lib/normalize';
import type { PortfolioDrive } from '@server/lib/portfolio-drive';
import { activityPrivacy, accountScope, opportunityScope, type Actor } from '@server/policies';
import { teamMembers } from '@server/modules/teams/teams.repo';

/**
 * Opportunities the actor may see: every read starts here, so board, list, counts and pages agree.
 * `drive` says how an agent's portfolio is read (see opportunityScope); the rows are the same.
 */
export const scopedOpportunities = (db: Db, actor: Actor, drive: PortfolioDrive = 'portfolio') =>
  db.selectFrom('opportunities').where(opportunityScope(actor, 'opportunities', drive));

export type ScopedOpportunities = ReturnType<typeof scopedOpportunities>;

/** A text as a LIKE pattern matching it anywhere, its own wildcards taken literally. */
const containing = (text: string): string => `%${normalizeText(text).replace(/[\\%_]/g, '\\$&')}%`;

/** The list's and the board's filters, each served by an index (see the opportunities migration). */
export function filteredOpportunities(db: Db, actor: Actor, filters: Partial<OpportunityFilters>, drive: PortfolioDrive = 'portfolio'): ScopedOpportunities {
  let base = scopedOpportunities(db, actor, drive);
  if (filters.stage) base = base.where('opportunities.stage', '=', filters.stage);
  if (filters.status) base = base.where('opportunities.status', '=', filters.status);
  if (filters.ownerId) base = base.where('opportunities.owner_id', '=', filters.ownerId);
  if (filters.organizationId) base = base.where('opportunities.organization_id', '=', filters.organizationId);
  if (filters.source) base = base.where('opportunities.source', '=', filters.source);
  if (filters.closeFrom) base = base.where('opportunities.expected_close_on', '>=', filters.closeFrom);
  if (filters.closeTo) base = base.where('opportunities.expected_close_on', '<=', filters.closeTo);
  if (filters.closedFrom) base = base.where('opportunities.closed_at', '>=', new Date(filters.closedFrom).toISOString());
  if (filters.closedTo) base = base.where('opportunities.closed_at', '<', new Date(filters.closedTo).toISOString());
  if (filters.lostReason) base = base.where('opportunities.lost_reason', '=', filters.lostReason);
  if (filters.teamId) base = base.where('opportunities.owner_id', 'in', teamMembers(db, filters.teamId));
  if (filters.currency) base = base.where('opportunities.currency', '=', filters.currency);
  if (filters.tagId) {
    const tagId = filters.tagId;
    base = base.where('opportunities.id', 'in', (eb) => eb.selectFrom('opportunity_tags').select('opportunity_tags.opportunity_id').where('opportunity_tags.tag_id', '=', tagId));
  }
  if (filters.q) {
    // The opportunity's name or its organization's, anywhere in the text.
    const pattern = containing(filters.q);
    base = base.where(sql<SqlBool>`(opportunities.name_norm like ${pattern} escape '\\'
      or exists (select 1 from accounts qa where qa.id = opportunities.organization_id and qa.name_norm like ${pattern} escape '\\'))`);
  }
  return base;
}

/** A card's row: the opportunity's listed columns, its organization's and owner's names, its next and last activity. */
export type CardRow = Pick<
  OpportunityRow,
  'id' | 'name' | 'organization_id' | 'amount' | 'currency' | 'expected_close_on' | 'probability' | 'stage' | 'status' | 'owner_id' | 'position' | 'created_at' | 'updated_at' | 'version'
> & { organization_name: string; owner_name: string; next_due_at: string | null; last_activity_at: string | null };

/**
 * Cards by id, in the order given. Names as scalar subqueries (no join per row); the next and last
 * activity only among those the actor may see (a private one of someone else's moves no card).
 */
export async function findCards(db: Db, actor: Actor, ids: string[], now: string): Promise<CardRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('opportunities')
    .select([
      'opportunities.id', 'opportunities.name', 'opportunities.organization_id', 'opportunities.amount', 'opportunities.currency',
      'opportunities.expected_close_on', 'opportunities.probability', 'opportunities.stage', 'opportunities.status', 'opportunities.owner_id',
      'opportunities.position', 'opportunities.created_at', 'opportunities.updated_at', 'opportunities.version',
    ])
    .select([
      sql<string>`(select a.name from accounts a where a.id = opportunities.organization_id)`.as('organization_name'),
      sql<string>`(select u.name from users u where u.id = opportunities.owner_id)`.as('owner_name'),
      sql<string | null>`(select min(act.due_at) from activities act
        where act.opportunity_id = opportunities.id and act.status = 'scheduled' and ${activityPrivacy(actor, 'act')})`.as('next_due_at'),
      sql<string | null>`(select max(act.start_at) from activities act
        where act.opportunity_id = opportunities.id and act.status = 'done' and act.start_at <= ${now} and ${activityPrivacy(actor, 'act')})`.as('last_activity_at'),
    ])
    .where('opportunities.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** An opportunity the actor may see, or undefined. */
export const findVisibleOpportunity = (db: Db, actor: Actor, id: string): Promise<OpportunityRow | undefined> =>
  scopedOpportunities(db, actor).selectAll('opportunities').where('opportunities.id', '=', id).executeTakeFirst();

/** An opportunity by id past every policy: only for answering the write that just made it. */
export const findOpportunity = (db: Db, id: string): Promise<OpportunityRow | undefined> =>
  db.selectFrom('opportunities').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertOpportunity(db: Db, row: NewOpportunity): Promise<void> {
  await db.insertInto('opportunities').values(row).execute();
}

/** Writes the patch if the version is still `version` (and moves it on); false when someone else wrote first. */
export async function updateOpportunityRow(db: Db, id: string, version: number, patch: Partial<Omit<OpportunityRow, 'organization_discarded_at'>>): Promise<boolean> {
  const result = await db.updateTable('opportunities').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The people of an opportunity the actor may see (a person outside their portfolio is left out), by name. */
export async function visiblePeopleOf(db: Db, actor: Actor, opportunity: { id: string; organization_id: string }) {
  return db
    .selectFrom('opportunity_people')
    .innerJoin('accounts as person', 'person.id', 'opportunity_people.person_id')
    .leftJoin('contacts', (join) => join.onRef('contacts.person_id', '=', 'opportunity_people.person_id').on('contacts.organization_id', '=', opportunity.organization_id))
    .select(['person.id', 'person.name', 'person.emails', 'person.phones', 'opportunity_people.role', 'contacts.position'])
    .where('opportunity_people.opportunity_id', '=', opportunity.id)
    .where(accountScope(actor, 'person'))
    .orderBy('person.name_norm')
    .orderBy('person.id')
    .execute();
}

export const findPersonOf = (db: Db, opportunityId: string, personId: string) =>
  db.selectFrom('opportunity_people').selectAll().where('opportunity_id', '=', opportunityId).where('person_id', '=', personId).executeTakeFirst();

export async function upsertPerson(db: Db, row: { opportunity_id: string; person_id: string; role: string | null; created_at: string; created_by: string }): Promise<void> {
  await db.insertInto('opportunity_people').values(row).onConflict((conflict) => conflict.columns(['opportunity_id', 'person_id']).doUpdateSet({ role: row.role })).execute();
}

export async function deletePerson(db: Db, opportunityId: string, personId: string): Promise<boolean> {
  const result = await db.deleteFrom('opportunity_people').where('opportunity_id', '=', opportunityId).where('person_id', '=', personId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Which of `personIds` are people (persons, contacts) of the organization: only they may take part. */
export async function contactsOfOrganization(db: Db, organizationId: string, personIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db.selectFrom('contacts').select('person_id').where('organization_id', '=', organizationId).where('person_id', 'in', personIds).execute();
  return new Set(rows.map((row) => row.person_id));
}

export const tagsOf = (db: Db, opportunityId: string) =>
  db.selectFrom('opportunity_tags').innerJoin('tags', 'tags.id', 'opportunity_tags.tag_id')
    .select(['tags.id', 'tags.name', 'tags.color']).where('opportunity_tags.opportunity_id', '=', opportunityId).orderBy('tags.name_norm').orderBy('tags.id').execute();

/** Tags the opportunity; false when it already had the tag. */
export async function insertOpportunityTag(db: Db, row: { opportunity_id: string; tag_id: string; created_at: string; created_by: string }): Promise<boolean> {
  const inserted = await db.insertInto('opportunity_tags').values(row).onConflict((conflict) => conflict.doNothing()).returning('tag_id').executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteOpportunityTag(db: Db, opportunityId: string, tagId: string): Promise<boolean> {
  const result = await db.deleteFrom('opportunity_tags').where('opportunity_id', '=', opportunityId).where('tag_id', '=', tagId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export const findCreatorName = async (db: Db, userId: string | null): Promise<string | null> =>
  userId ? ((await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst())?.name ?? null) : null;

/** The campaign an opportunity came from, by name; null when none (or deleted). */
export const findCampaignRef = async (db: Db, campaignId: string | null): Promise<{ id: string; name: string } | null> =>
  campaignId ? ((await db.selectFrom('campaigns').select(['id', 'name']).where('id', '=', campaignId).executeTakeFirst()) ?? null) : null;

export const hasOpportunityTag = async (db: Db, opportunityId: string, tagId: string): Promise<boolean> =>
  (await db.selectFrom('opportunity_tags').select('tag_id').where('opportunity_id', '=', opportunityId).where('tag_id', '=', tagId).executeTakeFirst()) !== undefined;
