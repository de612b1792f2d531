import { publicQuoteSchema, type QuoteAccept, type QuoteDecline } from '@contract/quote-links';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';

// The customer's side of a quote, reached by the link's token alone: no session, no other API.
const key = (token: string) => ['quote-link', token] as const;
const path = (token: string) => `/quote-links/${encodeURIComponent(token)}`;

export const quoteLinkPdfUrl = (token: string): string => `/api/v1${path(token)}/pdf`;

export function usePublicQuote(token: string) {
  return useQuery({ queryKey: key(token), queryFn: ({ signal }) => apiJson(publicQuoteSchema, path(token), { signal }), retry: false });
}

export function useAnswerQuote(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answer: { accept: QuoteAccept } | { decline: QuoteDecline }) =>
      'accept' in answer
        ? apiJson(publicQuoteSchema, `${path(token)}/accept`, { method: 'POST', body: answer.accept })
        : apiJson(publicQuoteSchema, `${path(token)}/decline`, { method: 'POST', body: answer.decline }),
    onSuccess: (quote) => client.setQueryData(key(token), quote),
  });
}
