import {
  agreementHistorySchema, agreementListSchema, agreementSchema,
  type AgreementCreate, type AgreementGenerate, type AgreementListParams, type AgreementSend, type AgreementStatusChange, type AgreementUpdate,
} from '@contract/agreements';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import type { ListText } from '@web/components/list-kit/use-list-url';
import { accountKeys } from '@web/features/accounts/account-keys';
import { agreementKeys } from './agreement-keys';

const path = (id: string) => `/agreements/${encodeURIComponent(id)}`;

/** The agreements list under its filters (the URL's text or typed parameters), a keyset page at a time. */
export function useAgreements(params: ListText | AgreementListParams) {
  return useInfiniteQuery({
    queryKey: agreementKeys.list(params),
    queryFn: ({ pageParam, signal }) => apiJson(agreementListSchema, '/agreements', { query: { limit: 50, ...params, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useAgreement(id: string) {
  return useQuery({ queryKey: agreementKeys.one(id), queryFn: ({ signal }) => apiJson(agreementSchema, path(id), { signal }) });
}

/** The agreement's own history (and its renewal tasks'), newest first. */
export function useAgreementHistory(id: string) {
  return useInfiniteQuery({
    queryKey: agreementKeys.history(id),
    queryFn: ({ pageParam, signal }) => apiJson(agreementHistorySchema, `${path(id)}/history`, { query: { limit: 30, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** After any change: the lists, the page and the organization's page (its tab, counters, documents and history) refresh. */
export function useRefreshAgreements() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: agreementKeys.all }), queryClient.invalidateQueries({ queryKey: accountKeys.all })]);
}

export function useCreateAgreement() {
  const refresh = useRefreshAgreements();
  return useMutation({ mutationFn: (input: AgreementCreate) => apiJson(agreementSchema, '/agreements', { method: 'POST', body: input }), onSuccess: refresh });
}

export function useUpdateAgreement(id: string) {
  const refresh = useRefreshAgreements();
  return useMutation({ mutationFn: (input: AgreementUpdate) => apiJson(agreementSchema, path(id), { method: 'PATCH', body: input }), onSuccess: refresh });
}

/** A move of the status by hand: back to draft, a signature, expired or terminated. */
export function useMoveAgreement(id: string) {
  const refresh = useRefreshAgreements();
  return useMutation({ mutationFn: (input: AgreementStatusChange) => apiJson(agreementSchema, `${path(id)}/status`, { method: 'POST', body: input }), onSuccess: refresh });
}

/** Its document generated as a PDF from a template. */
export function useGenerateAgreement(id: string) {
  const refresh = useRefreshAgreements();
  return useMutation({ mutationFn: (input: AgreementGenerate) => apiJson(agreementSchema, `${path(id)}/generate`, { method: 'POST', body: input }), onSuccess: refresh });
}

/** Sends it by e-mail with its document and the customer's signing link. */
export function useSendAgreement(id: string) {
  const refresh = useRefreshAgreements();
  return useMutation({ mutationFn: (input: AgreementSend) => apiJson(agreementSchema, `${path(id)}/send`, { method: 'POST', body: input }), onSuccess: refresh });
}
