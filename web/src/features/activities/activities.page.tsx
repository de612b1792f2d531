import type { ActivityListParams, ActivityStatus } from '@contract/activities';
import { activityStatuses } from '@contract/activities';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendar, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PagedList } from '@web/components/paged-list.component';
import { dayEndIso, dayStartIso, useUrlFilters } from '@web/components/use-url-filters';
import { ListSelect } from '@web/features/lists/list-select.component';
import { useUserOptions } from '@web/features/users/use-user-options';
import { ActivitiesTable } from './activities-table.component';
import { ActivityFormModal } from './activity-form-modal.component';
import { useActivities } from './use-activities';
import { DateField } from '@web/components/date-field.component';

const isStatus = (value: string | null): value is ActivityStatus => activityStatuses.some((status) => status === value);

/** All the activities I may see, filtered by status, type, responsible, account and dates (filters live in the URL). */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const { params, get, set } = useUrlFilters();
  const users = useUserOptions();
  const [creating, create] = useDisclosure(false);
  const status = params.get('status');
  const overdue = get('overdue');
  const query: ActivityListParams = {
    limit: 50,
    sort: status === 'scheduled' ? 'startAt' : '-startAt',
    status: isStatus(status) ? status : undefined,
    type: get('type') || undefined,
    responsibleId: get('responsibleId') || undefined,
    mine: get('mine') === 'true' ? 'true' : undefined,
    accountId: get('accountId') || undefined,
    from: dayStartIso(get('from')),
    to: dayEndIso(get('to')),
    // Set by the dashboard's slices (overdue, or scheduled on time; a team's work).
    overdue: overdue === 'true' || overdue === 'false' ? overdue : undefined,
    teamId: get('teamId') || undefined,
  };
  const activities = useActivities(query);

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
          <DateField label={t('activities:filter.from')} value={get('from') || null} onChange={(value) => set('from', value ?? '')} />
          <DateField label={t('activities:filter.to')} value={get('to') || null} onChange={(value) => set('to', value ?? '')} />
        </SimpleGrid>
        {get('accountId') && (
          <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => set('accountId', null)}>
            {t('activities:filter.clearAccount')}
          </Button>
        )}
      </Paper>
      <PagedList query={activities} empty={t('activities:list.empty')} total={(count, total) => t('activities:list.total', { count, total })}>
        {(items) => <ActivitiesTable items={items} />}
      </PagedList>
      {creating && <ActivityFormModal opened onClose={create.close} />}
    </Stack>
  );
}
