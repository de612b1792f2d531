import { accountColumns, type AccountColumn } from '@contract/saved-views';
import { Checkbox, Popover, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ToolButton } from '@web/components/tool-button.component';

/** Shows or hides the accounts table's columns (the name always shows). */
export function ColumnPicker({ value, onChange }: { value: AccountColumn[]; onChange: (columns: AccountColumn[]) => void }) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" withinPortal shadow="md">
      <Popover.Target>
        <ToolButton icon={<IconColumns size={16} />}>{t('views:columns')}</ToolButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group
          label={t('views:columns')}
          value={value}
          onChange={(picked) => onChange(accountColumns.filter((column) => picked.includes(column)))}
        >
          <Stack gap={6} mt="xs">
            {accountColumns.map((column) => (
              <Checkbox key={column} value={column} label={t(`accounts:column.${column}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
