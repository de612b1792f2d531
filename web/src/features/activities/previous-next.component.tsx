import type { Activity } from '@contract/activities';
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@web/components/format';
import { useListLookup } from '@web/features/lists/use-lists';
import { ActivityStatusBadge } from './activity-status-badge.component';
import { isOverdue } from './activity-columns';
import { useActivityPage } from './use-activities';

function Card({ title, activity, empty }: { title: string; activity: Activity | undefined; empty: string }) {
  const lists = useListLookup();
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {title}
        </Text>
        {activity ? (
          <>
            <Text size="sm" fw={600}>
              {activity.subject}
            </Text>
            <Text size="sm">
              {lists.label('activity_type', activity.type)} · {formatDateTime(activity.startAt)} · {activity.responsible.name}
            </Text>
            <ActivityStatusBadge status={activity.status} overdue={isOverdue(activity)} />
            {activity.result && <Text size="sm" c="dimmed">{activity.result}</Text>}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Seed 002's "anterior y próximo": the last done activity and the next scheduled one. */
export function PreviousNextActivities({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const previous = useActivityPage({ accountId, status: 'done', sort: '-startAt', limit: 1 });
  const next = useActivityPage({ accountId, status: 'scheduled', sort: 'startAt', limit: 1 });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Card title={t('activities:lead.previous')} activity={previous.data?.items[0]} empty={t('activities:lead.noPrevious')} />
      <Card title={t('activities:lead.next')} activity={next.data?.items[0]} empty={t('activities:lead.noNext')} />
    </SimpleGrid>
  );
}
