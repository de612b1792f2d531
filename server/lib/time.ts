/** Timestamps are UTC ISO-8601 strings with milliseconds everywhere, on both dialects. */
export const nowIso = (): string => new Date().toISOString();

/** Today's date (UTC) as YYYY-MM-DD: what date columns (due, valid until, end) are compared with. */
export const today = (): string => nowIso().slice(0, 10);

export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(iso) + days * 86_400_000).toISOString();

export const addMinutes = (iso: string, minutes: number): string =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();
