import { dayEndIso, dayStartIso } from '@web/components/use-url-filters';

/** The dashboard's date ranges: calendar periods on the user's clock, or two days picked. */
export const rangePresets = ['month', 'quarter', 'year', 'last12', 'custom'] as const;
export type RangePreset = (typeof rangePresets)[number];
/** The range the dashboard opens with: a year of months, so a new install's first charts are not empty for being early in a month. */
export const defaultPreset: RangePreset = 'last12';

/** A range as days (first and last, inclusive, YYYY-MM-DD) and as the instants [from, to) the API counts within. */
export type DayRange = { firstDay: string; lastDay: string; from: string; to: string };

const pad = (value: number) => String(value).padStart(2, '0');
const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The first and last day of a preset period containing `today`; null for a custom range without both days. */
export function rangeOf(preset: RangePreset, today: Date, custom: { from: string; to: string }): DayRange | null {
  const year = today.getFullYear();
  const month = today.getMonth();
  let first: Date;
  let last: Date;
  switch (preset) {
    case 'month':
      first = new Date(year, month, 1);
      last = new Date(year, month + 1, 0);
      break;
    case 'quarter': {
      const start = month - (month % 3);
      first = new Date(year, start, 1);
      last = new Date(year, start + 3, 0);
      break;
    }
    case 'year':
      first = new Date(year, 0, 1);
      last = new Date(year, 11, 31);
      break;
    case 'last12':
      first = new Date(year, month - 11, 1);
      last = new Date(year, month + 1, 0);
      break;
    case 'custom': {
      if (!custom.from || !custom.to || custom.to < custom.from) return null;
      return withInstants(custom.from, custom.to);
    }
  }
  return withInstants(dayOf(first), dayOf(last));
}

function withInstants(firstDay: string, lastDay: string): DayRange | null {
  const from = dayStartIso(firstDay);
  const to = dayEndIso(lastDay);
  return from && to ? { firstDay, lastDay, from, to } : null;
}

/** The user's time zone, where the server begins its months. */
export const userTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
