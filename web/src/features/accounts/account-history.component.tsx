import { historyKinds, type HistoryBatchKind, type HistoryKind } from '@contract/accounts';
import { Button, Center, Chip, Group, Loader, Stack, Text, Timeline } from '@mantine/core';
import { IconArrowMerge, IconChecks, IconFileImport, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { HistoryBatch, useBatchTitle } from './history-batch.component';
import { HistoryEntry, historyIcons, useActionLabel } from './history-entry.component';
import { useTimeline } from './use-timeline';

const batchIcons: Record<HistoryBatchKind, typeof IconPencil> = { import: IconFileImport, bulk: IconChecks, merge: IconArrowMerge };

const isHistoryKind = (value: string): value is HistoryKind => historyKinds.some((kind) => kind === value);

/** Who changed what and when, newest first; what one import or bulk action did is one entry. */
export function AccountHistory({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<HistoryKind[]>([]);
  const timeline = useTimeline(accountId, kinds);
  const actionLabel = useActionLabel();
  const batchTitle = useBatchTitle();
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md">
      <Chip.Group multiple value={kinds} onChange={(values) => setKinds(values.filter(isHistoryKind))}>
        <Group gap={6} wrap="wrap" role="group" aria-label={t('accounts:history.kindsLabel')}>
          {historyKinds.map((kind) => (
            <Chip key={kind} value={kind} size="xs">
              {t(`accounts:history.kind.${kind}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <ErrorAlert error={timeline.error} />
      {timeline.isPending ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : (
        entries.length === 0 && <Text c="dimmed">{kinds.length > 0 ? t('accounts:history.emptyFiltered') : t('accounts:history.empty')}</Text>
      )}
      <Timeline bulletSize={26} lineWidth={2}>
        {entries.map((item) => {
          if (item.type === 'batch') {
            const BatchIcon = batchIcons[item.kind];
            return (
              <Timeline.Item key={item.id} bullet={<BatchIcon size={14} />} title={batchTitle(item)}>
                <HistoryBatch accountId={accountId} batch={item} kinds={kinds} />
              </Timeline.Item>
            );
          }
          const Icon = historyIcons[item.action] ?? IconPencil;
          return (
            <Timeline.Item key={item.id} bullet={<Icon size={14} />} title={actionLabel(item.action)}>
              <HistoryEntry entry={item} />
            </Timeline.Item>
          );
        })}
      </Timeline>
      {timeline.hasNextPage && (
        <Button variant="default" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('common:action.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
