import type { AccountListItem, AccountSort, OverviewCounter } from '@contract/accounts';
import type { AccountColumn } from '@contract/saved-views';
import { Anchor, Checkbox, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '@web/components/format';
import type { RowSelection } from '@web/features/bulk/use-bulk-selection';
import { useListItems } from '@web/features/lists/use-lists';
import { AccountAvatar } from './account-avatar.component';
import { ownerNames } from './owner-names';
import { StageBadge } from './stage-badge.component';
import { useFillHeight } from './use-fill-height';
import { useLoadMoreOnScroll } from './use-load-more-on-scroll';

type SortableColumn = 'name' | 'stage' | 'updatedAt' | 'createdAt';
type Column = { key: 'name' | AccountColumn; sortKey?: SortableColumn; width: number };

const allColumns: Column[] = [
  { key: 'name', sortKey: 'name', width: 240 },
  { key: 'stage', sortKey: 'stage', width: 130 },
  { key: 'email', width: 210 },
  { key: 'phone', width: 140 },
  { key: 'city', width: 130 },
  { key: 'country', width: 70 },
  { key: 'industry', width: 140 },
  { key: 'source', width: 140 },
  { key: 'owners', width: 170 },
  { key: 'createdAt', sortKey: 'createdAt', width: 130 },
  { key: 'updatedAt', sortKey: 'updatedAt', width: 130 },
];
const counterWidth = 110;
const checkboxWidth = 44;
const rowHeight = 45;

type Props = {
  items: AccountListItem[];
  /** The columns to show besides the name, which always shows. */
  visible: AccountColumn[];
  /** Overview counters shown as extra columns. */
  counters?: OverviewCounter[];
  sort: AccountSort;
  onSort: (sort: AccountSort) => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  /** Row checkboxes for bulk actions; none when absent. */
  selection?: RowSelection;
};

function nextSort(current: AccountSort, column: SortableColumn): AccountSort {
  // Names read A→Z first; dates newest first.
  const ascending: AccountSort = column;
  const descending: AccountSort = `-${column}`;
  if (current === ascending) return descending;
  if (current === descending) return ascending;
  return column === 'updatedAt' || column === 'createdAt' ? descending : ascending;
}

function SortHeader({ column, sort, onSort }: { column: Column & { sortKey: SortableColumn }; sort: AccountSort; onSort: (s: AccountSort) => void }) {
  const { t } = useTranslation();
  const Icon = sort === column.sortKey ? IconArrowUp : sort === `-${column.sortKey}` ? IconArrowDown : IconArrowsSort;
  const direction = sort === column.sortKey ? 'ascending' : sort === `-${column.sortKey}` ? 'descending' : 'none';
  return (
    <Table.Th w={column.width} aria-sort={direction}>
      <UnstyledButton onClick={() => onSort(nextSort(sort, column.sortKey))} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          {t(`accounts:column.${column.key}`)}
          <Icon size={14} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function AccountsTable({ items, visible, counters = [], sort, onSort, hasNextPage, isFetchingNextPage, fetchNextPage, selection }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const industries = useListItems('industry');
  const sources = useListItems('source');
  const columns = allColumns.filter((column) => column.key === 'name' || visible.includes(column.key));
  const tableWidth = columns.reduce((sum, column) => sum + column.width, 0) + counters.length * counterWidth + (selection ? checkboxWidth : 0);
  const cell = (item: AccountListItem, key: AccountColumn): ReactNode => {
    switch (key) {
      case 'stage': return <StageBadge stage={item.stage} />;
      case 'email': return <Text truncate size="sm">{item.email}</Text>;
      case 'phone': return <Text truncate size="sm">{item.phone}</Text>;
      case 'city': return <Text truncate size="sm">{item.city}</Text>;
      case 'country': return <Text size="sm">{item.country}</Text>;
      case 'industry': return <Text truncate size="sm">{industries.label(item.industry)}</Text>;
      case 'source': return <Text truncate size="sm">{sources.label(item.source)}</Text>;
      case 'owners': return <Text truncate size="sm">{ownerNames(item.owners)}</Text>;
      case 'createdAt': return <Text size="sm" c="dimmed">{formatDate(item.createdAt)}</Text>;
      case 'updatedAt': return <Text size="sm" c="dimmed">{formatDate(item.updatedAt)}</Text>;
    }
  };
  const { ref, height } = useFillHeight<HTMLDivElement>();
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const virtualRows = virtualizer.getVirtualItems();
  useLoadMoreOnScroll({ lastVisibleIndex: virtualRows.at(-1)?.index ?? 0, loadedCount: items.length, hasNextPage, isFetchingNextPage, fetchNextPage });
  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);

  return (
    <div ref={ref}>
      <div ref={scrollRef} style={{ height, overflow: 'auto' }} data-testid="accounts-table">
        <Table stickyHeader highlightOnHover style={{ tableLayout: 'fixed', width: tableWidth, minWidth: '100%' }}>
          <Table.Thead>
            <Table.Tr>
              {selection && (
                <Table.Th w={checkboxWidth}>
                  <Checkbox
                    aria-label={t('bulk:select.loaded')}
                    checked={selection.loaded === 'all'}
                    indeterminate={selection.loaded === 'some'}
                    onChange={selection.toggleLoaded}
                  />
                </Table.Th>
              )}
              {columns.map((column) =>
                column.sortKey ? (
                  <SortHeader key={column.key} column={{ ...column, sortKey: column.sortKey }} sort={sort} onSort={onSort} />
                ) : (
                  <Table.Th key={column.key} w={column.width}>
                    {t(`accounts:column.${column.key}`)}
                  </Table.Th>
                ),
              )}
              {counters.map((key) => (
                <Table.Th key={key} w={counterWidth} ta="right">
                  {t(`company:counters.${key}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paddingTop > 0 && <tr style={{ height: paddingTop }} aria-hidden />}
            {virtualRows.map((row) => {
              const item = items[row.index];
              if (!item) return null;
              return (
                <Table.Tr key={item.id} style={{ height: rowHeight }} bg={selection?.isSelected(item.id) ? 'var(--mantine-primary-color-light)' : undefined}>
                  {selection && (
                    <Table.Td>
                      <Checkbox aria-label={t('bulk:select.row', { name: item.name })} checked={selection.isSelected(item.id)} onChange={() => selection.toggle(item.id)} />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <AccountAvatar account={item} />
                      <Anchor component={Link} to={`/accounts/${item.id}`} truncate fw={500}>
                        {item.name}
                      </Anchor>
                    </Group>
                  </Table.Td>
                  {columns.map((column) => (column.key === 'name' ? null : <Table.Td key={column.key}>{cell(item, column.key)}</Table.Td>))}
                  {counters.map((key) => (
                    <Table.Td key={key} ta="right"><Text size="sm">{item.overview[key] ?? 0}</Text></Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
            {paddingBottom > 0 && <tr style={{ height: paddingBottom }} aria-hidden />}
          </Table.Tbody>
        </Table>
        {isFetchingNextPage && (
          <Text ta="center" size="sm" c="dimmed" py="xs">
            {t('common:status.loadingMore')}
          </Text>
        )}
      </div>
    </div>
  );
}
