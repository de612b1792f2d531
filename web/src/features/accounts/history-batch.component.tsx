import type { HistoryKind, TimelineBatch } from '@contract/accounts';
import { Anchor, Button, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatDate, formatDateTime } from '@web/components/format';
import { HistoryEntry, useActionLabel } from './history-entry.component';
import { useTimeline } from './use-timeline';

/** "12 contacts added": the plural phrase where one exists, else "action: n". */
function useCountPhrase(): (action: string, count: number) => string {
  const { t, i18n } = useTranslation();
  const label = useActionLabel();
  return (action, count) =>
    i18n.exists(`accounts:history.batchCount.${action}`, { count })
      ? t(`accounts:history.batchCount.${action}`, { count })
      : t('accounts:history.batchCountOther', { action: label(action), count });
}

function BatchEntries({ accountId, batch, kinds }: { accountId: string; batch: TimelineBatch; kinds: HistoryKind[] }) {
  const { t } = useTranslation();
  const entries = useTimeline(accountId, kinds, batch.id);
  const label = useActionLabel();
  if (entries.isPending) return <Loader size="xs" />;
  return (
    <Stack gap="sm" pl="xs" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
      <ErrorAlert error={entries.error} />
      {entries.data?.pages.flatMap((page) => page.items).map((item) =>
        item.type === 'entry' ? (
          <Stack key={item.id} gap={2}>
            <Text size="sm" fw={600}>
              {label(item.action)}
            </Text>
            <HistoryEntry entry={item} inBatch />
          </Stack>
        ) : null,
      )}
      {entries.hasNextPage && (
        <Button size="xs" variant="default" onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('common:action.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

/** What one import, bulk action or merge did here, summed up, its entries one click away. */
export function HistoryBatch({ accountId, batch, kinds }: { accountId: string; batch: TimelineBatch; kinds: HistoryKind[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const phrase = useCountPhrase();
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {formatDateTime(batch.at)} · {batch.actor?.name ?? t('accounts:overview.system')}
      </Text>
      <Text size="sm">{batch.actions.map((item) => phrase(item.action, item.count)).join(' · ')}</Text>
      <Anchor component="button" type="button" size="sm" onClick={() => setOpen(!open)} aria-expanded={open} style={{ alignSelf: 'flex-start' }}>
        {open ? t('accounts:history.hideBatch') : t('accounts:history.showBatch', { count: batch.count })}
      </Anchor>
      {open && <BatchEntries accountId={accountId} batch={batch} kinds={kinds} />}
    </Stack>
  );
}

/** A batch's title: "Import of 7 Dec 2026". */
export function useBatchTitle(): (batch: TimelineBatch) => string {
  const { t } = useTranslation();
  return (batch) => t(`accounts:history.batch.${batch.kind}`, { date: formatDate(batch.at) });
}
