import { Skeleton, Stack } from '@mantine/core';
import { Suspense } from 'react';
import type { DashboardCell, DashboardChartName } from '@contract/dashboard';
import { BarChart } from './chart-pictures';
import { ChartLegend, type LegendItem } from './chart-legend.component';
import { paletteColor, useChartLabels } from './chart-labels';

type Props = { chart: DashboardChartName; cells: DashboardCell[]; linkOf: (cell: DashboardCell) => string | null; value?: (cell: DashboardCell) => number; stacked?: boolean };

/**
 * Bars per key (a month, a stage), stacked by series (a source, won or lost per reason, a
 * currency). Beside them every part as a link: a month's part of the range, filtered to that part.
 */
export function BarView({ chart, cells, linkOf, value = (cell) => cell.count, stacked = true }: Props) {
  const labels = useChartLabels(chart);
  const colors = new Map<string, string>();
  for (const cell of cells) {
    const name = labels.seriesLabel(cell);
    if (!colors.has(name)) colors.set(name, cell.series === 'won' ? 'teal.6' : paletteColor(colors.size + 1));
  }
  const colorOf = (name: string) => colors.get(name) ?? paletteColor(0);
  const rows = new Map<string, Record<string, string | number>>();
  for (const cell of cells) {
    const key = labels.keyLabel(cell);
    const row = rows.get(key) ?? { key };
    row[labels.seriesLabel(cell)] = value(cell);
    rows.set(key, row);
  }
  const single = cells.every((cell) => cell.series === null) && chart !== 'won-lost';
  const items: LegendItem[] = cells.map((cell) => ({
    id: `${cell.key ?? ''}|${cell.series ?? ''}|${cell.reason ?? ''}`,
    label: single ? labels.keyLabel(cell) : `${labels.keyLabel(cell)} · ${labels.seriesLabel(cell)}`,
    value: labels.count(cell),
    color: single ? paletteColor(0) : colorOf(labels.seriesLabel(cell)),
    href: linkOf(cell),
    ...(cell.sums?.length ? { detail: labels.money(cell) } : {}),
  }));
  return (
    <Stack gap="sm">
      <Suspense fallback={<Skeleton h={220} />}>
        <BarChart
          h={220}
          data={[...rows.values()]}
          dataKey="key"
          type={stacked && !single ? 'stacked' : 'default'}
          series={[...colors.keys()].map((name) => ({ name, color: single ? paletteColor(0) : colorOf(name) }))}
          withLegend={!single}
          legendProps={{ verticalAlign: 'bottom' }}
          tickLine="y"
        />
      </Suspense>
      <ChartLegend items={items} />
    </Stack>
  );
}
