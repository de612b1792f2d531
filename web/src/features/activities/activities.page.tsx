import type { ActivityListParams, ActivityStatus } from '@contract/activities';
import { activityStatuses } from '@contract/activities';
import { Button, Center, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendar, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatTotal } from '@web/components/format';
import { ListSelect } from '@web/features/lists/list-select.component';
import { useUserOptions } from '@web/features/users/use-user-options';
import { ActivitiesTable } from './activities-table.component';
import { ActivityFormModal } from './activity-form-modal.component';
import { useActivities } from './use-activities';

const isStatus = (value: string | null): value is ActivityStatus => activityStatuses.some((status) => status === value);
const dayStart = (value: string) => (value ? new Date(`${value}T00:00`).toISOString() : undefined);
const dayEnd = (value: string) => {
  if (!value) return undefined;
  const date = new Date(`${value}T00:00`);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
};

/** All the activities I may see, filtered by status, type, responsible, account and dates (filters live in the URL). */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const users = useUserOptions();
  const [creating, create] = useDisclosure(false);
  const get = (key: string) => params.get(key) ?? '';
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const status = params.get('status');
  const query: ActivityListParams = {
    limit: 50,
    sort: status === 'scheduled' ? 'startAt' : '-startAt',
    status: isStatus(status) ? status : undefined,
    type: get('type') || undefined,
    responsibleId: get('responsibleId') || undefined,
    mine: get('mine') === 'true' ? 'true' : undefined,
    accountId: get('accountId') || undefined,
    from: dayStart(get('from')),
    to: dayEnd(get('to')),
  };
  const activities = useActivities(query);
  const items = activities.data?.pages.flatMap((page) => page.items) ?? [];
  const first = activities.data?.pages[0];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('activities:list.title')}</Title>
        <Group gap="xs">
          <Button component={Link} to="/calendar" variant="default" leftSection={<IconCalendar size={16} />}>
            {t('activities:calendar.title')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
            {t('activities:action.new')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm">
          <Select
            label={t('activities:field.status')}
            clearable
            data={activityStatuses.map((value) => ({ value, label: t(`activities:status.${value}`) }))}
            value={status}
            onChange={(value) => set('status', value)}
          />
          <ListSelect listKey="activity_type" label={t('activities:field.type')} value={params.get('type')} onChange={(value) => set('type', value)} />
          <Select
            label={t('activities:field.responsible')}
            clearable
            searchable
            data={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))}
            value={params.get('responsibleId')}
            onChange={(value) => set('responsibleId', value)}
          />
          <Select
            label={t('activities:filter.whose')}
            data={[{ value: 'all', label: t('activities:filter.all') }, { value: 'true', label: t('activities:filter.mine') }]}
            value={get('mine') === 'true' ? 'true' : 'all'}
            allowDeselect={false}
            onChange={(value) => set('mine', value === 'true' ? 'true' : null)}
          />
          <TextInput type="date" label={t('activities:filter.from')} value={get('from')} onChange={(event) => set('from', event.currentTarget.value)} />
          <TextInput type="date" label={t('activities:filter.to')} value={get('to')} onChange={(event) => set('to', event.currentTarget.value)} />
        </SimpleGrid>
        {get('accountId') && (
          <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => set('accountId', null)}>
            {t('activities:filter.clearAccount')}
          </Button>
        )}
      </Paper>
      <ErrorAlert error={activities.error} />
      {first && (
        <Text size="sm" c="dimmed">
          {t('activities:list.total', { count: first.total, total: formatTotal(first.total, first.totalIsEstimate) })}
        </Text>
      )}
      {activities.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('activities:list.empty')}</Text>
      ) : (
        <ActivitiesTable items={items} />
      )}
      {activities.hasNextPage && (
        <Button variant="default" onClick={() => void activities.fetchNextPage()} loading={activities.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('common:action.loadMore')}
        </Button>
      )}
      {creating && <ActivityFormModal opened onClose={create.close} />}
    </Stack>
  );
}
