import { ActionIcon, Group } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';

type Action = { label: string; onClick: () => void };

/** An admin row's edit and delete buttons, each named for its row ("Edit Feria 2027"); one left out when not allowed. */
export function EditDeleteActions({ edit, remove }: { edit?: Action; remove?: Action }) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {edit && (
        <ActionIcon variant="subtle" aria-label={edit.label} onClick={edit.onClick}>
          <IconEdit size={18} />
        </ActionIcon>
      )}
      {remove && (
        <ActionIcon variant="subtle" color="red" aria-label={remove.label} onClick={remove.onClick}>
          <IconTrash size={18} />
        </ActionIcon>
      )}
    </Group>
  );
}
