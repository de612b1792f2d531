import { dueRemindersSchema } from '@contract/activities';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { apiJson } from '@web/app/api-client';
import { formatDateTime } from '@web/components/format';
import { notifications } from '@web/components/notifications';
import { activityKeys } from './activity-keys';

/**
 * Polls for reminders that fell due and shows each as a notification. The server marks a
 * reminder shown as it hands it out, so it shows once across tabs and reloads.
 */
export function useReminderNotifications(): void {
  const { t } = useTranslation();
  const shown = useRef(new Set<string>());
  const due = useQuery({
    queryKey: [...activityKeys.reminders, 'claim'],
    queryFn: () => apiJson(dueRemindersSchema, '/activities/reminders/claim', { method: 'POST' }),
    refetchInterval: 30_000,
    staleTime: 0,
    gcTime: 0,
  });
  useEffect(() => {
    for (const activity of due.data?.items ?? []) {
      if (shown.current.has(activity.id)) continue;
      shown.current.add(activity.id);
      notifications.show({
        id: `reminder-${activity.id}`,
        title: t('activities:reminders.notificationTitle'),
        message: `${activity.subject} · ${activity.account.name} · ${formatDateTime(activity.startAt)}`,
        color: 'orange',
        autoClose: false,
        // Bottom right, so a reminder never covers the bell it is about.
        position: 'bottom-right',
      });
    }
  }, [due.data, t]);
}
