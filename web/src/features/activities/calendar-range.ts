/** Calendar arithmetic in the user's local time. Weeks start on Monday (es and en-GB habits). */
export type CalendarView = 'week' | 'month';

export function startOfDay(date: Date): Date {
  const copy = new Date(date);
  copy.setHours(0, 0, 0, 0);
  return copy;
}

export function addDays(date: Date, days: number): Date {
  const copy = new Date(date);
  copy.setDate(copy.getDate() + days);
  return copy;
}

export function startOfWeek(date: Date): Date {
  const day = startOfDay(date);
  return addDays(day, -((day.getDay() + 6) % 7));
}

/** The days the grid shows: one week, or the six weeks around a month. */
export function visibleDays(view: CalendarView, anchor: Date): Date[] {
  const first = view === 'week' ? startOfWeek(anchor) : startOfWeek(new Date(anchor.getFullYear(), anchor.getMonth(), 1));
  return Array.from({ length: view === 'week' ? 7 : 42 }, (_, index) => addDays(first, index));
}

export const sameDay = (a: Date, b: Date): boolean =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

export const dayKey = (date: Date): string => `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;

/** Where a dragged activity lands: a day (keeping its time of day) or a day and hour (keeping its minutes). */
export function movedStart(startAt: string, day: Date, hour: number | null): Date {
  const start = new Date(startAt);
  const target = new Date(day);
  target.setHours(hour ?? start.getHours(), start.getMinutes(), 0, 0);
  return target;
}

/** Hours the week grid shows (the whole day: a row per hour). */
export const firstHour = 0;
export const lastHour = 23;
export const clampHour = (hour: number): number => Math.min(lastHour, Math.max(firstHour, hour));
