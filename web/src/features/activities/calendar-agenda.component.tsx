import type { Activity } from '@contract/activities';
import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { i18next } from '@web/app/i18n';
import { Chip } from './calendar-grid.component';
import { dayKey, sameDay } from './calendar-range';

type Props = { days: Date[]; items: Activity[]; onOpen: (activity: Activity) => void };

/** The week at phone width: one stacked row per day with its activities, nothing scrolling sideways (a phone does not drag). */
export function CalendarAgenda({ days, items, onOpen }: Props) {
  const { t } = useTranslation();
  const dayLabel = new Intl.DateTimeFormat(i18next.language, { weekday: 'long', day: 'numeric', month: 'long' });
  const today = new Date();
  return (
    <Stack gap="xs" role="list" aria-label={t('activities:calendar.title')}>
      {days.map((day) => {
        const entries = items.filter((activity) => dayKey(new Date(activity.startAt)) === dayKey(day));
        return (
          <Paper key={dayKey(day)} withBorder p="xs" role="listitem" bg={sameDay(day, today) ? 'var(--mantine-color-teal-0)' : undefined}>
            <Text size="sm" fw={700} tt="capitalize" mb={4}>{dayLabel.format(day)}</Text>
            {entries.length === 0 ? <Text size="xs" c="dimmed">—</Text> : entries.map((activity) => <Chip key={activity.id} activity={activity} onOpen={onOpen} />)}
          </Paper>
        );
      })}
    </Stack>
  );
}
