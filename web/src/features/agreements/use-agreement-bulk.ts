import { agreementBulkRowsSchema, type AgreementBulkOutcome, type AgreementBulkRequest } from '@contract/agreement-bulk';
import { bulkStartedSchema } from '@contract/bulk';
import { jobSchema } from '@contract/imports';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiJson } from '@web/app/api-client';
import { agreementKeys } from './agreement-keys';

/** Starts "send agreement from template" on the accounts list's selection; the server answers at once with the job to follow. */
export function useStartAgreementBulk() {
  return useMutation({ mutationFn: (request: AgreementBulkRequest) => apiJson(bulkStartedSchema, '/agreements/bulk', { method: 'POST', body: request }) });
}

/** The job behind a report: its status, progress and summary, polled while it runs. */
export function useBulkJob(jobId: string) {
  return useQuery({
    queryKey: agreementKeys.bulkJob(jobId),
    queryFn: ({ signal }) => apiJson(jobSchema, `/jobs/${encodeURIComponent(jobId)}`, { signal }),
    refetchInterval: (query) => (query.state.data?.status === 'queued' || query.state.data?.status === 'running' ? 1000 : false),
  });
}

/** The job's report, company by company, whole or of one outcome, a keyset page at a time. */
export function useAgreementBulkRows(jobId: string, outcome: AgreementBulkOutcome | null) {
  return useInfiniteQuery({
    queryKey: agreementKeys.bulkRows(jobId, outcome),
    queryFn: ({ pageParam, signal }) => apiJson(agreementBulkRowsSchema, `/agreements/bulk/${encodeURIComponent(jobId)}/rows`, {
      query: { limit: 50, cursor: pageParam, ...(outcome ? { outcome } : {}) }, signal,
    }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** While the job runs, its report's pages are read again each time its progress moves (and once more when it ends). */
export function useRowsFollowJob(jobId: string, progress: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: agreementKeys.bulkReport(jobId) });
  }, [queryClient, jobId, progress]);
}
