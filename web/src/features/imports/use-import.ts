import { importSchema } from '@contract/imports';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';
import { invoiceKeys } from '@web/features/invoices/invoice-keys';
import { importKeys } from './import-keys';
import { isImportBusy } from './use-imports';

/**
 * One import, polled while it runs: progress lives on the server, so a reload picks it up again.
 * When it settles, the lists it wrote to (accounts, invoices) are read again, not shown from cache.
 */
export function useImport(id: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.detail(id),
    queryFn: ({ signal }) => apiJson(importSchema, `/imports/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (current) => (current.state.data && isImportBusy(current.state.data.status) ? 1000 : false),
  });
  const settled = query.data && !isImportBusy(query.data.status) ? query.data.status : null;
  const invoices = query.data?.entity === 'invoices';
  useEffect(() => {
    if (!settled) return;
    // Invoices count on their companies too (invoiced this year, overdue): both are read again.
    void queryClient.invalidateQueries({ queryKey: accountKeys.all });
    if (invoices) void queryClient.invalidateQueries({ queryKey: invoiceKeys.all });
  }, [settled, invoices, queryClient]);
  return query;
}
