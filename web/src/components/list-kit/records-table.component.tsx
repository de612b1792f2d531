import { Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import type { ListColumn } from './list-table.component';
import { useCompact } from './use-compact';

/** A column of a records table: a list table's column (ListColumn) fits, its width and sort unused (the table fits its container). */
export type RecordColumn<T> = Pick<ListColumn<T>, 'key' | 'header' | 'cell' | 'align'>;

export type RecordsTableProps<T> = {
  items: T[];
  columns: RecordColumn<T>[];
  rowKey: (item: T) => string;
  /** The table's (and at phone width the list's) accessible name. */
  label: string;
  /** A row's buttons or menu, in its last cell (named by `actionsLabel`) or its card's corner. */
  actions?: (item: T) => ReactNode;
  actionsLabel?: string;
  /** At phone width, a card of the row; without it each column stacks as "header: value". */
  card?: (item: T) => ReactNode;
  rowStyle?: (item: T) => CSSProperties | undefined;
  rowAttributes?: (item: T) => Record<`data-${string}`, string>;
  /** Mantine's `c` of a row (dimmed for an inactive user). */
  rowColor?: (item: T) => string | undefined;
  testId?: string;
};

/** A row at phone width: its first column as the title, the actions beside it, the others stacked below. */
function StackedRow<T>({ item, columns, actions }: { item: T; columns: RecordColumn<T>[]; actions?: ReactNode }) {
  const [first, ...rest] = columns;
  return (
    <Stack gap={4}>
      {/* Wide actions (buttons with words) wrap under the title rather than push the card wider. */}
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, fontWeight: 600 }}>{first?.cell(item)}</div>
        {actions}
      </Group>
      {rest.map((column) => (
        <Group key={column.key} gap={6} wrap="wrap" align="baseline">
          <Text size="xs" c="dimmed">{column.header}</Text>
          <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{column.cell(item)}</div>
        </Group>
      ))}
    </Stack>
  );
}

/**
 * A short list of records (an account's activities, the users, the teams) as a plain table, and
 * at phone width as cards or stacked rows, so nothing scrolls sideways and no badge is cut.
 * Long lists use the virtualised ListTable and ListCards instead.
 */
export function RecordsTable<T>({ items, columns, rowKey, label, actions, actionsLabel, card, rowStyle, rowAttributes, rowColor, testId }: RecordsTableProps<T>) {
  const compact = useCompact();
  if (compact) {
    return (
      <Stack gap="xs" role="list" aria-label={label} data-testid={testId}>
        {items.map((item) => (
          <Paper key={rowKey(item)} withBorder p="sm" role="listitem" c={rowColor?.(item)} style={rowStyle?.(item)} {...rowAttributes?.(item)}>
            {card ? (
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <div style={{ flex: 1, minWidth: 0 }}>{card(item)}</div>
                {actions?.(item)}
              </Group>
            ) : (
              <StackedRow item={item} columns={columns} actions={actions?.(item)} />
            )}
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table verticalSpacing="xs" highlightOnHover aria-label={label} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column.key} ta={column.align}>{column.header}</Table.Th>
          ))}
          {actions && (
            <Table.Th w={48}>
              <VisuallyHidden>{actionsLabel}</VisuallyHidden>
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={rowKey(item)} style={rowStyle?.(item)} c={rowColor?.(item)} {...rowAttributes?.(item)}>
            {columns.map((column) => (
              <Table.Td key={column.key} ta={column.align}>{column.cell(item)}</Table.Td>
            ))}
            {actions && <Table.Td>{actions(item)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
