import '@mantine/charts/styles.css';
import { Alert, SimpleGrid, Stack, Title } from '@mantine/core';
import { dashboardCharts, type DashboardChartName } from '@contract/dashboard';
import { useTranslation } from 'react-i18next';
import { useUrlFilters } from '@web/components/use-url-filters';
import { useCurrentUser } from '@web/features/auth/session';
import { ChartCard } from './chart-card.component';
import { DashboardFilters } from './dashboard-filters.component';
import { defaultPreset, rangeOf, rangePresets, userTimeZone } from './dashboard-range';

/** Charts of the state of things first (seed 001: campaigns, prospects, interested people), then of the period's work and sales. */
const order: DashboardChartName[] = [...dashboardCharts];

/**
 * The home page (seed 001's dashboard): pie and bar charts of the actor's own portfolio, each
 * loaded on its own, each slice a link to the list it counts. The range and the owner or team
 * live in the URL, so a view can be bookmarked and shared.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { get, set } = useUrlFilters();
  const preset = rangePresets.find((value) => value === get('range')) ?? defaultPreset;
  const custom = { from: get('from'), to: get('to') };
  const range = rangeOf(preset, new Date(), custom);
  const choosePeople = me.role === 'admin' || me.role === 'manager';
  const people = choosePeople ? { ownerId: get('ownerId') || undefined, teamId: get('teamId') || undefined } : {};
  const timeZone = userTimeZone();
  const campaign = { campaignId: get('campaignId') || undefined, onCampaign: (id: string | null) => set('campaignId', id) };
  return (
    <Stack gap="md">
      <Title order={2}>{t('dashboard:title')}</Title>
      <DashboardFilters preset={preset} custom={custom} ownerId={people.ownerId ?? null} teamId={people.teamId ?? null} choosePeople={choosePeople} set={set} />
      {range ? (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          {order.map((chart) => <ChartCard key={chart} chart={chart} range={range} timeZone={timeZone} people={people} {...(chart === 'campaign-members' ? { campaign } : {})} />)}
        </SimpleGrid>
      ) : (
        <Alert color="yellow">{t('dashboard:range.pick')}</Alert>
      )}
    </Stack>
  );
}
