import { Checkbox, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowSelection } from './use-row-selection';
import { useFillHeight } from './use-fill-height';
import { useLoadMoreOnScroll } from './use-load-more-on-scroll';

/** A column of a list table: its header, width in px, cell, and the sort it toggles (`field` / `-field`). */
export type ListColumn<T> = {
  key: string;
  header: ReactNode;
  width: number;
  cell: (item: T) => ReactNode;
  /** The contract's sort field; clicking the header toggles `field` and `-field`. */
  sortKey?: string;
  /** The first click sorts descending (dates: newest first). */
  descendingFirst?: boolean;
  align?: 'left' | 'right';
};

/** Row checkboxes: the selection, the header's label ("Select the loaded accounts") and a row's ("Select Acme"). */
export type TickBoxes<T> = { rows: RowSelection; loadedLabel: string; rowLabel: (item: T) => string };

/** What an infinite list query gives a table or card list. */
export type Paging = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

type Props<T> = Paging & {
  items: T[];
  columns: ListColumn<T>[];
  rowKey: (item: T) => string;
  /** The accessible name of the table. */
  label: string;
  sort?: string;
  onSort?: (sort: string) => void;
  selection?: TickBoxes<T>;
  /** A row's own style (a status colour). */
  rowStyle?: (item: T) => CSSProperties | undefined;
  rowAttributes?: (item: T) => Record<`data-${string}`, string>;
  testId?: string;
  rowHeight?: number;
};

const checkboxWidth = 44;

/** Under the rows while the next page loads. */
export function LoadingMore() {
  const { t } = useTranslation();
  return (
    <Text ta="center" size="sm" c="dimmed" py="xs">
      {t('common:status.loadingMore')}
    </Text>
  );
}

function nextSort(current: string | undefined, column: { sortKey: string; descendingFirst?: boolean }): string {
  if (current === column.sortKey) return `-${column.sortKey}`;
  if (current === `-${column.sortKey}`) return column.sortKey;
  return column.descendingFirst ? `-${column.sortKey}` : column.sortKey;
}

function SortHeader<T>({ column, sort, onSort }: { column: ListColumn<T> & { sortKey: string }; sort: string | undefined; onSort: (sort: string) => void }) {
  const Icon = sort === column.sortKey ? IconArrowUp : sort === `-${column.sortKey}` ? IconArrowDown : IconArrowsSort;
  const direction = sort === column.sortKey ? 'ascending' : sort === `-${column.sortKey}` ? 'descending' : 'none';
  return (
    <Table.Th w={column.width} aria-sort={direction}>
      <UnstyledButton onClick={() => onSort(nextSort(sort, column))} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          {column.header}
          <Icon size={14} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/**
 * A list's rows as a virtualised table filling the window below it: only the rows on screen (and
 * a few more) are in the DOM, and the next page loads as the user scrolls near the end.
 */
export function ListTable<T>({ items, columns, rowKey, label, sort, onSort, selection, rowStyle, rowAttributes, testId, rowHeight = 40, hasNextPage, isFetchingNextPage, fetchNextPage }: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableWidth = columns.reduce((sum, column) => sum + column.width, 0) + (selection ? checkboxWidth : 0);
  const { ref, height } = useFillHeight<HTMLDivElement>();
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 10 });
  const virtualRows = virtualizer.getVirtualItems();
  useLoadMoreOnScroll({ lastVisibleIndex: virtualRows.at(-1)?.index ?? 0, loadedCount: items.length, hasNextPage, isFetchingNextPage, fetchNextPage });
  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);

  return (
    <div ref={ref}>
      <div ref={scrollRef} style={{ height, overflow: 'auto' }} data-testid={testId}>
        <Table stickyHeader highlightOnHover aria-label={label} style={{ tableLayout: 'fixed', width: tableWidth, minWidth: '100%' }}>
          <Table.Thead>
            <Table.Tr>
              {selection && (
                <Table.Th w={checkboxWidth}>
                  <Checkbox aria-label={selection.loadedLabel} checked={selection.rows.loaded === 'all'} indeterminate={selection.rows.loaded === 'some'} onChange={selection.rows.toggleLoaded} />
                </Table.Th>
              )}
              {columns.map((column) =>
                column.sortKey && onSort ? (
                  <SortHeader key={column.key} column={{ ...column, sortKey: column.sortKey }} sort={sort} onSort={onSort} />
                ) : (
                  <Table.Th key={column.key} w={column.width} ta={column.align}>
                    {column.header}
                  </Table.Th>
                ),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paddingTop > 0 && <tr style={{ height: paddingTop }} aria-hidden />}
            {virtualRows.map((row) => {
              const item = items[row.index];
              if (item === undefined) return null;
              const id = rowKey(item);
              const selected = selection?.rows.isSelected(id) ?? false;
              return (
                <Table.Tr key={id} style={{ height: rowHeight, ...rowStyle?.(item) }} bg={selected ? 'var(--mantine-primary-color-light)' : undefined} {...rowAttributes?.(item)}>
                  {selection && (
                    <Table.Td>
                      <Checkbox aria-label={selection.rowLabel(item)} checked={selected} onChange={() => selection.rows.toggle(id)} />
                    </Table.Td>
                  )}
                  {columns.map((column) => (
                    <Table.Td key={column.key} ta={column.align}>{column.cell(item)}</Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
            {paddingBottom > 0 && <tr style={{ height: paddingBottom }} aria-hidden />}
          </Table.Tbody>
        </Table>
        {isFetchingNextPage && <LoadingMore />}
      </div>
    </div>
  );
}
