import { listKeys, type ListItem, type ListKey } from '@contract/lists';
import { Badge, Button, ColorSwatch, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { AdminTable } from '@web/components/list-kit/admin-table.component';
import { ItemActions } from './list-item-actions.component';
import { ListItemModal } from './list-item-modal.component';
import { useReorderList, useUpdateListItem } from './use-list-item-mutations';
import { useLists } from './use-lists';

/** Admins configure every picklist here: add, rename (es/en), colour, order, deactivate. */
export function ListsAdminPage() {
  const { t, i18n } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const listKey: ListKey = listKeys.find((key) => key === searchParams.get('list')) ?? 'account_stage';
  const lists = useLists();
  const update = useUpdateListItem(listKey);
  const reorder = useReorderList(listKey);
  const [editing, setEditing] = useState<ListItem | 'new' | null>(null);
  const items = [...(lists.data?.lists[listKey] ?? [])].sort((a, b) => a.position - b.position);
  const language = i18n.language.startsWith('en') ? 'en' : 'es';

  const move = (index: number, delta: number) => {
    const ids = items.map((item) => item.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(index + delta, 0, moved);
    reorder.mutate(ids);
  };

  return (
    <Stack gap="md">
      <Title order={2}>{t('lists:title')}</Title>
      <Text size="sm" c="dimmed">{t('lists:intro')}</Text>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Select
          label={t('lists:pick')}
          allowDeselect={false}
          data={listKeys.map((key) => ({ value: key, label: t(`lists:name.${key}`) }))}
          value={listKey}
          onChange={(value) => value && setSearchParams({ list: value }, { replace: true })}
          w={{ base: '100%', xs: 280 }}
        />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('lists:item.add')}
        </Button>
      </Group>
      <ErrorAlert error={update.error ?? reorder.error} />
      <AdminTable
        items={lists.data ? items : undefined}
        error={lists.error}
        pending={lists.isPending}
        empty={t('lists:empty')}
        framed
        columns={[
          {
            key: 'label',
            header: t('lists:item.label'),
            cell: (item) => (
              <Group gap="xs" wrap="nowrap">
                <ColorSwatch color={item.color ?? '#dee2e6'} size={16} aria-hidden />
                <Text size="sm" fw={500}>{item.labels[language]}</Text>
                {item.outcome !== null && <Text size="xs" c="dimmed">{`${item.probability ?? 0}% · ${t(`lists:outcome.${item.outcome}`)}`}</Text>}
              </Group>
            ),
          },
          { key: 'otherLanguage', header: t('lists:item.otherLanguage'), cell: (item) => <Text size="sm" c="dimmed">{item.labels[language === 'es' ? 'en' : 'es']}</Text> },
          {
            key: 'state',
            header: t('lists:item.state'),
            cell: (item) => (
              <Badge variant="light" color={item.active ? 'teal' : 'gray'} tt="none">
                {item.system ? t('lists:item.system') : item.active ? t('lists:item.active') : t('lists:item.inactive')}
              </Badge>
            ),
          },
        ]}
        rowKey={(item) => item.id}
        label={t(`lists:name.${listKey}`)}
        rowStyle={(item) => ({ opacity: item.active ? 1 : 0.6 })}
        rowAttributes={(item) => ({ 'data-testid': `list-item-${item.key}` })}
        actionsLabel={t('lists:item.actions')}
        actions={(item) => <ItemActions item={item} index={items.indexOf(item)} count={items.length} busy={reorder.isPending} onMove={move} onEdit={() => setEditing(item)} onToggle={() => update.mutate({ id: item.id, version: item.version, active: !item.active })} />}
      />
      {editing && <ListItemModal key={listKey} listKey={listKey} item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
