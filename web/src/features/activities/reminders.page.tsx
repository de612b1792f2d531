import { activityListSchema } from '@contract/activities';
import { Stack, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiJson } from '@web/app/api-client';
import { PagedList } from '@web/components/paged-list.component';
import { ActivitiesTable } from './activities-table.component';
import { activityKeys } from './activity-keys';

/** Seed 001's reminders: my scheduled activities with a reminder, earliest first, numbered. */
export function RemindersPage() {
  const { t } = useTranslation();
  const reminders = useInfiniteQuery({
    queryKey: [...activityKeys.reminders, 'list'],
    queryFn: ({ pageParam, signal }) => apiJson(activityListSchema, '/activities/reminders', { query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
  return (
    <Stack gap="md">
      <Title order={2}>{t('activities:reminders.title')}</Title>
      <PagedList query={reminders} empty={t('activities:reminders.empty')}>
        {(items) => <ActivitiesTable items={items} numbered dateField="remindAt" />}
      </PagedList>
    </Stack>
  );
}
