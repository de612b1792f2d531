import type { Tag } from '@contract/tags';
import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConfirm } from '@web/components/confirm';
import { ConfirmMutationModal } from '@web/components/confirm-mutation-modal.component';
import { DebouncedTextInput } from '@web/components/debounced-text-input.component';
import { formatTotal } from '@web/components/format';
import { AdminTable } from '@web/components/list-kit/admin-table.component';
import { EditDeleteActions } from '@web/components/list-kit/row-actions.component';
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

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('tags:title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('tags:new')}</Button>
      </Group>
      <DebouncedTextInput aria-label={t('tags:search')} placeholder={t('tags:search')} value={q} onCommit={setQ} />
      <AdminTable
        items={tags.data?.pages.flatMap((page) => page.items)}
        error={tags.error}
        pending={tags.isPending}
        empty={t('tags:empty')}
        more={tags}
        framed
        columns={[
          {
            key: 'name',
            header: t('tags:form.name'),
            cell: (tag) => (
              <Anchor component={Link} to={`/tags/${tag.id}`} underline="never">
                <TagBadge name={tag.name} color={tag.color} size="lg" style={{ cursor: 'pointer' }} />
              </Anchor>
            ),
          },
          {
            key: 'accounts',
            header: t('tags:accounts'),
            align: 'right',
            cell: (tag) =>
              tag.accounts && (
                <Anchor component={Link} to={`/accounts?tagId=${tag.id}`} aria-label={t('tags:accountsOf', { name: tag.name, count: tag.accounts.count, total: formatTotal(tag.accounts.count, tag.accounts.countIsEstimate) })}>
                  {formatTotal(tag.accounts.count, tag.accounts.countIsEstimate)}
                </Anchor>
              ),
          },
        ]}
        rowKey={(tag) => tag.id}
        label={t('tags:title')}
        actionsLabel={t('tags:actions')}
        actions={(tag) => (
          <EditDeleteActions
            edit={tag.abilities.update ? { label: t('tags:edit', { name: tag.name }), onClick: () => setEditing(tag) } : undefined}
            remove={tag.abilities.delete ? { label: t('tags:delete', { name: tag.name }), onClick: () => deleting.ask(tag) } : undefined}
          />
        )}
      />
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
