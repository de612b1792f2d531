import type { OpportunityCard } from '@contract/opportunities';
import type { OpportunityColumn } from '@contract/saved-views';
import { Anchor, Badge, Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDay, formatMoney } from '@web/components/format';
import type { RowSelection } from '@web/components/list-kit/use-row-selection';
import { ListBadge } from '@web/features/lists/list-badge.component';

type Props = { items: OpportunityCard[]; columns: readonly OpportunityColumn[]; selection?: RowSelection };

const statusColors = { open: 'blue', won: 'teal', lost: 'red' } as const;

/** Opportunities as rows: the name links to the page, the columns are the view's. */
export function OpportunitiesTable({ items, columns, selection }: Props) {
  const { t } = useTranslation();
  const show = (column: OpportunityColumn) => columns.includes(column);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" aria-label={t('opportunities:list.title')} data-testid="opportunities-table">
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={36}>
                <Checkbox aria-label={t('opportunities:bulk.selectPage')} checked={selection.loaded === 'all'} indeterminate={selection.loaded === 'some'} onChange={selection.toggleLoaded} />
              </Table.Th>
            )}
            <Table.Th>{t('opportunities:field.name')}</Table.Th>
            {show('organization') && <Table.Th>{t('opportunities:field.organization')}</Table.Th>}
            {show('stage') && <Table.Th>{t('opportunities:field.stage')}</Table.Th>}
            {show('amount') && <Table.Th ta="right">{t('opportunities:field.amount')}</Table.Th>}
            {show('probability') && <Table.Th ta="right">%</Table.Th>}
            {show('expectedCloseOn') && <Table.Th>{t('opportunities:field.expectedCloseOn')}</Table.Th>}
            {show('owner') && <Table.Th>{t('opportunities:field.owner')}</Table.Th>}
            {show('createdAt') && <Table.Th>{t('opportunities:field.createdAt')}</Table.Th>}
            {show('updatedAt') && <Table.Th>{t('opportunities:field.updatedAt')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-testid="opportunity-row">
              {selection && (
                <Table.Td>
                  <Checkbox aria-label={t('opportunities:bulk.select', { name: item.name })} checked={selection.isSelected(item.id)} onChange={() => selection.toggle(item.id)} />
                </Table.Td>
              )}
              <Table.Td>
                <Anchor component={Link} to={`/opportunities/${item.id}`} fw={500}>{item.name}</Anchor>
                {item.stale && <Badge ml={6} size="xs" color="orange" variant="light">{t('opportunities:board.stale')}</Badge>}
              </Table.Td>
              {show('organization') && <Table.Td><Anchor component={Link} to={`/accounts/${item.organization.id}`} size="sm">{item.organization.name}</Anchor></Table.Td>}
              {show('stage') && (
                <Table.Td>
                  <ListBadge listKey="opportunity_stage" value={item.stage} />
                  {item.status !== 'open' && <Badge ml={4} size="xs" color={statusColors[item.status]}>{t(`opportunities:status.${item.status}`)}</Badge>}
                </Table.Td>
              )}
              {show('amount') && <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{item.amount === null ? '—' : formatMoney(item.amount, item.currency)}</Table.Td>}
              {show('probability') && <Table.Td ta="right">{item.probability}</Table.Td>}
              {show('expectedCloseOn') && <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(item.expectedCloseOn)}</Table.Td>}
              {show('owner') && <Table.Td><Text size="sm">{item.owner.name}</Text></Table.Td>}
              {show('createdAt') && <Table.Td>{formatDate(item.createdAt)}</Table.Td>}
              {show('updatedAt') && <Table.Td>{formatDate(item.updatedAt)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
