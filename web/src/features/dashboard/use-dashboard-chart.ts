import { dashboardChartSchema, type DashboardChartName } from '@contract/dashboard';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';

/** What every chart is asked for: the range's instants, the user's time zone, and whose work. */
export type ChartQuery = { from: string; to: string; timeZone: string; ownerId?: string | undefined; teamId?: string | undefined; campaignId?: string | undefined };

/** One chart, fetched on its own: a slow chart never holds the others back. */
export function useDashboardChart(chart: DashboardChartName, query: ChartQuery) {
  return useQuery({
    queryKey: ['dashboard', chart, query],
    queryFn: ({ signal }) => apiJson(dashboardChartSchema, `/dashboard/${chart}`, { query, signal }),
    staleTime: 60_000,
  });
}
