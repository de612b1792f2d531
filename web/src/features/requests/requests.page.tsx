import type { RequestListParams } from '@contract/requests';
import type { ListKey } from '@contract/lists';
import { Button, Center, Checkbox, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatTotal } from '@web/components/format';
import { ListSelect } from '@web/features/lists/list-select.component';
import { useUserOptions } from '@web/features/users/use-user-options';
import { RequestsTable } from './requests-table.component';
import { useRequests } from './use-requests';

const listFilters: Array<{ param: 'interest' | 'group' | 'channel' | 'source' | 'status'; listKey: ListKey }> = [
  { param: 'interest', listKey: 'request_interest' },
  { param: 'status', listKey: 'request_status' },
  { param: 'group', listKey: 'request_group' },
  { param: 'channel', listKey: 'request_channel' },
  { param: 'source', listKey: 'source' },
];

const dayStart = (value: string) => (value ? new Date(`${value}T00:00`).toISOString() : undefined);
const dayEnd = (value: string) => {
  if (!value) return undefined;
  const date = new Date(`${value}T00:00`);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
};

/** Seed 002's CRM › Solicitudes: every request of my leads, filtered; "only the latest" per lead. */
export function RequestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const users = useUserOptions();
  const get = (key: string) => params.get(key) ?? '';
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
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
    from: dayStart(get('from')),
    to: dayEnd(get('to')),
    latestOnly: get('latest') === 'true' ? 'true' : undefined,
  };
  const requests = useRequests(query);
  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];
  const first = requests.data?.pages[0];

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
          <TextInput type="date" label={t('requests:filter.from')} value={get('from')} onChange={(event) => set('from', event.currentTarget.value)} />
          <TextInput type="date" label={t('requests:filter.to')} value={get('to')} onChange={(event) => set('to', event.currentTarget.value)} />
        </SimpleGrid>
        <Checkbox mt="sm" label={t('requests:filter.latestOnly')} checked={get('latest') === 'true'} onChange={(event) => set('latest', event.currentTarget.checked ? 'true' : null)} />
      </Paper>
      <ErrorAlert error={requests.error} />
      {first && (
        <Text size="sm" c="dimmed">
          {t('requests:list.total', { count: first.total, total: formatTotal(first.total, first.totalIsEstimate) })}
        </Text>
      )}
      {requests.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('requests:list.empty')}</Text>
      ) : (
        <RequestsTable items={items} />
      )}
      {requests.hasNextPage && (
        <Button variant="default" onClick={() => void requests.fetchNextPage()} loading={requests.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('common:action.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
