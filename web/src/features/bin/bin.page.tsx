import { Anchor, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconArrowBackUp, IconRestore, IconTrashX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConfirm } from '@web/components/confirm';
import { ConfirmMutationModal } from '@web/components/confirm-mutation-modal.component';
import { ErrorAlert, useErrorMessage } from '@web/components/error-alert.component';
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
  const items = bin.data?.pages.flatMap((page) => page.items) ?? [];
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
      <ErrorAlert error={bin.error} />
      {bin.isPending ? (
        <Center py="xl"><Loader /></Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">{t('bin:empty')}</Text>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={640}>
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('bin:column.name')}</Table.Th>
                  <Table.Th>{t('bin:column.kind')}</Table.Th>
                  <Table.Th>{t('bin:column.discardedAt')}</Table.Th>
                  <Table.Th>{t('bin:column.discardedBy')}</Table.Th>
                  <Table.Th><VisuallyHidden>{t('bin:column.actions')}</VisuallyHidden></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap"><KindIcon kind={item.kind} /><Text size="sm" fw={500}>{item.name}</Text></Group>
                      {item.mergedInto && (
                        <Text size="xs" c="dimmed">
                          {t('bin:mergedInto')} <Anchor component={Link} to={`/accounts/${item.mergedInto.id}`} size="xs">{item.mergedInto.name}</Anchor>
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`accounts:kind.${item.kind}`)}</Table.Td>
                    <Table.Td>{formatDateTime(item.discardedAt)}</Table.Td>
                    <Table.Td>{item.discardedBy?.name ?? '—'}</Table.Td>
                    <Table.Td>
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
                        <Button
                          size="xs"
                          color="red"
                          variant="subtle"
                          leftSection={<IconTrashX size={14} />}
                          onClick={() => purging.ask(item)}
                          aria-label={t('bin:purgeNamed', { name: item.name })}
                        >
                          {t('bin:purge')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {bin.hasNextPage && (
        <Button variant="default" onClick={() => void bin.fetchNextPage()} loading={bin.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('common:action.loadMore')}
        </Button>
      )}
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
