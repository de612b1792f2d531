const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** The calendar fields of an instant as a clock in that time zone shows them. */
function fieldsIn(instant: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = new Map(formatter(timeZone).formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  const field = (name: Intl.DateTimeFormatPartTypes) => parts.get(name) ?? 0;
  return { year: field('year'), month: field('month'), day: field('day'), hour: field('hour'), minute: field('minute'), second: field('second') };
}

/**
 * An instant as the wall-clock time of a time zone, carried in a Date's UTC fields: a
 * spreadsheet date has no zone, and exceljs writes a Date's UTC fields, so a cell made from this
 * shows what the reader's clock showed at that instant.
 */
export function wallClock(instant: Date, timeZone: string): Date {
  const f = fieldsIn(instant, timeZone);
  return new Date(Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, instant.getUTCMilliseconds()));
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** An instant as "yyyy-mm-dd hh:mm" on the clock of a time zone (what spreadsheets parse as a date in any language). */
export function wallClockText(instant: Date, timeZone: string): string {
  const f = fieldsIn(instant, timeZone);
  return `${f.year}-${pad(f.month)}-${pad(f.day)} ${pad(f.hour)}:${pad(f.minute)}`;
}
