import type { ListItem } from '@contract/lists';
import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconEdit, IconEye, IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Props = {
  item: ListItem;
  index: number;
  count: number;
  /** A reorder is on its way: the arrows wait for it. */
  busy: boolean;
  onMove: (index: number, delta: number) => void;
  onEdit: () => void;
  onToggle: () => void;
};

/** A list item's row actions: move up or down, edit, and (unless the system needs it) deactivate or reactivate. */
export function ItemActions({ item, index, count, busy, onMove, onEdit, onToggle }: Props) {
  const { t, i18n } = useTranslation();
  const name = item.labels[i18n.language.startsWith('en') ? 'en' : 'es'];
  const toggleLabel = item.active ? t('lists:item.deactivate', { name }) : t('lists:item.reactivate', { name });
  return (
    <Group gap={2} justify="flex-end" wrap="nowrap">
      <ActionIcon variant="subtle" disabled={index === 0 || busy} aria-label={t('lists:item.up', { name })} onClick={() => onMove(index, -1)}>
        <IconArrowUp size={16} />
      </ActionIcon>
      <ActionIcon variant="subtle" disabled={index === count - 1 || busy} aria-label={t('lists:item.down', { name })} onClick={() => onMove(index, 1)}>
        <IconArrowDown size={16} />
      </ActionIcon>
      <ActionIcon variant="subtle" aria-label={t('lists:item.edit', { name })} onClick={onEdit}>
        <IconEdit size={16} />
      </ActionIcon>
      {!item.system && (
        <Tooltip label={toggleLabel}>
          <ActionIcon variant="subtle" color={item.active ? 'red' : 'teal'} aria-label={toggleLabel} onClick={onToggle}>
            {item.active ? <IconEyeOff size={16} /> : <IconEye size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
