import type { TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import { Button, Center, Loader, Stack, Text, Timeline } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { HistoryEntry, historyIcons, useActionLabel } from './history-entry.component';

type Props = { history: UseInfiniteQueryResult<InfiniteData<ListResponse<TimelineEntry>>>; empty: string };

/** A record's own history (an opportunity's, a project's), newest first, a page at a time. */
export function RecordHistory({ history, empty }: Props) {
  const { t } = useTranslation();
  const actionLabel = useActionLabel();
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md">
      <ErrorAlert error={history.error} />
      {history.isPending ? <Center py="md"><Loader size="sm" /></Center> : entries.length === 0 && <Text c="dimmed">{empty}</Text>}
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
