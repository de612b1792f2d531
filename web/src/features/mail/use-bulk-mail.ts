import { emailBulkPreviewSchema, emailBulkSchema, emailBulkStartedSchema, type EmailBulk, type EmailBulkRequest } from '@contract/emails';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createElement, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiJson } from '@web/app/api-client';
import { notifications } from '@web/components/notifications';
import { activityKeys } from '@web/features/activities/activity-keys';
import { JobProgressMessage } from '@web/features/bulk/job-progress-message.component';

export function usePreviewBulk() {
  return useMutation({ mutationFn: (body: EmailBulkRequest) => apiJson(emailBulkPreviewSchema, '/emails/bulk/preview', { method: 'POST', body }) });
}

export function useStartBulk() {
  return useMutation({ mutationFn: (body: EmailBulkRequest) => apiJson(emailBulkStartedSchema, '/emails/bulk', { method: 'POST', body }) });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Follows a bulk send in a notification until its messages are all queued, then says how many. */
export function useFollowBulk() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useCallback(async (bulkId: string, expected: number) => {
    const id = `bulk-mail-${bulkId}`;
    const title = t('mail:bulk.progressTitle');
    notifications.show({ id, title, message: createElement(JobProgressMessage, { done: 0, total: expected, label: t('mail:bulk.recipients', { count: expected }) }), autoClose: false, withCloseButton: true });
    let bulk: EmailBulk | null = null;
    for (let failures = 0; failures < 10;) {
      await sleep(1000);
      try {
        bulk = await apiJson(emailBulkSchema, `/emails/bulk/${encodeURIComponent(bulkId)}`);
        failures = 0;
      } catch {
        failures += 1;
        continue;
      }
      if (bulk.status !== 'enqueuing') break;
    }
    await queryClient.invalidateQueries({ queryKey: activityKeys.all });
    if (bulk?.status === 'enqueued') {
      notifications.update({ id, title, color: 'teal', autoClose: false, message: createElement('span', { 'data-testid': 'bulk-mail-done' }, t('mail:bulk.done', { recipients: bulk.counts.recipients })) });
    } else {
      notifications.update({ id, title, color: 'red', autoClose: false, message: t('common:error.unexpected') });
    }
  }, [queryClient, t]);
}
