import { Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PagedList } from '@web/components/paged-list.component';
import { ActivitiesTable } from './activities-table.component';
import { ActivityFormModal } from './activity-form-modal.component';
import { useActivities } from './use-activities';

/** An account's activities, newest first, with a button to schedule another. */
export function AccountActivities({ accountId, canCreate }: { accountId: string; canCreate: boolean }) {
  const { t } = useTranslation();
  const [creating, create] = useDisclosure(false);
  const activities = useActivities({ accountId, sort: '-startAt', limit: 20 });
  return (
    <Stack gap="sm">
      {canCreate && (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
            {t('activities:action.schedule')}
          </Button>
        </Group>
      )}
      <PagedList query={activities} empty={t('activities:list.emptyAccount')}>
        {(items) => <ActivitiesTable items={items} showAccount={false} />}
      </PagedList>
      {creating && <ActivityFormModal opened accountId={accountId} onClose={create.close} />}
    </Stack>
  );
}
