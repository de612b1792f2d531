import type { AgreementCard } from '@contract/agreements';
import type { AgreementColumn } from '@contract/saved-views';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatDay, formatMoney } from '@web/components/format';
import { ListCards } from '@web/components/list-kit/list-cards.component';
import { ListTable, type ListColumn, type Paging } from '@web/components/list-kit/list-table.component';
import { useListLookup } from '@web/features/lists/use-lists';
import { AgreementStatusBadge } from './agreement-status-badge.component';

const agreementLink = (agreement: AgreementCard) => (
  <Anchor component={Link} to={`/agreements/${agreement.id}`} fw={500} style={{ overflowWrap: 'anywhere' }}>{agreement.title}</Anchor>
);
const valueText = (agreement: AgreementCard) => (agreement.value ? formatMoney(agreement.value.amount, agreement.value.currency) : '');

/** The list's columns as data: the title always, the others as the user picked them. */
function useColumns(visible: readonly AgreementColumn[]): ListColumn<AgreementCard>[] {
  const { t } = useTranslation();
  const lists = useListLookup();
  const all: Record<AgreementColumn, Omit<ListColumn<AgreementCard>, 'key' | 'header'>> = {
    organization: { width: 200, cell: (agreement) => <Anchor component={Link} to={`/accounts/${agreement.organization.id}`} size="sm">{agreement.organization.name}</Anchor> },
    type: { width: 180, cell: (agreement) => lists.label('agreement_type', agreement.type) },
    reference: { width: 120, cell: (agreement) => agreement.reference ?? '' },
    status: { width: 170, cell: (agreement) => <AgreementStatusBadge status={agreement.status} /> },
    owner: { width: 160, cell: (agreement) => <Text size="sm" truncate>{agreement.owner.name}</Text> },
    project: { width: 180, cell: (agreement) => (agreement.project ? <Anchor component={Link} to={`/projects/${agreement.project.id}`} size="sm">{agreement.project.name}</Anchor> : '') },
    startOn: { width: 110, cell: (agreement) => formatDay(agreement.startOn) },
    endOn: { width: 110, cell: (agreement) => formatDay(agreement.endOn) },
    value: { width: 130, align: 'right', cell: valueText },
    renewalRemindOn: { width: 130, cell: (agreement) => formatDay(agreement.renewalRemindOn) },
    customerSignedOn: { width: 130, cell: (agreement) => formatDay(agreement.customerSignedOn) },
    companySignedOn: { width: 130, cell: (agreement) => formatDay(agreement.companySignedOn) },
    createdAt: { width: 150, sortKey: 'createdAt', descendingFirst: true, cell: (agreement) => formatDateTime(agreement.createdAt) },
    updatedAt: { width: 150, sortKey: 'updatedAt', descendingFirst: true, cell: (agreement) => formatDateTime(agreement.updatedAt) },
  };
  return [
    { key: 'title', header: t('agreements:field.title'), width: 240, sortKey: 'title', cell: agreementLink },
    ...visible.map((key) => ({ key, header: t(`agreements:column.${key}`), ...all[key] })),
  ];
}

type Props = Paging & { items: AgreementCard[]; visible: readonly AgreementColumn[]; sort?: string; onSort?: (sort: string) => void };

export function AgreementsTable({ items, visible, sort, onSort, ...paging }: Props) {
  const { t } = useTranslation();
  return <ListTable items={items} columns={useColumns(visible)} rowKey={(agreement) => agreement.id} label={t('agreements:list.title')} sort={sort} onSort={onSort} testId="agreements-table" {...paging} />;
}

/** At phone width: one card per agreement, nothing scrolling sideways. */
export function AgreementsCards({ items, ...paging }: Paging & { items: AgreementCard[] }) {
  const { t } = useTranslation();
  const lists = useListLookup();
  return (
    <ListCards
      items={items}
      rowKey={(agreement) => agreement.id}
      cardHeight={112}
      testId="agreements-cards"
      {...paging}
      card={(agreement) => (
        <Stack gap={2}>
          <Group gap="xs" justify="space-between" wrap="nowrap">{agreementLink(agreement)}<AgreementStatusBadge status={agreement.status} /></Group>
          <Text size="sm" c="dimmed" truncate>{agreement.organization.name}</Text>
          <Text size="xs" c="dimmed" truncate>
            {[lists.label('agreement_type', agreement.type), agreement.endOn ? t('agreements:list.endsOn', { day: formatDay(agreement.endOn) }) : '', valueText(agreement)].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      )}
    />
  );
}
