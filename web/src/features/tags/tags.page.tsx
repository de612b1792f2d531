import type { Tag } from '@contract/tags';
import { ActionIcon, Anchor, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConfirm } from '@web/components/confirm';
import { ConfirmMutationModal } from '@web/components/confirm-mutation-modal.component';
import { DebouncedTextInput } from '@web/components/debounced-text-input.component';
import { formatTotal } from '@web/components/format';
import { ErrorAlert } from '@web/components/error-alert.component';
import { TagBadge } from './tag-badge.component';
import { TagFormModal } from './tag-form-modal.component';
import { useDeleteTag } from './use-tag-mutations';
import { useTags } from './use-tags';

/** Every tag (seed 001 "Etiquetas"): create, rename, colour, delete, and open a tag's accounts. */
export function TagsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const tags = useTags(q, true);
  const remove = useDeleteTag();
  const [editing, setEditing] = useState<Tag | 'new' | null>(null);
  const deleting = useConfirm<Tag>();
  const items = tags.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('tags:title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('tags:new')}</Button>
      </Group>
      <DebouncedTextInput aria-label={t('tags:search')} placeholder={t('tags:search')} value={q} onCommit={setQ} />
      <ErrorAlert error={tags.error} />
      {tags.isPending ? (
        <Center py="xl"><Loader /></Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">{t('tags:empty')}</Text>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tags:form.name')}</Table.Th>
                <Table.Th ta="right">{t('tags:accounts')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('tags:actions')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((tag) => (
                <Table.Tr key={tag.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/tags/${tag.id}`} underline="never">
                      <TagBadge name={tag.name} color={tag.color} size="lg" style={{ cursor: 'pointer' }} />
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">
                    {tag.accounts && (
                      <Anchor component={Link} to={`/accounts?tagId=${tag.id}`} aria-label={t('tags:accountsOf', { name: tag.name, count: tag.accounts.count, total: formatTotal(tag.accounts.count, tag.accounts.countIsEstimate) })}>
                        {formatTotal(tag.accounts.count, tag.accounts.countIsEstimate)}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {tag.abilities.update && (
                        <ActionIcon variant="subtle" aria-label={t('tags:edit', { name: tag.name })} onClick={() => setEditing(tag)}>
                          <IconEdit size={18} />
                        </ActionIcon>
                      )}
                      {tag.abilities.delete && (
                        <ActionIcon variant="subtle" color="red" aria-label={t('tags:delete', { name: tag.name })} onClick={() => deleting.ask(tag)}>
                          <IconTrash size={18} />
                        </ActionIcon>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {tags.hasNextPage && (
        <Button variant="default" onClick={() => void tags.fetchNextPage()} loading={tags.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('common:action.loadMore')}
        </Button>
      )}
      {editing && <TagFormModal tag={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmMutationModal
        confirming={deleting}
        mutation={remove}
        title={t('tags:deleteTitle')}
        message={(subject) => t('tags:deleteMessage', { name: subject.name })}
        confirmLabel={t('common:action.delete')}
        danger
      />
    </Stack>
  );
}
