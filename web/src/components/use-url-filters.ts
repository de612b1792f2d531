import { useSearchParams } from 'react-router';

/** List filters kept in the URL, so a filtered list can be bookmarked, shared and reloaded. */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const get = (key: string): string => params.get(key) ?? '';
  const set = (key: string, value: string | null): void => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { params, get, set };
}

/** A `<input type="date">` day as the instants that bound it in the user's time zone: [start, next day's start). */
export const dayStartIso = (value: string): string | undefined => (value ? new Date(`${value}T00:00`).toISOString() : undefined);
export function dayEndIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(`${value}T00:00`);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}
