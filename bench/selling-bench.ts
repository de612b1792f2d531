import type { FastifyInstance } from 'fastify';
import { dashboardCharts } from '@contract/dashboard';
import type { Board } from '@contract/opportunities';
import type { Db } from '@server/db/database';
import { getJson } from './api-bench';
import { benchLists, benchOne, type Actor, type ListCase, type LoadedLine } from './lists-bench';
import type { Raw } from './raw';

// Issue 19 item 6: the pipeline board, the opportunities list, a campaign's members and the
// dashboard's charts, each in-process against the same SQL run directly.

const closeQuarter = { closeFrom: '2026-10-01', closeTo: '2026-12-31' };

export const opportunityCases = (laterPage: number): ListCase[] => [
  { name: 'opportunities, newest first', path: '/api/v1/opportunities', params: { limit: '50' }, laterPage },
  { name: 'opportunities stage=proposal sort=name', path: '/api/v1/opportunities', params: { stage: 'proposal', sort: 'name', limit: '50' }, laterPage },
  { name: 'opportunities closing in a quarter', path: '/api/v1/opportunities', params: { ...closeQuarter, sort: 'expectedCloseOn', limit: '50' } },
];

/** The board's first screen, a column's next page (and one deep in it), with and without a filter. */
export async function benchBoard(app: FastifyInstance, who: Actor, raw: Raw, runs: number): Promise<LoadedLine[]> {
  const lines: LoadedLine[] = [];
  for (const [name, filters] of [['', {}], [' closing in a quarter', closeQuarter]] as const) {
    const query = new URLSearchParams(filters).toString();
    lines.push(await benchOne(app, who, raw, runs, `board first screen${name} (every column's count, totals per currency, 20 cards)`, `/api/v1/opportunities/board${query ? `?${query}` : ''}`));
    const board: Board = await getJson(app, who.cookie, `/api/v1/opportunities/board${query ? `?${query}` : ''}`);
    const column = [...board.columns].sort((a, b) => b.count - a.count)[0];
    if (!column?.nextCursor) continue;
    const params = { ...filters, stage: column.stage, limit: '20' };
    const [next] = await benchLists(app, who, raw, runs, [{ name: `board column ${column.stage}${name} (${column.count.toLocaleString('en')} cards) after its first 20`, path: '/api/v1/opportunities/board/column', params: { ...params, cursor: column.nextCursor } }]);
    if (next) lines.push({ ...next, label: next.label.replace(/, page 1$/, '') });
    if (name === '') lines.push(...(await benchLists(app, who, raw, runs, [{ name: `board column ${column.stage}`, path: '/api/v1/opportunities/board/column', params, laterPage: 100 }])).slice(1));
  }
  return lines;
}

/** The largest campaign and one of about 2,000 members: what the data has. */
export async function benchCampaigns(db: Db): Promise<Array<{ id: string; members: number }>> {
  const sizes = await db.selectFrom('campaign_members').select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('campaign_id').execute();
  const sorted = sizes.map((row) => ({ id: row.campaign_id, members: Number(row.n) })).sort((a, b) => b.members - a.members);
  const middle = [...sorted].sort((a, b) => Math.abs(a.members - 2000) - Math.abs(b.members - 2000))[0];
  return [sorted[0], middle].filter((campaign): campaign is { id: string; members: number } => campaign !== undefined);
}

export const memberCases = (campaign: { id: string; members: number }, laterPage: number): ListCase[] => {
  const path = `/api/v1/campaigns/${campaign.id}/members`;
  const of = `campaign of ${campaign.members.toLocaleString('en')} members`;
  return [
    { name: `members of a ${of}, by name`, path, params: { limit: '50' }, laterPage },
    { name: `members of a ${of}, status=interested`, path, params: { status: 'interested', limit: '50' } },
  ];
};

/** Every chart of the dashboard over the last twelve months (the campaign members' of the largest campaign). */
export async function benchDashboard(app: FastifyInstance, who: Actor, raw: Raw, runs: number, campaignId: string): Promise<LoadedLine[]> {
  const range = new URLSearchParams({ from: '2025-12-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', timeZone: 'Europe/Madrid' }).toString();
  const lines: LoadedLine[] = [];
  for (const chart of dashboardCharts) {
    const campaign = chart === 'campaign-members' ? `&campaignId=${campaignId}` : '';
    lines.push(await benchOne(app, who, raw, runs, `dashboard ${chart}${campaign ? ' (largest campaign)' : ''}`, `/api/v1/dashboard/${chart}?${range}${campaign}`));
  }
  return lines;
}
