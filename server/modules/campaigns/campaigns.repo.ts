import { sql, type SqlBool } from 'kysely';
import type { CampaignListQuery } from '@contract/campaigns';
import type { CampaignRow, NewCampaign } from '@server/db/campaign-tables';
import type { Db } from '@server/db/database';
import { normalizeText } from '@server/lib/normalize';

/** A text as a LIKE pattern matching it anywhere, its own wildcards taken literally. */
export const containing = (text: string): string => `%${normalizeText(text).replace(/[\\%_]/g, '\\$&')}%`;

/** The campaigns list's filters, each served by an index (see the campaigns migration). Campaigns are everyone's to read. */
export function filteredCampaigns(db: Db, filters: Partial<CampaignListQuery>) {
  let base = db.selectFrom('campaigns');
  if (filters.status) base = base.where('campaigns.status', '=', filters.status);
  if (filters.responsibleId) {
    const userId = filters.responsibleId;
    base = base.where('campaigns.id', 'in', (eb) => eb.selectFrom('campaign_responsibles').select('campaign_responsibles.campaign_id').where('campaign_responsibles.user_id', '=', userId));
  }
  if (filters.q) {
    const pattern = containing(filters.q);
    base = base.where(sql<SqlBool>`campaigns.name_norm like ${pattern} escape '\\'`);
  }
  return base;
}

export const findCampaign = (db: Db, id: string): Promise<CampaignRow | undefined> =>
  db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();

export const findCampaigns = (db: Db, ids: string[]): Promise<CampaignRow[]> =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('campaigns').selectAll().where('id', 'in', ids).execute();

export async function insertCampaign(db: Db, row: NewCampaign): Promise<void> {
  await db.insertInto('campaigns').values(row).execute();
}

/** Writes the patch if the version is still `version` (and moves it on); false when someone else wrote first. */
export async function updateCampaignRow(db: Db, id: string, version: number, patch: Partial<CampaignRow>): Promise<boolean> {
  const result = await db.updateTable('campaigns').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Responsible users of each campaign, by name. */
export async function responsiblesOf(db: Db, campaignIds: string[]): Promise<Map<string, Array<{ id: string; name: string }>>> {
  const byCampaign = new Map<string, Array<{ id: string; name: string }>>();
  if (campaignIds.length === 0) return byCampaign;
  const rows = await db.selectFrom('campaign_responsibles').innerJoin('users', 'users.id', 'campaign_responsibles.user_id')
    .select(['campaign_responsibles.campaign_id', 'users.id', 'users.name'])
    .where('campaign_responsibles.campaign_id', 'in', campaignIds).orderBy('users.name_norm').orderBy('users.id').execute();
  for (const row of rows) byCampaign.set(row.campaign_id, [...(byCampaign.get(row.campaign_id) ?? []), { id: row.id, name: row.name }]);
  return byCampaign;
}

/** Replaces the campaign's responsible users. */
export async function setResponsibles(db: Db, campaignId: string, userIds: string[]): Promise<void> {
  await db.deleteFrom('campaign_responsibles').where('campaign_id', '=', campaignId).execute();
  if (userIds.length > 0) await db.insertInto('campaign_responsibles').values(userIds.map((userId) => ({ campaign_id: campaignId, user_id: userId }))).execute();
}

export async function isResponsible(db: Db, campaignId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('campaign_responsibles').select('user_id').where('campaign_id', '=', campaignId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** The catalog products campaigns link to, by id: what a campaign shows of its product. */
export async function catalogProductsOf(db: Db, ids: string[]): Promise<Map<string, { id: string; code: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('products').select(['id', 'code', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, row]));
}
