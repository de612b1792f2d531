import {
  agreementTemplateListSchema, agreementTemplateSchema, type AgreementTemplateCreate, type AgreementTemplateUpdate,
} from '@contract/agreement-templates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { agreementKeys } from './agreement-keys';

/** The templates to generate from (active ones), or every one for the admin page. */
export function useAgreementTemplates(includeInactive = false) {
  return useQuery({
    queryKey: agreementKeys.templates(includeInactive),
    queryFn: ({ signal }) => apiJson(agreementTemplateListSchema, '/agreement-templates', { query: { includeInactive: String(includeInactive) }, signal }),
  });
}

/** Creates a template, or edits one (with its version). */
export function useSaveAgreementTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; patch: AgreementTemplateUpdate } | { create: AgreementTemplateCreate }) =>
      'create' in input
        ? apiJson(agreementTemplateSchema, '/agreement-templates', { method: 'POST', body: input.create })
        : apiJson(agreementTemplateSchema, `/agreement-templates/${encodeURIComponent(input.id)}`, { method: 'PATCH', body: input.patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['agreements', 'templates'] }),
  });
}
