import { publicInvoiceSchema } from '@contract/invoice-links';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';

// The customer's side of an invoice, reached by the link's token alone: no session, no other API.
const path = (token: string) => `/invoice-links/${encodeURIComponent(token)}`;

export const invoiceLinkPdfUrl = (token: string): string => `/api/v1${path(token)}/pdf`;

/** The invoice behind a link; reading it is what records that the customer opened it. */
export function usePublicInvoice(token: string) {
  return useQuery({ queryKey: ['invoice-link', token], queryFn: ({ signal }) => apiJson(publicInvoiceSchema, path(token), { signal }), retry: false });
}
