import { allListsSchema, type ListItem, type ListKey } from '@contract/lists';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiJson } from '@web/app/api-client';
import { toLanguage } from '@web/app/i18n';

export const listsQueryKey = ['lists'] as const;

/** Every configurable list at once: forms offer their items, lists and badges show their labels. */
export function useLists() {
  return useQuery({
    queryKey: listsQueryKey,
    queryFn: ({ signal }) => apiJson(allListsSchema, '/lists', { signal }),
    staleTime: 5 * 60_000,
  });
}

export type ListOption = { value: string; label: string; color: string | null };

/** Label and colour of list items in the user's language; a key no longer in the list shows as itself. */
export function useListItems(listKey: ListKey) {
  const lists = useLists();
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.language) ?? 'es';
  const items: ListItem[] = lists.data?.lists[listKey] ?? [];

  const find = useCallback((key: string | null | undefined) => items.find((item) => item.key === key), [items]);
  const label = useCallback((key: string | null | undefined) => (key ? (find(key)?.labels[language] ?? key) : ''), [find, language]);

  /** Active items, plus the current value even if it was deactivated (so a form never loses it). */
  const options = (current?: string | null): ListOption[] =>
    items
      .filter((item) => item.active || item.key === current)
      .sort((a, b) => a.position - b.position)
      .map((item) => ({ value: item.key, label: item.labels[language], color: item.color }));

  return { isPending: lists.isPending, find, label, options };
}
