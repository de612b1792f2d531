import { Stack, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { RecordGuard } from '@web/components/record-guard.component';
import { ImportProgressPanel } from './import-progress.component';
import { ImportSetup } from './import-setup.component';
import { ImportSteps } from './import-steps.component';
import { useImport } from './use-import';

/** One import: its set-up while a draft, then its live progress, result and undo. */
export function ImportPage() {
  const { id = '' } = useParams();
  const imp = useImport(id);
  return (
    <RecordGuard query={imp}>
      {(data) => (
        <Stack gap="md">
          <Title order={2} style={{ overflowWrap: 'anywhere' }}>{data.fileName}</Title>
          <ImportSteps active={data.status === 'draft' ? 1 : 4} />
          {data.status === 'draft' ? <ImportSetup imp={data} /> : <ImportProgressPanel imp={data} />}
        </Stack>
      )}
    </RecordGuard>
  );
}
