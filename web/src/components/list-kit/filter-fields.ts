import type { ComboboxItem } from '@mantine/core';

/**
 * One filter of a list page, described as data: the filter bar draws its control (in the bar's
 * line when `primary`, else behind "more filters") and its removable chip while it is set.
 * `key` is the contract's query parameter; the value is the URL's text.
 */
export type FilterField = {
  key: string;
  label: string;
  /** In the bar's single line from tablet width up; the others wait behind "more filters". */
  primary?: boolean;
} & (
  | { type: 'select'; data: ComboboxItem[]; searchable?: boolean; disabled?: boolean }
  /** `normalize` turns what is typed into the URL's text; `format` the URL's text back into what the box and chip show (an amount in minor units as money). */
  | { type: 'text'; placeholder?: string; maxLength?: number; isAcceptable?: (value: string) => boolean; normalize?: (value: string) => string; format?: (value: string) => string }
  /** A day; the URL holds the instant that starts it (`start`) or the next day's start (`end`), or with `asDay` the day itself (a list filtering a date column). */
  | { type: 'date'; edge: 'start' | 'end'; asDay?: boolean }
  /** On or off; on is `true` in the URL. */
  | { type: 'check' }
  /** Set only by a link (an account's departments): no control, a chip that removes it. */
  | { type: 'fixed' }
);

/** The sort as the "more filters" panel offers it (a table sorts from its headers too). */
export type SortField = { label: string; value: string; data: ComboboxItem[]; onChange: (value: string) => void };

/** How many of these parameters the URL sets: the bar's badge, and whether the chips' line shows. */
export const activeFilterCount = (keys: readonly string[], text: Readonly<Record<string, string | undefined>>): number =>
  keys.filter((key) => text[key]).length;

/** A picked day (YYYY-MM-DD) as the instant a date filter sends: the day's start, or the next day's start for an end. */
export function dayToInstant(day: string, edge: 'start' | 'end'): string {
  const date = new Date(`${day}T00:00`);
  if (edge === 'end') date.setDate(date.getDate() + 1);
  return date.toISOString();
}

/** The day (YYYY-MM-DD, the user's time zone) a date filter's instant stands for. */
export function instantToDay(instant: string, edge: 'start' | 'end'): string | null {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return null;
  const date = new Date(edge === 'end' ? time - 1 : time);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
