import type { NotificationData } from '@mantine/notifications';
import { useSyncExternalStore } from 'react';

// Mantine's notifications (store, container, transitions) load with the first one shown: most
// visits show none, so they stay out of the start-up bundle. Calls keep their order.
const importMantine = () => import('@mantine/notifications');
let mantine: ReturnType<typeof importMantine> | undefined;
export const loadNotifications = () => (mantine ??= importMantine());

type Api = Awaited<ReturnType<typeof importMantine>>['notifications'];

let wanted = false;
const listeners = new Set<() => void>();

function withApi(action: (api: Api) => void): void {
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  void loadNotifications().then(({ notifications }) => action(notifications));
}

/** Mantine's `notifications`, for what the app uses of it. */
export const notifications = {
  show: (data: NotificationData) => withApi((api) => api.show(data)),
  update: (data: NotificationData) => withApi((api) => api.update(data)),
};

/** True once something was shown: the container mounts from then on. */
export function useNotificationsWanted(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => wanted,
  );
}
