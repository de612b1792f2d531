import { productImportResultSchema, type ProductImportResult } from '@contract/products';
import { Alert, Button, FileButton, List, Modal, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUploadRaw } from '@web/app/api-client';
import { ErrorAlert } from '@web/components/error-alert.component';
import { catalogKeys } from './catalog-keys';

/** What an import did: created and updated, or every row at fault (one bad row and nothing is written). */
function ImportResult({ result, onClose }: { result: ProductImportResult; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('catalog:import.resultTitle')}>
      <Stack gap="sm" data-testid="catalog-import-result">
        {result.errors.length === 0 ? (
          <Alert color="teal">{t('catalog:import.done', { created: result.created, updated: result.updated })}</Alert>
        ) : (
          <>
            <Alert color="red">{t('catalog:import.failed', { count: result.errors.length })}</Alert>
            <List size="sm" spacing={4}>
              {result.errors.slice(0, 50).map((error) => (
                <List.Item key={`${error.row}-${error.field}`}>{t('catalog:import.rowError', { row: error.row, field: error.field, message: error.message })}</List.Item>
              ))}
            </List>
            {result.errors.length > 50 && <Text size="sm" c="dimmed">{t('catalog:import.more', { count: result.errors.length - 50 })}</Text>}
          </>
        )}
        <Button onClick={onClose}>{t('common:action.close')}</Button>
      </Stack>
    </Modal>
  );
}

/** Imports a CSV or XLSX of products (the export's own columns, in either language): new codes are created, known ones updated. */
export function ProductImportButton({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<ProductImportResult | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => apiUploadRaw(productImportResultSchema, '/products/import', file),
    onSuccess: (answer) => {
      setResult(answer);
      void queryClient.invalidateQueries({ queryKey: catalogKeys.products });
    },
  });
  return (
    <>
      <FileButton accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(file) => file && upload.mutate(file)}>
        {(props) => <Button {...props} variant="default" size={compact ? 'xs' : 'sm'} leftSection={<IconUpload size={16} />} loading={upload.isPending}>{t('catalog:import.button')}</Button>}
      </FileButton>
      {upload.error !== null && <ErrorAlert error={upload.error} />}
      {result && <ImportResult result={result} onClose={() => setResult(null)} />}
    </>
  );
}
