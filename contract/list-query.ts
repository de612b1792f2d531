import { z } from 'zod';

// Pieces every list's contract shares (the paging contract itself is listQueryBase and
// listResponse in common.ts).

/**
 * The values of a URL's query string that a list's schema accepts, typed as the schema gives
 * them; a value it refuses is left out, as if absent, so a stale or hand-edited link still opens
 * the list. The web reads its list pages' filters with this: no hand-parsed twin per list.
 */
export function paramsFrom<T extends z.ZodObject>(schema: T, params: URLSearchParams): z.output<T> {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  for (;;) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const refused = new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')));
    const before = Object.keys(raw).length;
    for (const key of refused) delete raw[key];
    // An issue no single parameter explains: the list as if none were given.
    if (Object.keys(raw).length === before) return schema.parse({});
  }
}

/**
 * A grouped count: how many of a list's rows fall in each group (a stage, a status, a month),
 * under the same scope and filters as the list. Exact up to `exactTotalLimit`; past it the count
 * is that limit and `countIsEstimate` says it is a lower bound (an accounts list may estimate it
 * from a sample instead, as its total). `sums`: an integer money column summed per currency, never
 * across currencies, over the same rows (partial when the count is).
 */
export const groupSchema = z.object({
  value: z.string().nullable(),
  count: z.number().int(),
  countIsEstimate: z.boolean(),
  sums: z.array(z.object({ currency: z.string(), amount: z.number().int() })).optional(),
});
export type Group = z.infer<typeof groupSchema>;
export const groupCountSchema = z.object({ groups: z.array(groupSchema) });
export type GroupCount = z.infer<typeof groupCountSchema>;

/** Months a grouping by month spans at most (`from` to `to`). */
export const maxGroupMonths = 36;

/** A grouping by month needs its window: `from` and `to`, `to` after `from`, at most maxGroupMonths apart. */
export function monthWindow(value: { by: string; from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (value.by !== 'month') return;
  for (const field of ['from', 'to'] as const) {
    if (!value[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'required', params: { code: 'required' } });
  }
  if (!value.from || !value.to) return;
  const from = Date.parse(value.from);
  const to = Date.parse(value.to);
  if (to <= from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'end_before_start', params: { code: 'end_before_start' } });
  else if (to - from > maxGroupMonths * 31 * 86_400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: 'too_big', params: { code: 'too_big', maximum: maxGroupMonths } });
}
