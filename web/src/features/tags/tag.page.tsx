import { Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompact } from '@web/components/list-kit/use-compact';
import { useParams } from 'react-router';
import { buildUrl } from '@web/app/api-client';
import { ErrorAlert } from '@web/components/error-alert.component';
import { RecordGuard } from '@web/components/record-guard.component';
import { formatTotal } from '@web/components/format';
import { AccountsCards } from '@web/features/accounts/accounts-cards.component';
import { AccountsTable } from '@web/features/accounts/accounts-table.component';
import { useAccountsList } from '@web/features/accounts/use-accounts-list';
import { LazyBulkMailModal } from '@web/features/mail/mail-launchers.component';
import { TagBadge } from './tag-badge.component';
import { useTag } from './use-tags';

const columns = ['stage', 'email', 'phone', 'city', 'owners'] as const;

/** A tag's accounts in the user's portfolio (seed 001), and their export for mass mailing. */
export function TagPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const tag = useTag(id);
  const list = useAccountsList({ sort: 'name', tagId: id });
  const compact = useCompact();
  const [mailing, setMailing] = useState(false);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const firstPage = list.data?.pages[0];

  return (
    <RecordGuard query={tag}>
      {(record) => (
        <Stack gap="md">
          <Group justify="space-between" gap="sm">
            <Group gap="sm" align="center">
              <Title order={2}>{t('tags:page.title')}</Title>
              <TagBadge name={record.name} color={record.color} size="xl" />
              {firstPage && (
                <Text c="dimmed" size="sm" data-testid="tag-total">
                  {t('accounts:list.total', { count: firstPage.total, total: formatTotal(firstPage.total, firstPage.totalIsEstimate) })}
                </Text>
              )}
            </Group>
            <Group gap="xs">
              <Button leftSection={<IconMail size={16} />} onClick={() => setMailing(true)}>{t('mail:bulk.action')}</Button>
              <Button component="a" href={buildUrl(`/tags/${encodeURIComponent(id)}/export.csv`)} download leftSection={<IconDownload size={16} />} variant="light">
                {t('tags:page.export')}
              </Button>
            </Group>
          </Group>
          {mailing && <LazyBulkMailModal selection={{ tagId: id }} title={t('mail:bulk.tagTitle', { name: record.name })} onClose={() => setMailing(false)} />}
          <Text size="sm" c="dimmed">{t('tags:page.exportHelp')}</Text>
          <ErrorAlert error={list.error} />
          {list.isPending ? (
            <Center py="xl"><Loader /></Center>
          ) : items.length === 0 ? (
            <Text c="dimmed" ta="center" py="xl">{t('tags:page.empty')}</Text>
          ) : compact ? (
            <AccountsCards items={items} hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={list.fetchNextPage} />
          ) : (
            <AccountsTable
              items={items}
              visible={[...columns]}
              sort="name"
              onSort={() => undefined}
              hasNextPage={list.hasNextPage}
              isFetchingNextPage={list.isFetchingNextPage}
              fetchNextPage={list.fetchNextPage}
            />
          )}
        </Stack>
      )}
    </RecordGuard>
  );
}
