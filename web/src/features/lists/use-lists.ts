import { allListsSchema, type ListItem, type ListKey } from '@contract/lists';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiJson } from '@web/app/api-client';
import { currentLanguage } from '@web/app/i18n';

/** Every configurable list, cached: forms offer their items, lists show their labels and colours. */
export function useLists() {
  return useQuery({
    queryKey: ['lists', 'all'],
    queryFn: ({ signal }) => apiJson(allListsSchema, '/lists', { signal }),
    staleTime: 5 * 60_000,
  });
}

export type ListLookup = {
  items: (key: ListKey) => ListItem[];
  /** The item's label in the user's language; the raw key when the item is unknown. */
  label: (key: ListKey, value: string | null | undefined) => string;
  color: (key: ListKey, value: string | null | undefined) => string | null;
  /** Options for a Select: active items, plus the current value if it was deactivated. */
  options: (key: ListKey, current?: string | null) => Array<{ value: string; label: string }>;
};

export function useListLookup(): ListLookup {
  useTranslation(); // re-render on language change
  const { data } = useLists();
  const language = currentLanguage();
  const items = (key: ListKey): ListItem[] => data?.lists[key] ?? [];
  const find = (key: ListKey, value: string | null | undefined) => (value ? items(key).find((item) => item.key === value) : undefined);
  return {
    items,
    label: (key, value) => (value ? (find(key, value)?.labels[language] ?? value) : ''),
    color: (key, value) => find(key, value)?.color ?? null,
    options: (key, current) =>
      items(key)
        .filter((item) => item.active || item.key === current)
        .map((item) => ({ value: item.key, label: item.labels[language] })),
  };
}
