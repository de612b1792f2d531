import type { QuoteCard } from '@contract/quotes';
import type { QuoteColumn } from '@contract/saved-views';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDay, formatMoney } from '@web/components/format';
import type { ListColumn } from '@web/components/list-kit/list-table.component';
import { QuoteStatusBadge } from './quote-status-badge.component';

/** A quote's name in lists: its number, or "Draft" with its revision until it has one. */
export function QuoteName({ quote }: { quote: Pick<QuoteCard, 'id' | 'number' | 'revision'> }) {
  const { t } = useTranslation();
  return <Anchor component={Link} to={`/quotes/${quote.id}`} fw={600} size="sm" truncate>{quote.number ?? t('quotes:draftName', { revision: quote.revision })}</Anchor>;
}

const money = (amount: number, currency: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(amount, currency)}</span>;

/** The table's columns: the number always, the others as the view picks. */
export function useQuoteColumns(visible: readonly QuoteColumn[]): ListColumn<QuoteCard>[] {
  const { t } = useTranslation();
  const all: Record<QuoteColumn, ListColumn<QuoteCard>> = {
    account: { key: 'account', header: t('quotes:field.account'), width: 240, cell: (quote) => <Anchor component={Link} to={`/accounts/${quote.account.id}`} size="sm" truncate>{quote.account.name}</Anchor> },
    status: { key: 'status', header: t('quotes:field.status'), width: 120, cell: (quote) => <QuoteStatusBadge status={quote.status} /> },
    issueDate: { key: 'issueDate', header: t('quotes:field.issueDate'), width: 120, sortKey: 'issueDate', descendingFirst: true, cell: (quote) => formatDay(quote.issueDate) },
    validUntil: { key: 'validUntil', header: t('quotes:field.validUntil'), width: 120, cell: (quote) => formatDay(quote.validUntil) },
    netTotal: { key: 'netTotal', header: t('quotes:totals.net'), width: 140, align: 'right', cell: (quote) => money(quote.netTotal, quote.currency) },
    total: { key: 'total', header: t('quotes:totals.total'), width: 140, align: 'right', cell: (quote) => money(quote.total, quote.currency) },
    owner: { key: 'owner', header: t('quotes:field.owner'), width: 160, cell: (quote) => <Text size="sm" truncate>{quote.owner.name}</Text> },
    updatedAt: { key: 'updatedAt', header: t('quotes:field.updatedAt'), width: 150, sortKey: 'updatedAt', descendingFirst: true, cell: (quote) => formatDate(quote.updatedAt) },
  };
  return [{ key: 'number', header: t('quotes:field.number'), width: 170, sortKey: 'number', cell: (quote) => <QuoteName quote={quote} /> }, ...visible.map((column) => all[column])];
}

/** A quote at phone width: number and status, customer, date and total. */
export function QuoteCardContent({ quote }: { quote: QuoteCard }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <QuoteName quote={quote} />
        <QuoteStatusBadge status={quote.status} />
      </Group>
      <Text size="sm" truncate>{quote.account.name}</Text>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed">{formatDay(quote.issueDate)}</Text>
        <Text size="sm" fw={600}>{formatMoney(quote.total, quote.currency)}</Text>
      </Group>
    </Stack>
  );
}
