import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconRestore, IconTrashX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConfirm } from '@web/components/confirm';
import { ConfirmMutationModal } from '@web/components/confirm-mutation-modal.component';
import { useErrorMessage } from '@web/components/error-alert.component';
import { AdminTable } from '@web/components/list-kit/admin-table.component';
import { formatDateTime, formatTotal } from '@web/components/format';
import { notifications } from '@web/components/notifications';
import { KindIcon } from '@web/features/accounts/kind-icon.component';
import { useBin } from './use-bin';
import { usePurgeAccount } from './use-purge-account';
import { useRestoreAccount } from './use-restore-account';
import { useUndoMerge } from './use-undo-merge';

type Item = { id: string; name: string };

export function BinPage() {
  const { t } = useTranslation();
  const bin = useBin();
  const restore = useRestoreAccount();
  const purge = usePurgeAccount();
  const undoMerge = useUndoMerge();
  const purging = useConfirm<Item>();
  const errorMessage = useErrorMessage();
  const firstPage = bin.data?.pages[0];

  const restoreItem = (item: Item) =>
    restore.mutate(item.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('bin:restored', { name: item.name }) }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
    });

  const undoItem = (item: Item, mergeId: string) =>
    undoMerge.mutate(mergeId, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('bin:mergeUndone', { name: item.name }) }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
    });

  return (
    <Stack gap="md">
      <Group gap="sm" align="baseline">
        <Title order={2}>{t('bin:title')}</Title>
        {firstPage && <Text c="dimmed" size="sm">{t('bin:total', { count: firstPage.total, total: formatTotal(firstPage.total, firstPage.totalIsEstimate) })}</Text>}
      </Group>
      <Text c="dimmed" size="sm">{t('bin:intro')}</Text>
      <AdminTable
        items={bin.data?.pages.flatMap((page) => page.items)}
        error={bin.error}
        pending={bin.isPending}
        empty={t('bin:empty')}
        more={bin}
        framed
        columns={[
          {
            key: 'name',
            header: t('bin:column.name'),
            cell: (item) => (
              <>
                <Group gap={6} wrap="nowrap"><KindIcon kind={item.kind} /><Text size="sm" fw={500}>{item.name}</Text></Group>
                {item.mergedInto && (
                  <Text size="xs" c="dimmed">
                    {t('bin:mergedInto')} <Anchor component={Link} to={`/accounts/${item.mergedInto.id}`} size="xs">{item.mergedInto.name}</Anchor>
                  </Text>
                )}
              </>
            ),
          },
          { key: 'kind', header: t('bin:column.kind'), cell: (item) => t(`accounts:kind.${item.kind}`) },
          { key: 'discardedAt', header: t('bin:column.discardedAt'), cell: (item) => formatDateTime(item.discardedAt) },
          { key: 'discardedBy', header: t('bin:column.discardedBy'), cell: (item) => item.discardedBy?.name ?? '—' },
        ]}
        rowKey={(item) => item.id}
        label={t('bin:title')}
        actionsLabel={t('bin:column.actions')}
        actions={(item) => (
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            {/* A merged account comes back by undoing its merge, with what the merge moved. */}
            <Button
              size="xs"
              variant="light"
              leftSection={item.mergedInto ? <IconArrowBackUp size={14} /> : <IconRestore size={14} />}
              loading={item.mergedInto ? undoMerge.isPending && undoMerge.variables === item.mergedInto.mergeId : restore.isPending && restore.variables === item.id}
              onClick={() => (item.mergedInto ? undoItem(item, item.mergedInto.mergeId) : restoreItem(item))}
              aria-label={t(item.mergedInto ? 'bin:undoMergeNamed' : 'bin:restoreNamed', { name: item.name })}
            >
              {t(item.mergedInto ? 'bin:undoMerge' : 'bin:restore')}
            </Button>
            <Button size="xs" color="red" variant="subtle" leftSection={<IconTrashX size={14} />} onClick={() => purging.ask(item)} aria-label={t('bin:purgeNamed', { name: item.name })}>
              {t('bin:purge')}
            </Button>
          </Group>
        )}
      />
      <ConfirmMutationModal
        confirming={purging}
        mutation={purge}
        title={t('bin:purgeTitle')}
        message={(subject) => t('bin:purgeMessage', { name: subject.name })}
        confirmLabel={t('bin:purge')}
        danger
      />
    </Stack>
  );
}
