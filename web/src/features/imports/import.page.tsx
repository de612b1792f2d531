import { Stack, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { RecordGuard } from '@web/components/record-guard.component';
import { ImportProgressPanel } from './import-progress.component';
import { ImportSetup } from './import-setup.component';
import { InvoiceImportSetup } from './invoice-import-setup.component';
import { ImportSteps } from './import-steps.component';
import { useImport } from './use-import';

/** One import (of accounts or invoices): its set-up while a draft, then its live progress, result and undo. */
export function ImportPage() {
  const { id = '' } = useParams();
  const imp = useImport(id);
  return (
    <RecordGuard query={imp}>
      {(data) => (
        <Stack gap="md">
          <Title order={2} style={{ overflowWrap: 'anywhere' }}>{data.fileName}</Title>
          <ImportSteps active={data.status === 'draft' ? 1 : 4} />
          {data.status !== 'draft' ? <ImportProgressPanel imp={data} /> : data.entity === 'invoices' ? <InvoiceImportSetup imp={data} /> : <ImportSetup imp={data} />}
        </Stack>
      )}
    </RecordGuard>
  );
}
