import { bulkResultSchema } from '@contract/bulk';
import { jobSchema, type Job } from '@contract/imports';
import { useQueryClient } from '@tanstack/react-query';
import { createElement, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiJson } from '@web/app/api-client';
import { notifications } from '@web/components/notifications';
import { accountKeys } from '@web/features/accounts/account-keys';
import { agreementKeys } from '@web/features/agreements/agreement-keys';
import { binKeys } from '@web/features/bin/use-bin';
import { tagKeys } from '@web/features/tags/tag-keys';
import { JobDoneMessage } from './job-done-message.component';
import { JobProgressMessage } from './job-progress-message.component';

const pollMs = 1000;
const maxNetworkFailures = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const progressMessage = (done: number, total: number, label: string) => createElement(JobProgressMessage, { done, total, label });
const isBusy = (job: Job) => job.status === 'queued' || job.status === 'running';

/** How a kind of job says what it did, and where its full report is, when it is not the accounts' bulk actions. */
export type JobOutcome = {
  /** The sentence for the job's result; null when the result is not what it expects. */
  summary: (result: unknown) => string | null;
  /** A link to the job's own report, under the summary. */
  report?: { label: string; open: () => void };
};

/**
 * Follows a background job in a notification with a progress bar, polling it every second.
 * The loop is not tied to the page (the notifications live at the app root), so the user can
 * navigate away while it runs; when it ends, the accounts lists (and tags, bin) refresh.
 */
export function useJobProgress() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();

  return useCallback(
    async (jobId: string, title: string, total: number, outcome?: JobOutcome) => {
      const id = `job-${jobId}`;
      notifications.show({
        id,
        title,
        message: progressMessage(0, total, t('bulk:progress.running', { done: 0, total })),
        autoClose: false,
        withCloseButton: true,
      });
      let failures = 0;
      for (;;) {
        await sleep(pollMs);
        let job: Job;
        try {
          job = await apiJson(jobSchema, `/jobs/${encodeURIComponent(jobId)}`);
          failures = 0;
        } catch {
          failures += 1;
          if (failures < maxNetworkFailures) continue;
          notifications.update({ id, title, color: 'red', message: t('bulk:progress.lost'), autoClose: false });
          return;
        }
        if (isBusy(job)) {
          const all = job.progressTotal ?? total;
          notifications.update({
            id,
            title,
            message: progressMessage(job.progressDone, all, t('bulk:progress.running', { done: job.progressDone, total: all })),
            autoClose: false,
          });
          continue;
        }
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: accountKeys.all }),
          queryClient.invalidateQueries({ queryKey: tagKeys.all }),
          queryClient.invalidateQueries({ queryKey: binKeys.all }),
          queryClient.invalidateQueries({ queryKey: agreementKeys.all }),
        ]);
        const result = bulkResultSchema.safeParse(job.result);
        const summary = (outcome ? outcome.summary(job.result) : result.success ? t('bulk:progress.done', result.data) : null) ?? '';
        if (job.status === 'done') {
          notifications.update({ id, title, color: 'teal', message: createElement(JobDoneMessage, { summary, report: outcome?.report }), autoClose: false });
        } else {
          const reason = job.status === 'cancelled' ? t('bulk:progress.cancelled') : t('bulk:progress.failed', { error: job.error ?? '' });
          notifications.update({ id, title, color: 'red', message: [reason, summary].filter(Boolean).join(' '), autoClose: false });
        }
        return;
      }
    },
    [queryClient, t],
  );
}
