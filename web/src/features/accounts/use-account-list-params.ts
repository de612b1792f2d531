import { accountKinds, accountSorts, overviewCounterKeys, type AccountKind, type AccountSort } from '@contract/accounts';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type AccountListFilters = {
  sort: AccountSort;
  kind?: AccountKind;
  stage?: string;
  ownerId?: string;
  city?: string;
  country?: string;
  industry?: string;
  source?: string;
  teamId?: string;
  /** Overview counters shown as extra columns, comma-separated (e.g. "contacts,documents"). */
  counters?: string;
  q?: string;
};

export type FilterKey = Exclude<keyof AccountListFilters, 'sort'>;

function pick<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((item) => item === value);
}

/** Keys of configurable-list items (stage, industry, source). */
function listValue(value: string | null): string | undefined {
  return value && /^[a-z0-9_]{1,60}$/.test(value) ? value : undefined;
}

/** Only known counters, in the contract's order, so the URL cannot ask the server for nonsense. */
function counterList(value: string | null): string | undefined {
  const asked = (value ?? '').split(',');
  const kept = overviewCounterKeys.filter((key) => asked.includes(key));
  return kept.length > 0 ? kept.join(',') : undefined;
}

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Filters and sort of the accounts list live in the URL, so a list can be bookmarked and shared. */
export function useAccountListParams() {
  const [searchParams, setSearchParams] = useSearchParams();

  const filters = useMemo<AccountListFilters>(
    () => ({
      sort: pick(accountSorts, searchParams.get('sort')) ?? 'name',
      kind: pick(accountKinds, searchParams.get('kind')),
      stage: listValue(searchParams.get('stage')),
      ownerId: text(searchParams.get('ownerId')),
      city: text(searchParams.get('city')),
      country: text(searchParams.get('country'))?.toUpperCase(),
      industry: listValue(searchParams.get('industry')),
      source: listValue(searchParams.get('source')),
      teamId: text(searchParams.get('teamId')),
      counters: counterList(searchParams.get('counters')),
      q: text(searchParams.get('q')),
    }),
    [searchParams],
  );

  const setParams = useCallback(
    (changes: Partial<Record<keyof AccountListFilters, string | null>>) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          if (next.get('sort') === 'name') next.delete('sort');
          return next;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  const activeFilterCount = (['kind', 'stage', 'ownerId', 'city', 'country', 'industry', 'source', 'teamId'] as const).filter((key) => filters[key]).length;

  return { filters, setParams, activeFilterCount };
}
