import type { Activity } from '@contract/activities';
import type { ActivityColumn } from '@contract/saved-views';
import { ActionIcon, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconLock, IconTargetArrow } from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '@web/components/format';
import type { ListColumn } from '@web/components/list-kit/list-table.component';
import { accountPath } from '@web/features/accounts/account-path';
import { useListLookup } from '@web/features/lists/use-lists';
import { ActivityStatusBadge } from './activity-status-badge.component';

export const isOverdue = (activity: Activity): boolean => activity.status === 'scheduled' && Date.parse(activity.dueAt) < Date.now();

const rowColors = { scheduled: 'var(--mantine-color-blue-0)', done: 'var(--mantine-color-teal-0)', cancelled: 'var(--mantine-color-gray-1)', overdue: 'var(--mantine-color-red-0)' };

/** A row's colour by status (overdue ones in red), and the status tests read. */
export const activityRowStyle = (activity: Activity): CSSProperties => ({ background: rowColors[isOverdue(activity) ? 'overdue' : activity.status] });
export const activityRowAttributes = (activity: Activity) => ({ 'data-status': isOverdue(activity) ? 'overdue' : activity.status });

const widths: Record<'date' | ActivityColumn, number> = { date: 140, type: 100, subject: 220, account: 180, responsible: 130, status: 110, result: 180, dueAt: 140, createdAt: 110 };

function Subject({ activity, showOpportunity }: { activity: Activity; showOpportunity: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
      {activity.private && <IconLock size={14} aria-label={t('activities:field.private')} role="img" />}
      <Text size="sm" truncate>{activity.subject}</Text>
      {/* On the organization's page its deals' activities say which deal they work on. */}
      {showOpportunity && activity.opportunityId && (
        <ActionIcon component={Link} to={`/opportunities/${activity.opportunityId}`} variant="subtle" size="sm" aria-label={t('activities:list.opportunity')}>
          <IconTargetArrow size={14} />
        </ActionIcon>
      )}
    </Group>
  );
}

type Options = {
  visible: readonly ActivityColumn[];
  dateField?: 'startAt' | 'remindAt';
  /** A link to the deal an activity works on (not on that deal's own page). */
  showOpportunity?: boolean;
};

/** The activities' columns: the date always first, then those shown; one description for the list page and every table of activities. */
export function useActivityColumns({ visible, dateField = 'startAt', showOpportunity = true }: Options): ListColumn<Activity>[] {
  const { t } = useTranslation();
  const lists = useListLookup();
  const cells: Record<ActivityColumn, (activity: Activity) => ReactNode> = {
    type: (activity) => <Text size="sm" truncate>{lists.label('activity_type', activity.type)}</Text>,
    subject: (activity) => <Subject activity={activity} showOpportunity={showOpportunity} />,
    account: (activity) => <Anchor component={Link} to={accountPath(activity.account)} size="sm" truncate display="block">{activity.account.name}</Anchor>,
    responsible: (activity) => <Text size="sm" truncate>{activity.responsible.name}</Text>,
    status: (activity) => <ActivityStatusBadge status={activity.status} overdue={isOverdue(activity)} />,
    result: (activity) => <Text size="sm" lineClamp={2}>{activity.result}</Text>,
    dueAt: (activity) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(activity.dueAt)}</Text>,
    createdAt: (activity) => <Text size="sm" c="dimmed">{formatDate(activity.createdAt)}</Text>,
  };
  const date: ListColumn<Activity> = {
    key: 'date',
    header: t(dateField === 'remindAt' ? 'activities:field.remindAt' : 'activities:field.startAt'),
    width: widths.date,
    sortKey: dateField === 'startAt' ? 'startAt' : undefined,
    descendingFirst: true,
    cell: (activity) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(dateField === 'remindAt' ? activity.remindAt : activity.startAt)}</Text>,
  };
  return [date, ...visible.map((key) => ({ key, header: t(`activities:field.${key}`), width: widths[key], cell: cells[key] }))];
}

/** An activity at phone width: subject and status, then when, type, account and responsible. */
export function ActivityCard({ activity, showAccount = true, showOpportunity = true, actions }: { activity: Activity; showAccount?: boolean; showOpportunity?: boolean; actions?: ReactNode }) {
  const lists = useListLookup();
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0, fontWeight: 600 }}>
          <Subject activity={activity} showOpportunity={showOpportunity} />
        </div>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          <ActivityStatusBadge status={activity.status} overdue={isOverdue(activity)} />
          {actions}
        </Group>
      </Group>
      <Text size="sm" truncate>
        {[formatDateTime(activity.startAt), lists.label('activity_type', activity.type)].filter(Boolean).join(' · ')}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {showAccount && (
          <>
            <Anchor component={Link} to={accountPath(activity.account)} size="xs">{activity.account.name}</Anchor>
            {' · '}
          </>
        )}
        {activity.responsible.name}
      </Text>
    </Stack>
  );
}
