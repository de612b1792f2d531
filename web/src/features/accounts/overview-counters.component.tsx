import { overviewCounterKeys, type Account } from '@contract/accounts';
import { Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { counterText } from './counter-value';

/** Which tab shows the records behind a counter (later modules add theirs). */
const counterTabs: Partial<Record<(typeof overviewCounterKeys)[number], string>> = { openActivities: 'activities', contacts: 'contacts', documents: 'documents', activeProjects: 'projects', openTasks: 'activities', unsignedAgreements: 'agreements' };

/** Seed 003's overview: the counters that exist so far, each opening its tab. */
export function OverviewCounters({ account }: { account: Account }) {
  const { t } = useTranslation();
  const [, setSearchParams] = useSearchParams();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="overview-counters">
      {overviewCounterKeys.map((key) => {
        const tab = counterTabs[key];
        const content = (
          <Stack gap={0} align="flex-start">
            <Text fz={26} fw={700} lh={1.2}>
              {counterText(account.overview[key])}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`company:counters.${key}`)}
            </Text>
          </Stack>
        );
        return (
          <Paper key={key} withBorder p="sm">
            {tab ? (
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
