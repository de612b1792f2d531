import type { DashboardCell, DashboardQuery } from '@contract/dashboard';
import type { Group } from '@contract/list-query';
import type { Db } from '@server/db/database';
import type { Actor } from '@server/policies';

/** What every chart is computed from: who asks, the range, the months on their clock, and whose work. */
export type ChartContext = { db: Db; actor: Actor; query: DashboardQuery; timeZone: string };

/** A grouped count's groups as a chart's cells (one series). */
export const cellsOf = (groups: Group[]): DashboardCell[] =>
  groups.map((group) => ({
    key: group.value, series: null, count: group.count, countIsEstimate: group.countIsEstimate, ...(group.sums ? { sums: group.sums } : {}),
  }));
