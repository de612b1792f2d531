import { invoiceImportTargets, type Import, type ImportMapping } from '@contract/imports';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { ImportMappingTable } from './import-mapping-table.component';
import { ImportPreviewTable } from './import-preview.component';
import { useRunImport } from './use-run-import';

/**
 * Steps 2 and 3 of an invoices import: the columns and a live preview. There are no rules: the
 * number is the key (a second import updates, never duplicates) and the tax id finds the company.
 */
export function InvoiceImportSetup({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const run = useRunImport(imp.id);
  const [mapping, setMapping] = useState<ImportMapping>(imp.mapping.map((value) => invoiceImportTargets.find((target) => target === value) ?? null));
  const [debounced] = useDebouncedValue(mapping, 300);
  const label = (field: string) => t(`imports:invoiceTarget.${field}`, { defaultValue: field });
  const options = invoiceImportTargets.map((target) => ({ value: target, label: label(target) }));
  return (
    <Stack gap="md">
      <ImportMappingTable imp={imp} mapping={mapping} options={options} onChange={setMapping} />
      <Paper withBorder p="md">
        <Title order={4} mb="xs">{t('imports:preview.title')}</Title>
        <Text size="sm" c="dimmed" mb="sm">{t('imports:invoices.howItMatches')}</Text>
        <ImportPreviewTable id={imp.id} mapping={debounced} label={label} />
      </Paper>
      <ErrorAlert error={run.error} />
      <Group justify="flex-end">
        <Button leftSection={<IconPlayerPlay size={16} />} loading={run.isPending} onClick={() => run.mutate({ mapping })} data-testid="import-run">
          {t('imports:action.run')}
        </Button>
      </Group>
    </Stack>
  );
}
