import { overviewCounterKeys, type Account, type OverviewCounter } from '@contract/accounts';
import { Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { counterText } from './counter-value';

/** Which tab of the account's page shows the records behind a counter. */
const counterTabs: Partial<Record<OverviewCounter, string>> = { openActivities: 'activities', contacts: 'contacts', documents: 'documents' };

/**
 * The list, filtered to exactly what a company counter counts (seed 003's four): its active
 * projects, its open tasks, its agreements sent and not signed by both, its invoices billed this
 * calendar year (UTC, as the counter).
 */
function counterList(key: OverviewCounter, id: string): string | null {
  const year = new Date().getUTCFullYear();
  const lists: Partial<Record<OverviewCounter, [string, Record<string, string>]>> = {
    activeProjects: ['/projects', { organizationId: id, status: 'active' }],
    openTasks: ['/activities', { accountId: id, type: 'task', status: 'scheduled' }],
    unsignedAgreements: ['/agreements', { organizationId: id, unsigned: 'true' }],
    invoicedThisYear: ['/invoices', { organizationId: id, issuedFrom: `${year}-01-01`, issuedTo: `${year}-12-31`, billed: 'true' }],
  };
  const list = lists[key];
  return list ? `${list[0]}?${new URLSearchParams(list[1]).toString()}` : null;
}

/** Seed 003's overview: a tile per counter, opening the tab or the list of what it counts. */
export function OverviewCounters({ account }: { account: Account }) {
  const { t } = useTranslation();
  const [, setSearchParams] = useSearchParams();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="overview-counters">
      {overviewCounterKeys.map((key) => {
        const tab = counterTabs[key];
        const to = counterList(key, account.id);
        const label = t(`company:counters.${key}`);
        const content = (
          <Stack gap={0} align="flex-start">
            <Text fz={26} fw={700} lh={1.2} style={{ overflowWrap: 'anywhere' }}>
              {counterText(account.overview[key])}
            </Text>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
          </Stack>
        );
        return (
          <Paper key={key} withBorder p="sm" data-counter={key}>
            {to ? (
              <UnstyledButton component={Link} to={to} style={{ width: '100%', display: 'block' }}>
                {content}
              </UnstyledButton>
            ) : tab ? (
              <UnstyledButton onClick={() => setSearchParams({ tab }, { replace: true })} style={{ width: '100%' }}>
                {content}
              </UnstyledButton>
            ) : (
              content
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
