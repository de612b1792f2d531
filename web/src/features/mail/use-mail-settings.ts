import { mailSettingsSchema, mailTestResultSchema, outboxListSchema, type MailSettingsUpdate } from '@contract/emails';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson, apiVoid } from '@web/app/api-client';
import { mailKeys } from './mail-keys';

export function useMailSettings() {
  return useQuery({ queryKey: mailKeys.settings(), queryFn: ({ signal }) => apiJson(mailSettingsSchema, '/settings/mail', { signal }) });
}

/** Saves the SMTP settings, or only the rate when they come from the environment. */
export function useSaveMailSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MailSettingsUpdate | { version: number; ratePerMinute: number; rateOnly: true }) =>
      'rateOnly' in body
        ? apiJson(mailSettingsSchema, '/settings/mail/rate', { method: 'PUT', body: { version: body.version, ratePerMinute: body.ratePerMinute } })
        : apiJson(mailSettingsSchema, '/settings/mail', { method: 'PUT', body }),
    onSuccess: (settings) => queryClient.setQueryData(mailKeys.settings(), settings),
  });
}

export function useSendTest() {
  return useMutation({ mutationFn: () => apiJson(mailTestResultSchema, '/settings/mail/test', { method: 'POST' }) });
}

/** Messages of one status, newest first (the first 50: the ones needing a decision are few). */
export function useOutbox(status: 'uncertain' | 'failed') {
  return useQuery({ queryKey: mailKeys.outbox(status), queryFn: ({ signal }) => apiJson(outboxListSchema, '/mail/outbox', { query: { status, limit: 50 }, signal }) });
}

export function useDecideMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'retry' | 'drop' }) => apiVoid(`/mail/outbox/${encodeURIComponent(id)}/${decision}`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...mailKeys.all, 'outbox'] }),
  });
}

