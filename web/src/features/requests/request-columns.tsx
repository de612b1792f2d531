import type { Request } from '@contract/requests';
import type { RequestColumn } from '@contract/saved-views';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '@web/components/format';
import type { ListColumn } from '@web/components/list-kit/list-table.component';
import { accountPath } from '@web/features/accounts/account-path';
import { ListBadge } from '@web/features/lists/list-badge.component';
import { useListLookup, type ListLookup } from '@web/features/lists/use-lists';

const widths: Record<'date' | RequestColumn, number> = { date: 135, lead: 170, interest: 110, group: 90, channel: 110, source: 110, status: 110, handled: 105, responsible: 120, reason: 200, createdAt: 110 };

/** A request's status colour as a stripe on its row's edge. */
export function requestRowStyle(lists: ListLookup) {
  return (request: Request): CSSProperties | undefined => {
    const color = lists.color('request_status', request.status);
    return color ? { boxShadow: `inset 4px 0 0 ${color}` } : undefined;
  };
}

function Handled({ request }: { request: Request }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={request.handled ? 'teal' : 'orange'} style={{ minWidth: 'max-content' }}>
      {t(request.handled ? 'requests:handled.yes' : 'requests:handled.no')}
    </Badge>
  );
}

const LeadLink = ({ request, size }: { request: Request; size: 'sm' | 'xs' }) => (
  <Anchor component={Link} to={accountPath(request.account)} size={size} truncate display="block">
    {request.account.name}
  </Anchor>
);

/** The requests' columns: the date always first, then those shown; one description for the list page and every table of requests. */
export function useRequestColumns(visible: readonly RequestColumn[]): ListColumn<Request>[] {
  const { t } = useTranslation();
  const lists = useListLookup();
  const text = (value: string | null | undefined) => <Text size="sm" truncate>{value}</Text>;
  const cells: Record<RequestColumn, (request: Request) => ReactNode> = {
    lead: (request) => <LeadLink request={request} size="sm" />,
    interest: (request) => text(lists.label('request_interest', request.interest)),
    group: (request) => text(lists.label('request_group', request.group)),
    channel: (request) => text(lists.label('request_channel', request.channel)),
    source: (request) => text(lists.label('source', request.source)),
    status: (request) => <ListBadge listKey="request_status" value={request.status} />,
    handled: (request) => <Handled request={request} />,
    responsible: (request) => text(request.responsible?.name),
    reason: (request) => <Text size="sm" lineClamp={2}>{request.reason}</Text>,
    createdAt: (request) => <Text size="sm" c="dimmed">{formatDate(request.createdAt)}</Text>,
  };
  const date: ListColumn<Request> = {
    key: 'date',
    header: t('requests:field.requestedAt'),
    width: widths.date,
    sortKey: 'requestedAt',
    descendingFirst: true,
    cell: (request) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(request.requestedAt)}</Text>,
  };
  return [date, ...visible.map((key) => ({ key, header: t(`requests:field.${key}`), width: widths[key], cell: cells[key] }))];
}

/** A request at phone width: the lead (or the date) and the badges, then interest and channel, then who handles it. */
export function RequestCard({ request, showAccount = true, actions }: { request: Request; showAccount?: boolean; actions?: ReactNode }) {
  const lists = useListLookup();
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0, fontWeight: 600 }}>
          {showAccount ? <LeadLink request={request} size="sm" /> : <Text size="sm" fw={600}>{formatDateTime(request.requestedAt)}</Text>}
        </div>
        {actions}
      </Group>
      <Group gap={6} wrap="wrap">
        <ListBadge listKey="request_status" value={request.status} />
        <Handled request={request} />
      </Group>
      <Text size="xs" c="dimmed" truncate>
        {[showAccount ? formatDateTime(request.requestedAt) : null, lists.label('request_interest', request.interest), lists.label('request_channel', request.channel), request.responsible?.name]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}
