import { emailPreviewSchema, emailSchema, recipientOptionsSchema, type EmailCreate } from '@contract/emails';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { activityKeys } from '@web/features/activities/activity-keys';
import { mailKeys } from './mail-keys';

/** The addresses offered when writing from an account: its own and its contacts'. */
export function useRecipientOptions(accountId: string) {
  return useQuery({
    queryKey: mailKeys.recipients(accountId),
    queryFn: ({ signal }) => apiJson(recipientOptionsSchema, `/accounts/${encodeURIComponent(accountId)}/email-recipients`, { signal }),
  });
}

export function usePreviewEmail() {
  return useMutation({
    mutationFn: (body: { accountId: string; contactId?: string | null; campaignId?: string | null; subject: string; html: string }) =>
      apiJson(emailPreviewSchema, '/emails/preview', { method: 'POST', body }),
  });
}

/** Queues the message; the account's activities show it at once. */
export function useSendEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EmailCreate) => apiJson(emailSchema, '/emails', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: activityKeys.all }),
  });
}

export function useEmailOfActivity(activityId: string) {
  return useQuery({
    queryKey: mailKeys.ofActivity(activityId),
    queryFn: ({ signal }) => apiJson(emailSchema, `/activities/${encodeURIComponent(activityId)}/email`, { signal }),
  });
}
