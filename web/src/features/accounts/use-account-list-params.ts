import { interestKinds, type InterestKind } from '@contract/account-links';
import { accountFilterParams, accountKinds, accountSorts, overviewCounterKeys, type AccountKind, type AccountListQuery, type AccountSort } from '@contract/accounts';
import { accountColumns, defaultAccountColumns, type AccountColumn } from '@contract/saved-views';
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
  characteristic?: string;
  interest?: string;
  interestKind?: InterestKind;
  tagId?: string;
  parentId?: string;
  risk?: AccountListQuery['risk'];
};

export type FilterKey = Exclude<keyof AccountListFilters, 'sort'>;

/** Every filter the list page offers (search `q` and the sort are separate). */
export const filterKeys = [
  'kind', 'stage', 'ownerId', 'city', 'country', 'industry', 'source', 'teamId', 'characteristic', 'interest', 'interestKind', 'tagId', 'parentId', 'risk',
] as const satisfies ReadonlyArray<FilterKey>;

const riskFilters = accountFilterParams.risk.options;

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

/** The list's filters and sort as a URL's query string gives them (unknown values left out). */
export function listFilters(searchParams: URLSearchParams): AccountListFilters {
  return {
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
    characteristic: listValue(searchParams.get('characteristic')),
    interest: listValue(searchParams.get('interest')),
    interestKind: pick(interestKinds, searchParams.get('interestKind')),
    tagId: text(searchParams.get('tagId')),
    parentId: text(searchParams.get('parentId')),
    risk: pick(riskFilters, searchParams.get('risk')),
  };
}

/** Filters and sort of the accounts list live in the URL, so a list can be bookmarked and shared. */
export function useAccountListParams() {
  const [searchParams, setSearchParams] = useSearchParams();

  const filters = useMemo(() => listFilters(searchParams), [searchParams]);

  // Visible columns live in the URL too (and in saved views); the default set is left out.
  const columns = useMemo<AccountColumn[]>(() => {
    const raw = searchParams.get('cols');
    if (raw === null) return defaultAccountColumns;
    return accountColumns.filter((column) => raw.split(',').includes(column));
  }, [searchParams]);

  const setParams = useCallback(
    (changes: Partial<Record<keyof AccountListFilters | 'cols' | 'view', string | null>>) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          if (next.get('sort') === 'name') next.delete('sort');
          if (next.get('cols') === defaultAccountColumns.join(',')) next.delete('cols');
          return next;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  /** Replaces every filter, the sort and the columns at once (picking a saved view). */
  const replaceAll = useCallback(
    (query: Record<string, string>, cols: string[], view: string | null) => {
      const next = new URLSearchParams(query);
      if (view) next.set('view', view);
      if (next.get('sort') === 'name') next.delete('sort');
      const joined = cols.join(',');
      if (joined !== defaultAccountColumns.join(',')) next.set('cols', joined);
      setSearchParams(next, { replace: true });
    },
    [setSearchParams],
  );

  const activeFilterCount = filterKeys.filter((key) => filters[key]).length;

  const viewId = searchParams.get('view');

  return { filters, columns, viewId, setParams, replaceAll, activeFilterCount };
}
