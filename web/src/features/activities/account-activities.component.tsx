import { Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPhoneCheck, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PagedList } from '@web/components/paged-list.component';
import { ActivitiesTable } from './activities-table.component';
import { ActivityFormModal } from './activity-form-modal.component';
import { ActivityLogModal } from './activity-log-modal.component';
import { useActivities } from './use-activities';

/** An account's activities (or one opportunity's), newest first, with buttons to schedule one or log one that already happened. */
export function AccountActivities({ accountId, canCreate, opportunityId }: { accountId: string; canCreate: boolean; opportunityId?: string }) {
  const { t } = useTranslation();
  const [creating, create] = useDisclosure(false);
  const [logging, log] = useDisclosure(false);
  const activities = useActivities({ accountId, opportunityId, sort: '-startAt', limit: 20 });
  return (
    <Stack gap="sm">
      {canCreate && (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
            {t('activities:action.schedule')}
          </Button>
          <Button variant="light" leftSection={<IconPhoneCheck size={16} />} onClick={log.open}>
            {t('activities:action.log')}
          </Button>
        </Group>
      )}
      <PagedList query={activities} empty={t('activities:list.emptyAccount')}>
        {(items) => <ActivitiesTable items={items} showAccount={false} showOpportunity={!opportunityId} />}
      </PagedList>
      {creating && <ActivityFormModal opened accountId={accountId} opportunityId={opportunityId} onClose={create.close} />}
      {logging && <ActivityLogModal accountId={accountId} opportunityId={opportunityId} onClose={log.close} />}
    </Stack>
  );
}
