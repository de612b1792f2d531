import { Button, Center, Loader, Stack, Text, Timeline } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { HistoryEntry, historyIcons, useActionLabel } from '@web/features/accounts/history-entry.component';
import { useOpportunityHistory } from './use-opportunities';

/** Who changed what on the opportunity, its people, moves, activities and documents, newest first. */
export function OpportunityHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const history = useOpportunityHistory(id);
  const actionLabel = useActionLabel();
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md">
      <ErrorAlert error={history.error} />
      {history.isPending ? <Center py="md"><Loader size="sm" /></Center> : entries.length === 0 && <Text c="dimmed">{t('opportunities:page.historyEmpty')}</Text>}
      <Timeline bulletSize={26} lineWidth={2}>
        {entries.map((entry) => {
          const Icon = historyIcons[entry.action] ?? IconPencil;
          return (
            <Timeline.Item key={entry.id} bullet={<Icon size={14} />} title={actionLabel(entry.action)}>
              <HistoryEntry entry={entry} />
            </Timeline.Item>
          );
        })}
      </Timeline>
      {history.hasNextPage && (
        <Button variant="default" onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('common:action.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
