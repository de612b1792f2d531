import type { Activity } from '@contract/activities';
import { ActionIcon, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '@web/app/i18n';
import { ErrorAlert, useErrorMessage } from '@web/components/error-alert.component';
import { notifications } from '@web/components/notifications';
import { ActivityFormModal } from './activity-form-modal.component';
import { useCompact } from '@web/components/list-kit/use-compact';
import { CalendarAgenda } from './calendar-agenda.component';
import { CalendarFeed } from './calendar-feed.component';
import { CalendarGrid } from './calendar-grid.component';
import { addDays, movedStart, visibleDays, type CalendarView } from './calendar-range';
import { useActivityPage } from './use-activities';
import { useUpdateActivity } from './use-update-activity';

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** My activities by week or month; drag one to another slot to move it (editing it changes the time too). */
export function CalendarPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [view, setView] = useState<CalendarView>('week');
  const [anchor, setAnchor] = useState(() => new Date());
  const [editing, setEditing] = useState<Activity | null>(null);
  const days = visibleDays(view, anchor);
  const from = days[0] ?? anchor;
  const to = addDays(days[days.length - 1] ?? anchor, 1);
  const activities = useActivityPage({ mine: 'true', from: from.toISOString(), to: to.toISOString(), sort: 'startAt', limit: 200 });
  const update = useUpdateActivity();
  const compact = useCompact();

  const step = (direction: 1 | -1) =>
    setAnchor((current) => (view === 'week' ? addDays(current, 7 * direction) : new Date(current.getFullYear(), current.getMonth() + direction, 1)));

  const move = (activity: Activity, day: Date, hour: number | null) => {
    const start = movedStart(activity.startAt, day, hour);
    const delta = start.getTime() - Date.parse(activity.startAt);
    if (delta === 0) return;
    update.mutate(
      { id: activity.id, version: activity.version, startAt: start.toISOString(), endAt: activity.endAt ? new Date(Date.parse(activity.endAt) + delta).toISOString() : undefined },
      { onError: (error) => notifications.show({ color: 'red', title: t('activities:calendar.moveFailed'), message: errorMessage(error) }) },
    );
  };

  const title = new Intl.DateTimeFormat(i18next.language, view === 'week' ? { day: 'numeric', month: 'short', year: 'numeric' } : { month: 'long', year: 'numeric' });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('activities:calendar.title')}</Title>
        <SegmentedControl
          value={view}
          onChange={(value) => setView(value === 'month' ? 'month' : 'week')}
          data={[{ value: 'week', label: t('activities:calendar.week') }, { value: 'month', label: t('activities:calendar.month') }]}
        />
      </Group>
      <Group gap="xs">
        <ActionIcon variant="default" size="lg" aria-label={t('activities:calendar.previous')} onClick={() => step(-1)}>
          <IconChevronLeft size={16} />
        </ActionIcon>
        <Button variant="default" onClick={() => setAnchor(new Date())}>
          {t('activities:calendar.today')}
        </Button>
        <ActionIcon variant="default" size="lg" aria-label={t('activities:calendar.next')} onClick={() => step(1)}>
          <IconChevronRight size={16} />
        </ActionIcon>
        <Text fw={600} aria-live="polite">
          {capitalize(view === 'week' ? `${title.format(from)} – ${title.format(addDays(to, -1))}` : title.format(anchor))}
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        {t('activities:calendar.hint')}
      </Text>
      <ErrorAlert error={activities.error} />
      {compact && view === 'week' ? (
        <CalendarAgenda days={days} items={activities.data?.items ?? []} onOpen={setEditing} />
      ) : (
        <CalendarGrid view={view} days={days} month={anchor.getMonth()} items={activities.data?.items ?? []} onMove={move} onOpen={setEditing} />
      )}
      <CalendarFeed />
      {editing && <ActivityFormModal key={editing.id} opened activity={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
