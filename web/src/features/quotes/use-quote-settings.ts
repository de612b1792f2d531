import { quoteSettingsSchema, type QuoteSettingsUpdate } from '@contract/quotes';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson, apiUploadRaw } from '@web/app/api-client';

const settingsKey = ['quote-settings'] as const;

export function useQuoteSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: ({ signal }) => apiJson(quoteSettingsSchema, '/quote-settings', { signal }) });
}

export function useUpdateQuoteSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: QuoteSettingsUpdate) => apiJson(quoteSettingsSchema, '/quote-settings', { method: 'PUT', body: input }),
    onSuccess: (settings) => queryClient.setQueryData(settingsKey, settings),
  });
}

/** The company logo on the PDF: a PNG or JPEG sent as it is, or none. */
export function useQuoteLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File | null) =>
      file
        ? apiUploadRaw(quoteSettingsSchema, '/quote-settings/logo', file, undefined, { method: 'PUT', contentType: file.type || 'image/png' })
        : apiJson(quoteSettingsSchema, '/quote-settings/logo', { method: 'DELETE' }),
    onSuccess: (settings) => queryClient.setQueryData(settingsKey, settings),
  });
}
