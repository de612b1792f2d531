import { emailTemplateListSchema, emailTemplateSchema, type EmailTemplateCreate, type EmailTemplateUpdate } from '@contract/emails';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson, apiVoid } from '@web/app/api-client';
import { mailKeys } from './mail-keys';

/** The templates by name (the first 200: a picker, not a catalogue). */
export function useTemplates() {
  return useQuery({ queryKey: mailKeys.templates(), queryFn: ({ signal }) => apiJson(emailTemplateListSchema, '/email-templates', { query: { limit: 200 }, signal }) });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: EmailTemplateUpdate } | { id: null; body: EmailTemplateCreate }) =>
      input.id === null
        ? apiJson(emailTemplateSchema, '/email-templates', { method: 'POST', body: input.body })
        : apiJson(emailTemplateSchema, `/email-templates/${encodeURIComponent(input.id)}`, { method: 'PATCH', body: input.body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.templates() }),
  });
}

export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiVoid(`/email-templates/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.templates() }),
  });
}
