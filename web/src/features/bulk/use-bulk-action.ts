import { bulkStartedSchema, type BulkAction, type BulkSelection } from '@contract/bulk';
import { useMutation } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';

/** Starts one bulk action on the selection; the server answers at once with the job to follow. */
export function useBulkAction() {
  return useMutation({
    mutationFn: (request: { selection: BulkSelection; action: BulkAction }) =>
      apiJson(bulkStartedSchema, '/accounts/bulk', { method: 'POST', body: request }),
  });
}
