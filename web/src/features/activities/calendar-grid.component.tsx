import type { Activity } from '@contract/activities';
import { Box, Text, UnstyledButton } from '@mantine/core';
import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '@web/app/i18n';
import { statusColors } from './activity-status-badge.component';
import { clampHour, dayKey, firstHour, lastHour, sameDay, type CalendarView } from './calendar-range';

type Props = {
  view: CalendarView;
  days: Date[];
  month: number;
  items: Activity[];
  onMove: (activity: Activity, day: Date, hour: number | null) => void;
  onOpen: (activity: Activity) => void;
};

const hours = Array.from({ length: lastHour - firstHour + 1 }, (_, index) => firstHour + index);
const dragType = 'application/x-cartera-activity';

export function Chip({ activity, onOpen }: { activity: Activity; onOpen: (activity: Activity) => void }) {
  const time = new Intl.DateTimeFormat(i18next.language, { timeStyle: 'short' }).format(new Date(activity.startAt));
  const color = statusColors[activity.status];
  return (
    <UnstyledButton
      draggable={activity.status === 'scheduled'}
      onDragStart={(event) => {
        event.dataTransfer.setData(dragType, activity.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onClick={() => onOpen(activity)}
      data-activity={activity.id}
      title={activity.subject}
      style={{
        display: 'block', width: '100%', fontSize: 12, lineHeight: 1.3, padding: '2px 4px', borderRadius: 4, marginBottom: 2, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap',
        background: `var(--mantine-color-${color}-1)`, borderLeft: `3px solid var(--mantine-color-${color}-6)`,
        textDecoration: activity.status === 'cancelled' ? 'line-through' : undefined,
      }}
    >
      {time} {activity.subject}
    </UnstyledButton>
  );
}

/** A drop target: a day (month view) or an hour of a day (week view). */
function Cell({ label, onDropActivity, children, muted, today }: { label: string; onDropActivity: (id: string) => void; children: ReactNode; muted?: boolean; today?: boolean }) {
  const [over, setOver] = useState(false);
  const accept = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(dragType)) return;
    event.preventDefault();
    setOver(true);
  };
  return (
    <Box
      role="gridcell"
      aria-label={label}
      onDragOver={accept}
      onDragEnter={accept}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const id = event.dataTransfer.getData(dragType);
        if (id) onDropActivity(id);
      }}
      style={{
        minHeight: 28, padding: 2, borderRight: '1px solid var(--mantine-color-gray-3)', borderBottom: '1px solid var(--mantine-color-gray-3)',
        background: over ? 'var(--mantine-color-teal-1)' : today ? 'var(--mantine-color-teal-0)' : muted ? 'var(--mantine-color-gray-0)' : undefined,
      }}
    >
      {children}
    </Box>
  );
}

/** Week (days × hours) or month (6 weeks × days) grid; drag a scheduled activity to another slot to move it. */
export function CalendarGrid({ view, days, month, items, onMove, onOpen }: Props) {
  const { t } = useTranslation();
  const today = new Date();
  const byId = new Map(items.map((activity) => [activity.id, activity]));
  const byDay = new Map<string, Activity[]>();
  for (const activity of items) {
    const key = dayKey(new Date(activity.startAt));
    byDay.set(key, [...(byDay.get(key) ?? []), activity]);
  }
  const drop = (day: Date, hour: number | null) => (id: string) => {
    const activity = byId.get(id);
    if (activity) onMove(activity, day, hour);
  };
  const weekday = new Intl.DateTimeFormat(i18next.language, { weekday: 'short' });
  const dayLabel = new Intl.DateTimeFormat(i18next.language, { weekday: 'long', day: 'numeric', month: 'long' });
  // At phone width the week is an agenda (CalendarAgenda); the month fits, its entries cut short.
  const columns = view === 'week' ? '48px repeat(7, minmax(90px, 1fr))' : 'repeat(7, minmax(0, 1fr))';

  const header = days.slice(0, 7).map((day) => (
    <Box key={`h-${dayKey(day)}`} role="columnheader" p={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-4)' }}>
      <Text size="xs" fw={700} tt="capitalize">
        {weekday.format(day)} {view === 'week' ? day.getDate() : ''}
      </Text>
    </Box>
  ));

  return (
    <Box style={{ overflowX: 'auto' }}>
      <Box role="grid" aria-label={t('activities:calendar.title')} style={{ display: 'grid', gridTemplateColumns: columns, minWidth: view === 'week' ? 700 : undefined, borderLeft: '1px solid var(--mantine-color-gray-3)', borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        {view === 'week' && <Box />}
        {header}
        {view === 'month'
          ? days.map((day) => (
              <Cell key={dayKey(day)} label={dayLabel.format(day)} onDropActivity={drop(day, null)} muted={day.getMonth() !== month}>
                <Text size="xs" fw={sameDay(day, today) ? 800 : 400} c={sameDay(day, today) ? 'teal' : undefined}>
                  {day.getDate()}
                </Text>
                {(byDay.get(dayKey(day)) ?? []).map((activity) => (
                  <Chip key={activity.id} activity={activity} onOpen={onOpen} />
                ))}
              </Cell>
            ))
          : hours.flatMap((hour) => [
              <Text key={`hour-${hour}`} size="xs" c="dimmed" p={2} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                {`${hour}:00`}
              </Text>,
              ...days.map((day) => (
                <Cell key={`${dayKey(day)}-${hour}`} label={`${dayLabel.format(day)} ${hour}:00`} onDropActivity={drop(day, hour)} today={sameDay(day, today)}>
                  {(byDay.get(dayKey(day)) ?? [])
                    .filter((activity) => clampHour(new Date(activity.startAt).getHours()) === hour)
                    .map((activity) => (
                      <Chip key={activity.id} activity={activity} onOpen={onOpen} />
                    ))}
                </Cell>
              )),
            ])}
      </Box>
    </Box>
  );
}
