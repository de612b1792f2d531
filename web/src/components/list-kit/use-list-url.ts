import { paramsFrom } from '@contract/list-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { dayToInstant } from './filter-fields';

/** A list's URL as its contract reads it: the query schema, and the columns a user may show. */
export type ListUrlSpec<S extends z.ZodObject, C extends string> = {
  /** The list's query schema from the contract (paging is left out of the URL). */
  schema: S;
  /** Every column a user may show, and those shown when the URL names none. */
  columns: { all: readonly C[]; defaults: readonly C[] };
  /** Date parameters a link may give as a day (YYYY-MM-DD, the dashboard's ranges): read as the instant that starts it, or the next day's start (`end`). */
  days?: Readonly<Record<string, 'start' | 'end'>>;
};

/** The URL's query as text, keyed by the contract's parameter names: what the API and a saved view take. */
export type ListText = Readonly<Partial<Record<string, string>>>;

/** A list query's parameters the URL may set (paging is the table's business). */
type ParamKey<S extends z.ZodObject> = Exclude<keyof S['shape'] & string, 'limit' | 'cursor'>;

const paging = new Set(['limit', 'cursor']);
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The list query a URL holds: `query` typed as the contract parses it (defaults filled in), and
 * `text`, the same parameters as the URL spells them, only those given and accepted. A value the
 * contract refuses is left out, so a stale or hand-edited link still opens the list.
 */
export function listQueryOf<S extends z.ZodObject>(schema: S, given: URLSearchParams, days: ListUrlSpec<S, string>['days'] = {}): { query: z.output<S>; text: ListText } {
  const params = new URLSearchParams(given);
  for (const [key, edge] of Object.entries(days)) {
    const value = params.get(key);
    if (value && dayPattern.test(value)) params.set(key, dayToInstant(value, edge));
  }
  const query = paramsFrom(schema, params);
  const text: Record<string, string> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const value = params.get(key);
    if (value === null || paging.has(key)) continue;
    if (z.safeParse(field, value).success) text[key] = value;
  }
  return { query, text };
}

/** Each parameter's value when the URL leaves it out (the sort's default, most often). */
function defaultsOf(schema: z.ZodObject): Record<string, string> {
  const parsed: Record<string, unknown> = paramsFrom(schema, new URLSearchParams());
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

export type ListUrl<S extends z.ZodObject, C extends string> = ReturnType<typeof useListUrl<S, C>>;

/**
 * A list page's filters, sort, columns and saved view, kept in the URL so a list can be
 * bookmarked, shared and reloaded. Every list page reads its URL through this: no hand-parsed twin.
 */
export function useListUrl<S extends z.ZodObject, C extends string>({ schema, columns: columnSpec, days }: ListUrlSpec<S, C>) {
  const [searchParams, setSearchParams] = useSearchParams();
  const { query, text } = useMemo(() => listQueryOf(schema, searchParams, days), [schema, searchParams, days]);
  const defaults = useMemo(() => defaultsOf(schema), [schema]);
  const defaultCols = columnSpec.defaults.join(',');

  const columns = useMemo<C[]>(() => {
    const raw = searchParams.get('cols');
    if (raw === null) return [...columnSpec.defaults];
    const picked = raw.split(',');
    return columnSpec.all.filter((column) => picked.includes(column));
  }, [searchParams, columnSpec]);

  /** What the URL should not spell: a parameter at its default, the default columns. */
  const tidy = useCallback(
    (next: URLSearchParams) => {
      for (const [key, value] of Object.entries(defaults)) if (next.get(key) === value) next.delete(key);
      if (next.get('cols') === defaultCols) next.delete('cols');
      return next;
    },
    [defaults, defaultCols],
  );

  // A change asked for while the previous one is still navigating builds on it, not on the URL
  // it replaces (leaving a view, then clearing the filters, must not bring the view back).
  const asked = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    asked.current = null;
  }, [searchParams]);
  const navigate = useCallback(
    (next: URLSearchParams) => {
      asked.current = tidy(next);
      setSearchParams(asked.current, { replace: true });
    },
    [setSearchParams, tidy],
  );

  /** Sets or clears (null or '') some parameters, keeping the others. */
  const set = useCallback(
    (changes: Partial<Record<ParamKey<S> | 'cols' | 'view', string | null | undefined>>) => {
      const next = new URLSearchParams(asked.current ?? searchParams);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      navigate(next);
    },
    [navigate, searchParams],
  );

  /** Replaces the whole query, the columns and the view at once (picking a saved view, clearing every filter). */
  const replace = useCallback(
    (nextQuery: Record<string, string | undefined>, cols: readonly string[], view: string | null) => {
      const next = new URLSearchParams();
      for (const [key, value] of Object.entries(nextQuery)) if (value) next.set(key, value);
      if (view) next.set('view', view);
      next.set('cols', cols.join(','));
      navigate(next);
    },
    [navigate],
  );

  /** Clears every filter and the view, keeping the sort and the columns shown. */
  const clearFilters = useCallback(() => replace({ sort: text.sort }, columns, null), [replace, text.sort, columns]);

  return { query, text, columns, viewId: searchParams.get('view'), set, replace, clearFilters };
}
