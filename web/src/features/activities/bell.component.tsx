import type { Activity } from '@contract/activities';
import { ActionIcon, Anchor, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell, IconCheck } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withTexts } from '@web/app/i18n';
import { formatDateTime } from '@web/components/format';
import { accountPath } from '@web/features/accounts/account-path';
import { NotificationItem } from '@web/features/notifications/notification-item.component';
import { useNotifications, useReadNotification } from '@web/features/notifications/use-notifications';
import { usePendingActivities } from './use-pending-activities';
import { useReminderNotifications } from './use-reminder-notifications';

// Fetched when the user first marks an activity done from the bell, not with the shell.
const ActivityDoneModal = lazy(async () => ({
  default: (await withTexts([], () => import('./activity-done-modal.component'))).ActivityDoneModal,
}));

/**
 * Seed 002's bell: grey with nothing pending, red with the count of my activities due by today
 * and my unread notifications (a customer's credit risk changed…).
 */
export function Bell() {
  const { t } = useTranslation();
  const pending = usePendingActivities();
  const notices = useNotifications();
  const read = useReadNotification();
  useReminderNotifications();
  const [opened, setOpened] = useState(false);
  const [finishing, setFinishing] = useState<Activity | null>(null);
  // Stays mounted once used, so that closing the modal animates.
  const [modalUsed, setModalUsed] = useState(false);
  const markDone = (activity: Activity) => {
    setModalUsed(true);
    setFinishing(activity);
  };
  const unread = notices.data?.unread ?? 0;
  const count = (pending.data?.total ?? 0) + unread;
  const items = pending.data?.items ?? [];
  const notifications = notices.data?.items ?? [];

  return (
    <>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} shadow="md" withinPortal>
        <Popover.Target>
          <Indicator label={count} size={18} color="red" disabled={count === 0} offset={4}>
            <ActionIcon
              variant={count > 0 ? 'filled' : 'subtle'}
              color={count > 0 ? 'red' : 'gray'}
              size="lg"
              aria-label={unread > 0 ? t('notifications:bellLabel', { activities: pending.data?.total ?? 0, count: unread }) : t('activities:bell.label', { count })}
              data-pending={pending.data?.total ?? 0}
              data-unread={unread}
              onClick={() => setOpened((value) => !value)}
            >
              <IconBell size={20} />
            </ActionIcon>
          </Indicator>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            {notifications.length > 0 && (
              <Stack gap={6} data-testid="bell-notifications">
                <Group justify="space-between" gap="xs">
                  <Text fw={600} size="sm">{t('notifications:title')}</Text>
                  {unread > 0 && (
                    <Anchor component="button" type="button" size="xs" onClick={() => read.mutate('all')}>
                      {t('notifications:readAll')}
                    </Anchor>
                  )}
                </Group>
                {notifications.slice(0, 5).map((notification) => (
                  <NotificationItem
                    key={notification.id}
                    notification={notification}
                    onOpen={() => {
                      if (notification.readAt === null) read.mutate(notification.id);
                      setOpened(false);
                    }}
                  />
                ))}
                <Divider />
              </Stack>
            )}
            <Text fw={600} size="sm">
              {t('activities:bell.title')}
            </Text>
            {items.length === 0 && <Text size="sm" c="dimmed">{t('activities:bell.empty')}</Text>}
            <ScrollArea.Autosize mah={320}>
              <Stack gap={6}>
                {items.map((activity) => (
                  <Group key={activity.id} justify="space-between" wrap="nowrap" gap="xs">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text size="sm" truncate>
                        {activity.subject}
                      </Text>
                      <Text size="xs" c={Date.parse(activity.dueAt) < Date.now() ? 'red' : 'dimmed'}>
                        <Anchor component={Link} to={accountPath(activity.account)} size="xs" onClick={() => setOpened(false)}>
                          {activity.account.name}
                        </Anchor>{' '}
                        · {formatDateTime(activity.dueAt)}
                      </Text>
                    </Stack>
                    <ActionIcon variant="light" color="teal" aria-label={t('activities:action.markDoneOf', { subject: activity.subject })} onClick={() => markDone(activity)}>
                      <IconCheck size={16} />
                    </ActionIcon>
                  </Group>
                ))}
              </Stack>
            </ScrollArea.Autosize>
            <Divider />
            <Button component={Link} to="/activities?mine=true&status=scheduled&sort=startAt" variant="subtle" size="compact-sm" onClick={() => setOpened(false)}>
              {t('activities:bell.seeAll')}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      {modalUsed && (
        <Suspense fallback={null}>
          <ActivityDoneModal activity={finishing} outcome="done" onClose={() => setFinishing(null)} />
        </Suspense>
      )}
    </>
  );
}
