import type { Request } from '@contract/requests';
import { ActionIcon, Anchor, Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '@web/components/format';
import { accountPath } from '@web/features/accounts/account-path';
import { ListBadge } from '@web/features/lists/list-badge.component';
import { useListLookup } from '@web/features/lists/use-lists';
import { RequestFormModal } from './request-form-modal.component';

/** Requests with their status colour; the lead's name opens the lead. */
export function RequestsTable({ items, showAccount = true }: { items: Request[]; showAccount?: boolean }) {
  const { t } = useTranslation();
  const lists = useListLookup();
  const [editing, setEditing] = useState<Request | null>(null);
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="xs" aria-label={t('requests:list.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('requests:field.requestedAt')}</Table.Th>
              {showAccount && <Table.Th>{t('requests:field.lead')}</Table.Th>}
              <Table.Th>{t('requests:field.interest')}</Table.Th>
              <Table.Th>{t('requests:field.group')}</Table.Th>
              <Table.Th>{t('requests:field.channel')}</Table.Th>
              <Table.Th>{t('requests:field.source')}</Table.Th>
              <Table.Th>{t('requests:field.status')}</Table.Th>
              <Table.Th>{t('requests:field.handled')}</Table.Th>
              <Table.Th>{t('requests:field.responsible')}</Table.Th>
              <Table.Th w={48}>
                <VisuallyHidden>{t('requests:list.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((request) => {
              const color = lists.color('request_status', request.status);
              return (
                <Table.Tr key={request.id} style={color ? { boxShadow: `inset 4px 0 0 ${color}` } : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(request.requestedAt)}</Table.Td>
                  {showAccount && (
                    <Table.Td>
                      <Anchor component={Link} to={accountPath(request.account)} size="sm">
                        {request.account.name}
                      </Anchor>
                    </Table.Td>
                  )}
                  <Table.Td>{lists.label('request_interest', request.interest)}</Table.Td>
                  <Table.Td>{lists.label('request_group', request.group)}</Table.Td>
                  <Table.Td>{lists.label('request_channel', request.channel)}</Table.Td>
                  <Table.Td>{lists.label('source', request.source)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <ListBadge listKey="request_status" value={request.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge variant="light" color={request.handled ? 'teal' : 'orange'} style={{ minWidth: 'max-content' }}>
                      {t(request.handled ? 'requests:handled.yes' : 'requests:handled.no')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{request.responsible?.name}</Text>
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="gray" aria-label={t('requests:action.edit')} onClick={() => setEditing(request)}>
                      <IconEdit size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && <RequestFormModal key={editing.id} opened accountId={editing.account.id} request={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
