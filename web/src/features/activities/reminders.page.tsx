import { activityListSchema } from '@contract/activities';
import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiJson } from '@web/app/api-client';
import { ErrorAlert } from '@web/components/error-alert.component';
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
  const items = reminders.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md">
      <Title order={2}>{t('activities:reminders.title')}</Title>
      <ErrorAlert error={reminders.error} />
      {reminders.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('activities:reminders.empty')}</Text>
      ) : (
        <ActivitiesTable items={items} numbered dateField="remindAt" />
      )}
      {reminders.hasNextPage && (
        <Button variant="default" onClick={() => void reminders.fetchNextPage()} loading={reminders.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('common:action.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
