import { accountSorts, type AccountListItem, type OverviewCounter } from '@contract/accounts';
import type { AccountColumn } from '@contract/saved-views';
import { Anchor, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '@web/components/format';
import { ListTable, type ListColumn, type Paging, type TickBoxes } from '@web/components/list-kit/list-table.component';
import { useListItems } from '@web/features/lists/use-lists';
import { AccountAvatar } from './account-avatar.component';
import { counterText } from './counter-value';
import { ownerNames } from './owner-names';
import { StageBadge } from './stage-badge.component';

type Props = Paging & {
  items: AccountListItem[];
  /** The columns to show besides the name, which always shows. */
  visible: readonly AccountColumn[];
  /** Overview counters shown as extra columns. */
  counters?: OverviewCounter[];
  sort: string;
  onSort: (sort: string) => void;
  selection?: TickBoxes<AccountListItem>;
};

const widths: Record<'name' | AccountColumn, number> = {
  name: 240, stage: 140, email: 210, phone: 140, city: 130, country: 70, industry: 140, source: 140, owners: 170, createdAt: 130, updatedAt: 130,
};
const sortable: Partial<Record<'name' | AccountColumn, { descendingFirst?: boolean }>> = { name: {}, stage: {}, createdAt: { descendingFirst: true }, updatedAt: { descendingFirst: true } };
const counterWidth = 110;
const invoicedWidth = 150;
const sortableCounters: readonly string[] = accountSorts;
const order: AccountColumn[] = ['stage', 'email', 'phone', 'city', 'country', 'industry', 'source', 'owners', 'createdAt', 'updatedAt'];

/** The accounts list from tablet width up: the name, the columns the user picked and the counters asked for. */
export function AccountsTable({ items, visible, counters = [], sort, onSort, selection, ...paging }: Props) {
  const { t } = useTranslation();
  const industries = useListItems('industry');
  const sources = useListItems('source');
  const cell = (key: AccountColumn, item: AccountListItem): ReactNode => {
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
  const columns: ListColumn<AccountListItem>[] = [
    {
      key: 'name',
      header: t('accounts:column.name'),
      width: widths.name,
      sortKey: 'name',
      cell: (item) => (
        <Group gap={6} wrap="nowrap">
          <AccountAvatar account={item} />
          <Anchor component={Link} to={`/accounts/${item.id}`} truncate fw={500}>
            {item.name}
          </Anchor>
        </Group>
      ),
    },
    ...order.filter((key) => visible.includes(key)).map((key) => ({
      key,
      header: t(`accounts:column.${key}`),
      width: widths[key],
      sortKey: sortable[key] ? key : undefined,
      descendingFirst: sortable[key]?.descendingFirst,
      cell: (item: AccountListItem) => cell(key, item),
    })),
    ...counters.map((key) => ({
      key,
      header: t(`company:counters.${key}`),
      width: key === 'invoicedThisYear' ? invoicedWidth : counterWidth,
      align: 'right' as const,
      // Most first on the first click; invoiced this year sorts by the base currency (see the contract's accountSorts).
      sortKey: sortableCounters.includes(key) ? key : undefined,
      descendingFirst: true,
      cell: (item: AccountListItem) => <Text size="sm">{counterText(item.overview[key])}</Text>,
    })),
  ];
  return (
    <ListTable
      items={items}
      columns={columns}
      rowKey={(item) => item.id}
      label={t('accounts:list.title')}
      sort={sort}
      onSort={onSort}
      selection={selection}
      testId="accounts-table"
      {...paging}
    />
  );
}
