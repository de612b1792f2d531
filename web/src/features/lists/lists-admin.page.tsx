import { listKeys, type ListItem, type ListKey } from '@contract/lists';
import { ActionIcon, Badge, Button, Center, ColorSwatch, Group, Loader, Paper, Select, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconEdit, IconEye, IconEyeOff, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
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
      <ErrorAlert error={lists.error ?? update.error ?? reorder.error} />
      {lists.isPending ? (
        <Center py="xl"><Loader /></Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">{t('lists:empty')}</Text>
      ) : (
        <Paper withBorder style={{ overflowX: 'auto' }}>
          <Table verticalSpacing="xs" aria-label={t(`lists:name.${listKey}`)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('lists:item.label')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('lists:item.otherLanguage')}</Table.Th>
                <Table.Th>{t('lists:item.state')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('lists:item.actions')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item, index) => {
                const name = item.labels[language];
                return (
                  <Table.Tr key={item.id} data-testid={`list-item-${item.key}`} style={{ opacity: item.active ? 1 : 0.6 }}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <ColorSwatch color={item.color ?? '#dee2e6'} size={16} aria-hidden />
                        <Text size="sm" fw={500}>{name}</Text>
                        {item.outcome !== null && (
                          <Text size="xs" c="dimmed">{`${item.probability ?? 0}% · ${t(`lists:outcome.${item.outcome}`)}`}</Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td visibleFrom="sm"><Text size="sm" c="dimmed">{item.labels[language === 'es' ? 'en' : 'es']}</Text></Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={item.active ? 'teal' : 'gray'} tt="none">
                        {item.system ? t('lists:item.system') : item.active ? t('lists:item.active') : t('lists:item.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={2} justify="flex-end" wrap="nowrap">
                        <ActionIcon variant="subtle" disabled={index === 0 || reorder.isPending} aria-label={t('lists:item.up', { name })} onClick={() => move(index, -1)}>
                          <IconArrowUp size={16} />
                        </ActionIcon>
                        <ActionIcon variant="subtle" disabled={index === items.length - 1 || reorder.isPending} aria-label={t('lists:item.down', { name })} onClick={() => move(index, 1)}>
                          <IconArrowDown size={16} />
                        </ActionIcon>
                        <ActionIcon variant="subtle" aria-label={t('lists:item.edit', { name })} onClick={() => setEditing(item)}>
                          <IconEdit size={16} />
                        </ActionIcon>
                        {!item.system && (
                          <Tooltip label={item.active ? t('lists:item.deactivate', { name }) : t('lists:item.reactivate', { name })}>
                            <ActionIcon
                              variant="subtle"
                              color={item.active ? 'red' : 'teal'}
                              aria-label={item.active ? t('lists:item.deactivate', { name }) : t('lists:item.reactivate', { name })}
                              onClick={() => update.mutate({ id: item.id, version: item.version, active: !item.active })}
                            >
                              {item.active ? <IconEyeOff size={16} /> : <IconEye size={16} />}
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {editing && <ListItemModal key={listKey} listKey={listKey} item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
