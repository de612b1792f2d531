import { invoiceListSchema, invoiceSchema, overdueSummarySchema, type InvoiceCreate, type InvoiceDeliver, type InvoiceListParams, type InvoicePayment, type InvoiceUpdate } from '@contract/invoices';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import type { ListText } from '@web/components/list-kit/use-list-url';
import { accountKeys } from '@web/features/accounts/account-keys';
import { invoiceKeys } from './invoice-keys';

/** The invoices list under its filters (the URL's text or typed parameters), a keyset page at a time. */
export function useInvoices(params: ListText | InvoiceListParams) {
  return useInfiniteQuery({
    queryKey: invoiceKeys.list(params),
    queryFn: ({ pageParam, signal }) => apiJson(invoiceListSchema, '/invoices', { query: { limit: 50, ...params, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useInvoice(id: string) {
  return useQuery({ queryKey: invoiceKeys.one(id), queryFn: ({ signal }) => apiJson(invoiceSchema, `/invoices/${encodeURIComponent(id)}`, { signal }) });
}

/** An organization's overdue invoices, for the warning on its card. */
export function useOverdueSummary(organizationId: string) {
  return useQuery({
    queryKey: invoiceKeys.overdue(organizationId),
    queryFn: ({ signal }) => apiJson(overdueSummarySchema, '/invoices/overdue-summary', { query: { organizationId }, signal }),
  });
}

/** After any change: the list, the page and the organization's page (its tab, counters and history) refresh. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: invoiceKeys.all }), queryClient.invalidateQueries({ queryKey: accountKeys.all })]);
}

export function useCreateInvoice() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: InvoiceCreate) => apiJson(invoiceSchema, '/invoices', { method: 'POST', body: input }), onSuccess: refresh });
}

export function useUpdateInvoice(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: InvoiceUpdate) => apiJson(invoiceSchema, `/invoices/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }), onSuccess: refresh });
}

export function useRecordPayment(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: InvoicePayment) => apiJson(invoiceSchema, `/invoices/${encodeURIComponent(id)}/payments`, { method: 'POST', body: input }), onSuccess: refresh });
}

export function useDeliverInvoice(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: InvoiceDeliver) => apiJson(invoiceSchema, `/invoices/${encodeURIComponent(id)}/deliver`, { method: 'POST', body: input }), onSuccess: refresh });
}
