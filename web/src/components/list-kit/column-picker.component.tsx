import { Checkbox, Popover, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ToolButton } from '@web/components/tool-button.component';

export type ColumnPickerProps = {
  /** Every column a user may show, in the table's order. */
  columns: readonly string[];
  label: (column: string) => string;
  value: readonly string[];
  onChange: (columns: string[]) => void;
};

/** Shows or hides a list table's columns (its first column always shows). */
export function ColumnPicker({ columns, label, value, onChange }: ColumnPickerProps) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" withinPortal shadow="md">
      <Popover.Target>
        <ToolButton icon={<IconColumns size={16} />}>{t('views:columns')}</ToolButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group label={t('views:columns')} value={[...value]} onChange={(picked) => onChange(columns.filter((column) => picked.includes(column)))}>
          <Stack gap={6} mt="xs">
            {columns.map((column) => (
              <Checkbox key={column} value={column} label={label(column)} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
