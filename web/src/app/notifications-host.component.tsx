import { lazy, Suspense } from 'react';
import { loadNotifications, useNotificationsWanted } from '@web/components/notifications';

const Notifications = lazy(async () => ({ default: (await loadNotifications()).Notifications }));

/** Where notifications appear, mounted with the first one. */
export function NotificationsHost() {
  if (!useNotificationsWanted()) return null;
  return (
    <Suspense fallback={null}>
      <Notifications position="top-right" />
    </Suspense>
  );
}
