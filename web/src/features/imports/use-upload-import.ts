import type { AccountKind } from '@contract/accounts';
import { importSchema, type ImportEntity } from '@contract/imports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiUploadRaw } from '@web/app/api-client';
import { importKeys } from './import-keys';

/** Uploads a CSV or XLSX file of accounts or invoices; the server answers with the proposed column mapping. */
export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, entity, kind }: { file: File; entity: ImportEntity; kind: AccountKind }) => apiUploadRaw(importSchema, '/imports', file, { fileName: file.name, entity, kind }),
    onSuccess: async (created) => {
      queryClient.setQueryData(importKeys.detail(created.id), created);
      await queryClient.invalidateQueries({ queryKey: importKeys.list() });
    },
  });
}
