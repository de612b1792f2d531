import type { AccountKind } from '@contract/accounts';
import { Button, FileInput, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { ImportSteps } from './import-steps.component';
import { useUploadImport } from './use-upload-import';

/**
 * Step 1: what the file holds and the file itself. `?entity=invoices` (the invoices list's import)
 * takes invoices from the accounting system; otherwise people or organizations.
 */
export function ImportNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invoices = useSearchParams()[0].get('entity') === 'invoices';
  const upload = useUploadImport();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<AccountKind>('person');

  const submit = () => {
    if (!file) return;
    upload.mutate({ file, entity: invoices ? 'invoices' : 'accounts', kind }, { onSuccess: (created) => void navigate(`/imports/${created.id}`) });
  };

  return (
    <Stack gap="md" maw={720}>
      <Title order={2}>{t(invoices ? 'imports:invoices.title' : 'imports:new.title')}</Title>
      <ImportSteps active={0} />
      <Paper withBorder p="md">
        <Stack gap="md">
          {invoices ? (
            <Text size="sm">{t('imports:invoices.help')}</Text>
          ) : (
            <div>
              <Text size="sm" fw={500} mb={4}>{t('imports:new.kind')}</Text>
              <SegmentedControl
                value={kind}
                onChange={(value) => setKind(value === 'organization' ? 'organization' : 'person')}
                data={[{ value: 'person', label: t('imports:kind.person') }, { value: 'organization', label: t('imports:kind.organization') }]}
              />
            </div>
          )}
          <FileInput
            label={t('imports:new.file')}
            description={t('imports:new.fileHelp')}
            placeholder={t('imports:new.filePlaceholder')}
            accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            clearable
            data-testid="import-file"
          />
          <ErrorAlert error={upload.error} />
          <Group justify="flex-end">
            <Button onClick={submit} disabled={!file} loading={upload.isPending} leftSection={<IconUpload size={16} />}>
              {t('imports:action.upload')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
