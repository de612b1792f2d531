import { publicAgreementSchema } from '@contract/agreement-links';
import type { TypedName } from '@contract/public-links';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';

// The customer's side of an agreement, reached by the link's token alone: no session, no other API.
const key = (token: string) => ['agreement-link', token] as const;
const path = (token: string) => `/agreement-links/${encodeURIComponent(token)}`;

export const agreementLinkDocumentUrl = (token: string): string => `/api/v1${path(token)}/document`;

export function usePublicAgreement(token: string) {
  return useQuery({ queryKey: key(token), queryFn: ({ signal }) => apiJson(publicAgreementSchema, path(token), { signal }), retry: false });
}

export function useSignAgreement(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TypedName) => apiJson(publicAgreementSchema, `${path(token)}/sign`, { method: 'POST', body: input }),
    onSuccess: (agreement) => client.setQueryData(key(token), agreement),
  });
}
