import type { InvoiceCard } from '@contract/invoices';
import type { InvoiceColumn } from '@contract/saved-views';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatDay, formatMoney } from '@web/components/format';
import { ListCards } from '@web/components/list-kit/list-cards.component';
import { ListTable, type ListColumn, type Paging } from '@web/components/list-kit/list-table.component';
import { InvoiceStatusBadge } from './invoice-status-badge.component';

const invoiceLink = (invoice: InvoiceCard) => (
  <Anchor component={Link} to={`/invoices/${invoice.id}`} fw={500} style={{ overflowWrap: 'anywhere' }}>{invoice.number}</Anchor>
);

/** The list's columns as data: the number always, the others as the user picked them. */
function useColumns(visible: readonly InvoiceColumn[]): ListColumn<InvoiceCard>[] {
  const { t } = useTranslation();
  const all: Record<InvoiceColumn, Omit<ListColumn<InvoiceCard>, 'key' | 'header'>> = {
    organization: { width: 200, cell: (invoice) => <Anchor component={Link} to={`/accounts/${invoice.organization.id}`} size="sm">{invoice.organization.name}</Anchor> },
    status: { width: 130, cell: (invoice) => <InvoiceStatusBadge status={invoice.status} /> },
    issueDate: { width: 110, sortKey: 'issueDate', descendingFirst: true, cell: (invoice) => formatDay(invoice.issueDate) },
    dueDate: { width: 110, sortKey: 'dueDate', cell: (invoice) => formatDay(invoice.dueDate) },
    total: { width: 130, align: 'right', cell: (invoice) => formatMoney(invoice.total, invoice.currency) },
    paid: { width: 130, align: 'right', cell: (invoice) => formatMoney(invoice.paid, invoice.currency) },
    delivery: { width: 160, cell: (invoice) => (invoice.delivery ? t(`company:invoicing.option.${invoice.delivery}`) : '') },
    createdAt: { width: 150, sortKey: 'createdAt', descendingFirst: true, cell: (invoice) => formatDateTime(invoice.createdAt) },
  };
  return [
    { key: 'number', header: t('invoices:field.number'), width: 160, sortKey: 'number', cell: invoiceLink },
    ...visible.map((key) => ({ key, header: t(`invoices:column.${key}`), ...all[key] })),
  ];
}

type Props = Paging & { items: InvoiceCard[]; visible: readonly InvoiceColumn[]; sort?: string; onSort?: (sort: string) => void };

export function InvoicesTable({ items, visible, sort, onSort, ...paging }: Props) {
  const { t } = useTranslation();
  return <ListTable items={items} columns={useColumns(visible)} rowKey={(invoice) => invoice.id} label={t('invoices:list.title')} sort={sort} onSort={onSort} testId="invoices-table" {...paging} />;
}

/** At phone width: one card per invoice, nothing scrolling sideways. */
export function InvoicesCards({ items, ...paging }: Paging & { items: InvoiceCard[] }) {
  const { t } = useTranslation();
  return (
    <ListCards
      items={items}
      rowKey={(invoice) => invoice.id}
      cardHeight={112}
      testId="invoices-cards"
      {...paging}
      card={(invoice) => (
        <Stack gap={2}>
          <Group gap="xs" justify="space-between" wrap="nowrap">{invoiceLink(invoice)}<InvoiceStatusBadge status={invoice.status} /></Group>
          <Text size="sm" c="dimmed" truncate>{invoice.organization.name}</Text>
          <Text size="xs" c="dimmed" truncate>
            {[formatMoney(invoice.total, invoice.currency), t('invoices:list.dueOn', { day: formatDay(invoice.dueDate) })].join(' · ')}
          </Text>
        </Stack>
      )}
    />
  );
}
