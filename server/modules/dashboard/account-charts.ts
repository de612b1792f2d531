import type { DashboardCell } from '@contract/dashboard';
import { accountScopeOf } from '@server/policies';
import { countPerColumn, groupAccounts } from '@server/modules/accounts/account-list';
import { listItems } from '@server/modules/lists/lists.repo';
import { cellsOf, type ChartContext } from './chart-context';
import { firstTags } from './dashboard.repo';
import { monthsOf } from './months';

// Accounts are counted by the accounts list engine under the actor's portfolio, with the list's
// own filters (owner, team, kind, tag, created range): what a slice counts is what its link lists.

const peopleOf = ({ query }: ChartContext) => ({
  ...(query.ownerId ? { ownerId: query.ownerId } : {}), ...(query.teamId ? { teamId: query.teamId } : {}),
});

/** Accounts per stage (every stage of the list, in its order), now: as the list counts them (exact up to 10,000, then an estimate). */
export async function accountsByStage(context: ChartContext): Promise<DashboardCell[]> {
  const stages = (await listItems(context.db, 'account_stage', true)).map((item) => item.key);
  return cellsOf(await groupAccounts(context.db, accountScopeOf(context.actor), peopleOf(context), { by: 'stage', values: stages }));
}

/** People per tag (the first tags by name), now. */
export async function peopleByTag(context: ChartContext): Promise<DashboardCell[]> {
  const tags = await firstTags(context.db);
  const groups = await groupAccounts(context.db, accountScopeOf(context.actor), { ...peopleOf(context), kind: 'person' }, { by: 'tagId', values: tags.map((tag) => tag.id) });
  return cellsOf(groups).map((cell, index) => ({ ...cell, label: tags[index]?.name ?? '' }));
}

/** Accounts created in each month of the range, per source (null: none given), exactly. */
export async function newAccounts(context: ChartContext): Promise<DashboardCell[]> {
  const { db, actor, query, timeZone } = context;
  const cells: DashboardCell[] = [];
  for (const month of monthsOf(query.from, query.to, timeZone)) {
    const counts = await countPerColumn(db, accountScopeOf(actor), { ...peopleOf(context), createdFrom: month.from, createdTo: month.to }, 'source');
    counts.sort((a, b) => (a.value ?? '\uffff').localeCompare(b.value ?? '\uffff'));
    for (const { value, count } of counts) cells.push({ key: month.key, series: value, count, countIsEstimate: false, from: month.from, to: month.to });
  }
  return cells;
}
