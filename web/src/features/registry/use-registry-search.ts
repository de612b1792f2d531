import { registrySearchResultSchema, type RegistryCountry } from '@contract/registry';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { registryKeys } from './registry-keys';

/**
 * Suggestions from the ticked registers, asked once typing pauses. A newer question cancels the
 * one in flight (the query's AbortSignal), and the server answers within its per-register timeout,
 * so typing is never held up.
 */
export function useRegistrySearch(text: string, countries: RegistryCountry[]) {
  const [q] = useDebouncedValue(text.trim(), 350);
  const list = countries.join(',');
  const enabled = q.length >= 2 && countries.length > 0;
  const query = useQuery({
    queryKey: registryKeys.search(q, list),
    queryFn: ({ signal }) => apiJson(registrySearchResultSchema, '/registry/search', { query: { q, countries: list }, signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
  return { ...query, enabled, settled: q === text.trim() };
}
