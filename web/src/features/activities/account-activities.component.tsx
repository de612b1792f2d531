import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { ActivitiesTable } from './activities-table.component';
import { ActivityFormModal } from './activity-form-modal.component';
import { useActivities } from './use-activities';

/** An account's activities, newest first, with a button to schedule another. */
export function AccountActivities({ accountId, canCreate }: { accountId: string; canCreate: boolean }) {
  const { t } = useTranslation();
  const [creating, create] = useDisclosure(false);
  const activities = useActivities({ accountId, sort: '-startAt', limit: 20 });
  const items = activities.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="sm">
      {canCreate && (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
            {t('activities:action.schedule')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={activities.error} />
      {activities.isPending ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('activities:list.emptyAccount')}</Text>
      ) : (
        <ActivitiesTable items={items} showAccount={false} />
      )}
      {activities.hasNextPage && (
        <Button variant="default" onClick={() => void activities.fetchNextPage()} loading={activities.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('common:action.loadMore')}
        </Button>
      )}
      {creating && <ActivityFormModal opened accountId={accountId} onClose={create.close} />}
    </Stack>
  );
}
