import type { RequestListParams } from '@contract/requests';
import type { ListKey } from '@contract/lists';
import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PagedList } from '@web/components/paged-list.component';
import { dayEndIso, dayStartIso, useUrlFilters } from '@web/components/use-url-filters';
import { ListSelect } from '@web/features/lists/list-select.component';
import { useUserOptions } from '@web/features/users/use-user-options';
import { RequestsTable } from './requests-table.component';
import { useRequests } from './use-requests';
import { DateField } from '@web/components/date-field.component';

const listFilters: Array<{ param: 'interest' | 'group' | 'channel' | 'source' | 'status'; listKey: ListKey }> = [
  { param: 'interest', listKey: 'request_interest' },
  { param: 'status', listKey: 'request_status' },
  { param: 'group', listKey: 'request_group' },
  { param: 'channel', listKey: 'request_channel' },
  { param: 'source', listKey: 'source' },
];

/** Seed 002's CRM › Solicitudes: every request of my leads, filtered; "only the latest" per lead. */
export function RequestsPage() {
  const { t } = useTranslation();
  const { params, get, set } = useUrlFilters();
  const users = useUserOptions();
  const handled = get('handled');
  const query: RequestListParams = {
    limit: 50,
    interest: get('interest') || undefined,
    group: get('group') || undefined,
    channel: get('channel') || undefined,
    source: get('source') || undefined,
    status: get('status') || undefined,
    handled: handled === 'true' || handled === 'false' ? handled : undefined,
    responsibleId: get('responsibleId') || undefined,
    from: dayStartIso(get('from')),
    to: dayEndIso(get('to')),
    latestOnly: get('latest') === 'true' ? 'true' : undefined,
    // Set by the dashboard's slices: a team's work.
    teamId: get('teamId') || undefined,
  };
  const requests = useRequests(query);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('requests:list.title')}</Title>
        <Button component={Link} to="/leads/new" leftSection={<IconUserPlus size={16} />}>
          {t('requests:action.newLead')}
        </Button>
      </Group>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="sm">
          {listFilters.map(({ param, listKey }) => (
            <ListSelect key={param} listKey={listKey} label={t(`requests:field.${param}`)} value={params.get(param)} onChange={(value) => set(param, value)} />
          ))}
          <Select
            label={t('requests:field.handled')}
            clearable
            data={[{ value: 'false', label: t('requests:handled.no') }, { value: 'true', label: t('requests:handled.yes') }]}
            value={handled || null}
            onChange={(value) => set('handled', value)}
          />
          <Select
            label={t('requests:field.responsible')}
            clearable
            searchable
            data={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))}
            value={params.get('responsibleId')}
            onChange={(value) => set('responsibleId', value)}
          />
          <DateField label={t('requests:filter.from')} value={get('from') || null} onChange={(value) => set('from', value ?? '')} />
          <DateField label={t('requests:filter.to')} value={get('to') || null} onChange={(value) => set('to', value ?? '')} />
        </SimpleGrid>
        <Checkbox mt="sm" label={t('requests:filter.latestOnly')} checked={get('latest') === 'true'} onChange={(event) => set('latest', event.currentTarget.checked ? 'true' : null)} />
      </Paper>
      <PagedList query={requests} empty={t('requests:list.empty')} total={(count, total) => t('requests:list.total', { count, total })}>
        {(items) => <RequestsTable items={items} />}
      </PagedList>
    </Stack>
  );
}
