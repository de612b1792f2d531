import type { ActivityStatus } from '@contract/activities';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Status colours, shared by badges, rows and calendar entries. */
export const statusColors: Record<ActivityStatus, string> = { scheduled: 'blue', done: 'teal', cancelled: 'gray' };

export function ActivityStatusBadge({ status, overdue = false }: { status: ActivityStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={overdue ? 'red' : statusColors[status]} style={{ minWidth: 'max-content' }}>
      {overdue ? t('activities:status.overdue') : t(`activities:status.${status}`)}
    </Badge>
  );
}
