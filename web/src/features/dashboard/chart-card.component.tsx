import { Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChartPieOff } from '@tabler/icons-react';
import type { DashboardCell, DashboardChartName } from '@contract/dashboard';
import { minorDigits } from '@contract/money';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@web/components/empty-state.component';
import { ErrorAlert } from '@web/components/error-alert.component';
import { BarView } from './bar-view.component';
import { CampaignPicker } from './campaign-picker.component';
import { chartLink, type People } from './chart-links';
import type { DayRange } from './dashboard-range';
import { PieView } from './pie-view.component';
import { useDashboardChart } from './use-dashboard-chart';

/** How each chart is drawn: a pie of one count per key, or bars (the forecast's bars are weighted amounts, side by side per currency). */
const shapes: Record<DashboardChartName, 'pie' | 'bar' | 'money'> = {
  'accounts-by-stage': 'pie', 'people-by-tag': 'pie', 'requests-by-status': 'pie', 'requests-by-channel': 'pie',
  'activities-by-status': 'pie', 'activities-by-type': 'pie', 'campaign-members': 'pie', 'new-accounts': 'bar', 'opportunities-by-stage': 'bar', 'won-lost': 'bar', forecast: 'money',
  'quotes-by-status': 'pie', 'quotes-accepted': 'money',
  'invoiced-per-month': 'money', 'invoices-overdue': 'bar', 'projects-by-status': 'pie', 'agreements-waiting': 'pie',
};

/** A money bar (the forecast's weighted amount, a month's accepted quotes): the amount in major units (only bars of one currency are ever compared side by side). */
const majorAmount = (cell: DashboardCell) => {
  const sum = cell.sums?.[0];
  return sum ? sum.amount / 10 ** minorDigits(sum.currency) : 0;
};

/** The campaign-members chart's choice of campaign (absent: the most recent), kept in the URL by the page. */
export type CampaignChoice = { campaignId: string | undefined; onCampaign: (campaignId: string | null) => void };

type Props = { chart: DashboardChartName; range: DayRange; timeZone: string; people: People; campaign?: CampaignChoice | undefined };

/** One chart in its card: loading, failing and empty on its own, never holding the others. */
export function ChartCard({ chart, range, timeZone, people, campaign }: Props) {
  const { t } = useTranslation();
  const query = useDashboardChart(chart, { from: range.from, to: range.to, timeZone, ...people, ...(campaign?.campaignId ? { campaignId: campaign.campaignId } : {}) });
  const cells = query.data?.cells ?? [];
  const counted = query.data?.campaign ?? null;
  const linkOf = (cell: DashboardCell) => chartLink(chart, cell, range, people, counted?.id);
  const shape = shapes[chart];
  return (
    <Paper withBorder p="md" radius="md" data-testid={`chart-${chart}`} miw={0}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5">{t(`dashboard:chart.${chart}`)}</Title>
          {campaign && <CampaignPicker chosen={counted} onChange={campaign.onCampaign} />}
        </Group>
        {campaign && people.teamId && <Text size="xs" c="dimmed">{t('dashboard:campaignTeam')}</Text>}
        {query.isPending ? <Skeleton h={200} /> : query.isError ? <ErrorAlert error={query.error} />
          : cells.every((cell) => cell.count === 0) ? <EmptyState icon={<IconChartPieOff size={24} />} title={t('dashboard:empty.title')} message={t('dashboard:empty.message')} />
            : shape === 'pie' ? <PieView chart={chart} cells={cells} linkOf={linkOf} />
              : <BarView chart={chart} cells={cells} linkOf={linkOf} {...(shape === 'money' ? { value: majorAmount, stacked: false } : {})} />}
      </Stack>
    </Paper>
  );
}
