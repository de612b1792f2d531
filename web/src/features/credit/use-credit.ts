import { accountCreditSchema, creditCheckStartedSchema, type CreditMonitoring } from '@contract/credit';
import { jobSchema } from '@contract/imports';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';
import { notificationKeys } from '@web/features/notifications/notification-keys';
import { creditKeys } from './credit-keys';

export function useCredit(accountId: string) {
  return useQuery({
    queryKey: creditKeys.account(accountId),
    queryFn: ({ signal }) => apiJson(accountCreditSchema, `/accounts/${accountId}/credit`, { signal }),
  });
}

/** Watch the account by hand, stop, or let its stage decide; the history tab shows the change. */
export function useSetMonitoring(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (monitoring: CreditMonitoring) => apiJson(accountCreditSchema, `/accounts/${accountId}/credit`, { method: 'PUT', body: { monitoring } }),
    onSuccess: async (credit) => {
      queryClient.setQueryData(creditKeys.account(accountId), credit);
      await queryClient.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Checks the account now: queues the check and waits for it (the job runs in the background), then refreshes. */
export function useCheckNow(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const { jobId } = await apiJson(creditCheckStartedSchema, `/accounts/${accountId}/credit/check`, { method: 'POST' });
      for (let attempt = 0; attempt < 120; attempt += 1) {
        await sleep(1000);
        const job = await apiJson(jobSchema, `/jobs/${jobId}`);
        if (job.status !== 'queued' && job.status !== 'running') return job;
      }
      return null;
    },
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: creditKeys.account(accountId) }),
      queryClient.invalidateQueries({ queryKey: accountKeys.all }),
      queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    ]),
  });
}
