import { Skeleton, Stack } from '@mantine/core';
import { Suspense } from 'react';
import type { DashboardCell, DashboardChartName } from '@contract/dashboard';
import { useNavigate } from 'react-router';
import { PieChart } from './chart-pictures';
import { ChartLegend, type LegendItem } from './chart-legend.component';
import { useChartLabels } from './chart-labels';

type Props = { chart: DashboardChartName; cells: DashboardCell[]; linkOf: (cell: DashboardCell) => string | null };

/** A pie of one count per key (a stage, a status, a tag), its slices links to their lists. */
export function PieView({ chart, cells, linkOf }: Props) {
  const labels = useChartLabels(chart);
  const navigate = useNavigate();
  const items: LegendItem[] = cells.map((cell, index) => ({
    id: `${cell.key ?? ''}`, label: labels.keyLabel(cell), value: labels.count(cell), color: cell.highlight ? 'red.6' : labels.keyColor(cell, index),
    href: linkOf(cell), ...(cell.highlight ? { highlight: true } : {}), ...(cell.sums?.length ? { detail: labels.money(cell) } : {}),
  }));
  const data = items.flatMap((item, index) => ((cells[index]?.count ?? 0) > 0 ? [{ name: item.label, value: cells[index]?.count ?? 0, color: item.color ?? 'gray.6', href: item.href }] : []));
  return (
    <Stack gap="sm">
      <Suspense fallback={<Skeleton h={160} />}>
        <PieChart
          data={data}
          size={160}
          mx="auto"
          withTooltip
          tooltipDataSource="segment"
          pieProps={{
            style: { cursor: 'pointer' },
            onClick: (slice: { payload?: { href?: string | null } }) => { if (slice.payload?.href) void navigate(slice.payload.href); },
          }}
        />
      </Suspense>
      <ChartLegend items={items} />
    </Stack>
  );
}
