import { wallClock } from '@server/lib/time-zone';

/** A calendar month's part of a range: its key ("2026-03") and the instants [from, to) it covers. */
export type MonthSlice = { key: string; from: string; to: string };

const pad = (value: number): string => String(value).padStart(2, '0');

/** The instant a month begins on the clocks of a time zone (its first day, 00:00). */
function monthStart(year: number, month: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, 1);
  // The zone's offset at the guess, then again at the result (a month may begin across a DST change).
  const offsetAt = (at: number) => wallClock(new Date(at), timeZone).getTime() - at;
  const first = guess - offsetAt(guess);
  return guess - offsetAt(first);
}

/** The months a range [from, to) touches on a time zone's clocks, each clipped to the range. */
export function monthsOf(from: string, to: string, timeZone: string): MonthSlice[] {
  const start = Date.parse(from);
  const end = Date.parse(to);
  const clock = wallClock(new Date(start), timeZone);
  let year = clock.getUTCFullYear();
  let month = clock.getUTCMonth() + 1;
  const slices: MonthSlice[] = [];
  for (let begins = monthStart(year, month, timeZone); begins < end;) {
    const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
    const ends = monthStart(next.year, next.month, timeZone);
    slices.push({ key: `${year}-${pad(month)}`, from: new Date(Math.max(begins, start)).toISOString(), to: new Date(Math.min(ends, end)).toISOString() });
    ({ year, month } = next);
    begins = ends;
  }
  return slices;
}

/** The calendar days a range [from, to) covers on a time zone's clocks, first and last (for date columns). */
export function daysOf(from: string, to: string, timeZone: string): { first: string; last: string } {
  const day = (at: number) => wallClock(new Date(at), timeZone).toISOString().slice(0, 10);
  return { first: day(Date.parse(from)), last: day(Date.parse(to) - 1) };
}

/** The last day of a month ("2026-02" → "2026-02-28"). */
export function lastDayOf(monthKey: string): string {
  const [year = 0, month = 1] = monthKey.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}
