import type { ListText } from '@web/components/list-kit/use-list-url';
import { quoteListSchema, quoteSchema, quoteTotalsSchema, type QuoteLineInput } from '@contract/quotes';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { quoteKeys } from './quote-keys';

/** A quotes list under its filters (the URL's text), a keyset page at a time. */
export function useQuotes(params: ListText, limit = 50) {
  return useInfiniteQuery({
    queryKey: quoteKeys.list({ ...params, limit }),
    queryFn: ({ pageParam, signal }) => apiJson(quoteListSchema, '/quotes', { query: { ...params, limit, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useQuote(id: string) {
  return useQuery({ queryKey: quoteKeys.one(id), queryFn: ({ signal }) => apiJson(quoteSchema, `/quotes/${encodeURIComponent(id)}`, { signal }) });
}

/**
 * The server's totals of lines not saved yet: the editor never adds up money itself. The last
 * answer stays on screen while the next is asked for, so the figures do not flicker while typing.
 */
export function useTotalsPreview(currency: string, lines: QuoteLineInput[] | null) {
  return useQuery({
    queryKey: quoteKeys.totals({ currency, lines }),
    queryFn: ({ signal }) => apiJson(quoteTotalsSchema, '/quotes/totals', { method: 'POST', body: { currency, lines }, signal }),
    enabled: lines !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
