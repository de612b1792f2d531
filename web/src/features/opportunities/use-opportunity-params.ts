import { boardQuerySchema, opportunityListQuerySchema, type OpportunityListQuery } from '@contract/opportunities';
import { paramsFrom } from '@contract/list-query';
import { useMemo } from 'react';
import { useUrlFilters } from '@web/components/use-url-filters';

/** Filters the list and the board share, as URL parameters. */
export const boardFilterKeys = ['q', 'ownerId', 'organizationId', 'tagId', 'source', 'closeFrom', 'closeTo'] as const;

/** The list's query read from the URL with its contract (a value it refuses is left out). */
export function useOpportunityListParams() {
  const url = useUrlFilters();
  const key = url.params.toString();
  // The URL's text is the dependency: a new URLSearchParams object with the same text is the same query.
  const query = useMemo(() => paramsFrom(opportunityListQuerySchema, new URLSearchParams(key)), [key]);
  return { ...url, query };
}

/** The board's filters read from the URL. */
export function useBoardParams() {
  const url = useUrlFilters();
  const key = url.params.toString();
  // The URL's text is the dependency: a new URLSearchParams object with the same text is the same query.
  const query = useMemo(() => paramsFrom(boardQuerySchema, new URLSearchParams(key)), [key]);
  return { ...url, query };
}

/** The query as URL text (for saved views and exports): only what is set. */
export function queryText(query: Partial<OpportunityListQuery>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '' && name !== 'limit' && name !== 'cursor') flat[name] = String(value);
  return flat;
}
