import { quoteSchema, type Quote, type QuoteCreate, type QuoteDecision, type QuoteLineInput, type QuoteSend, type QuoteUpdate } from '@contract/quotes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';
import { opportunityKeys } from '@web/features/opportunities/opportunity-keys';
import { quoteKeys } from './quote-keys';

const path = (id: string, action = '') => `/quotes/${encodeURIComponent(id)}${action}`;

/**
 * After any change: the answer becomes the page's quote at once (its totals are the server's),
 * and the lists, the account's history and the opportunity's page refresh behind it.
 */
export function useSettle() {
  const queryClient = useQueryClient();
  return (quote: Quote) => {
    queryClient.setQueryData(quoteKeys.one(quote.id), quote);
    void queryClient.invalidateQueries({ queryKey: quoteKeys.all, predicate: (query) => query.queryKey[1] !== 'one' || query.queryKey[2] !== quote.id });
    void queryClient.invalidateQueries({ queryKey: accountKeys.all });
    void queryClient.invalidateQueries({ queryKey: opportunityKeys.all });
  };
}

export function useCreateQuote() {
  const settle = useSettle();
  return useMutation({ mutationFn: (input: QuoteCreate) => apiJson(quoteSchema, '/quotes', { method: 'POST', body: input }), onSuccess: settle });
}

/** Writes a draft's header fields given (the editor's autosave calls it, one save at a time). */
export const saveQuoteHeader = (id: string, input: QuoteUpdate): Promise<Quote> => apiJson(quoteSchema, path(id), { method: 'PATCH', body: input });

/** Writes all of a draft's lines in their order: reordering is saving them in another order. */
export const saveQuoteLines = (id: string, input: { version: number; lines: QuoteLineInput[] }): Promise<Quote> =>
  apiJson(quoteSchema, path(id, '/lines'), { method: 'PUT', body: input });

/** Mark final (the number is given now), new revision, and so on: the quote's version is all they take. */
export function useQuoteStep(id: string, step: 'finalize' | 'revise') {
  const settle = useSettle();
  return useMutation({ mutationFn: (version: number) => apiJson(quoteSchema, path(id, `/${step}`), { method: 'POST', body: { version } }), onSuccess: settle });
}

/** The customer's answer recorded by hand (signed on paper, said on the phone). */
export function useDecideQuote(id: string) {
  const settle = useSettle();
  return useMutation({ mutationFn: (input: QuoteDecision) => apiJson(quoteSchema, path(id, '/decision'), { method: 'POST', body: input }), onSuccess: settle });
}

/** Sends the quote by e-mail with its PDF and the customer's link (a draft gets its number now). */
export function useSendQuote(id: string) {
  const settle = useSettle();
  return useMutation({ mutationFn: (input: QuoteSend) => apiJson(quoteSchema, path(id, '/send'), { method: 'POST', body: input }), onSuccess: settle });
}
