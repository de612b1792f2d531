import type { DashboardChart } from '@contract/dashboard';
import { filteredCampaigns } from '@server/modules/campaigns/campaigns.repo';
import { requireCampaign } from '@server/modules/campaigns/campaigns.service';
import { countMemberGroups } from '@server/modules/campaigns/members.service';
import { cellsOf, type ChartContext } from './chart-context';

/** The campaign asked for (404 when there is none), or the most recent by start, as the campaigns list opens. */
async function chosenCampaign({ db, query }: ChartContext): Promise<{ id: string; name: string } | null> {
  if (query.campaignId) {
    const row = await requireCampaign(db, query.campaignId);
    return { id: row.id, name: row.name };
  }
  const latest = await filteredCampaigns(db, {}).select(['campaigns.id', 'campaigns.name'])
    .orderBy('campaigns.starts_on', 'desc').orderBy('campaigns.id', 'desc').limit(1).executeTakeFirst();
  return latest ?? null;
}

/**
 * A campaign's members per status (every item of the status list, in its order) as its members
 * list counts them: only those in the actor's portfolio, narrowed by the owner filter as their
 * responsible user. Counted now, like the list; the date range does not apply.
 */
export async function campaignMembers(context: ChartContext): Promise<Omit<DashboardChart, 'chart'>> {
  const campaign = await chosenCampaign(context);
  if (!campaign) return { cells: [], campaign: null };
  const { db, actor, query } = context;
  const groups = await countMemberGroups(db, actor, campaign.id, { by: 'status', ...(query.ownerId ? { responsibleId: query.ownerId } : {}) });
  return { cells: cellsOf(groups.groups), campaign };
}
