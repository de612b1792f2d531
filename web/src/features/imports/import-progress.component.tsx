import type { Import } from '@contract/imports';
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconDownload, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buildUrl } from '@web/app/api-client';
import { ErrorAlert } from '@web/components/error-alert.component';
import { useDisclosure } from '@mantine/hooks';
import { ConfirmModal } from '@web/components/confirm-modal.component';
import { TagBadge } from '@web/features/tags/tag-badge.component';
import { ImportCompanies } from './import-companies.component';
import { ImportProgressBar, importPercent } from './import-progress-bar.component';
import { ImportStatusBadge } from './import-status-badge.component';
import { useImportAction } from './use-import-action';

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600} size="lg" data-testid={testId}>{value.toLocaleString()}</Text>
    </div>
  );
}

/** Step 4: live progress (polled), the result, the error report, undo and resume. */
export function ImportProgressPanel({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const undo = useImportAction(imp.id, 'undo');
  const resume = useImportAction(imp.id, 'resume');
  const [confirming, confirm] = useDisclosure(false);

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Group justify="space-between">
          <ImportStatusBadge status={imp.status} />
          <Text size="sm" c="dimmed" data-testid="import-progress-text">
            {t('imports:progress.rows', { done: imp.rowsDone.toLocaleString(), total: imp.rowsTotal?.toLocaleString() ?? '…', percent: importPercent(imp) })}
          </Text>
        </Group>
        <ImportProgressBar imp={imp} />
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Count label={t('imports:counts.created')} value={imp.created} testId="import-created" />
          <Count label={t('imports:counts.updated')} value={imp.updated} testId="import-updated" />
          <Count label={t(imp.entity === 'invoices' ? 'imports:counts.unchanged' : 'imports:counts.skipped')} value={imp.skipped} testId="import-skipped" />
          <Count label={t('imports:counts.failed')} value={imp.failed} testId="import-failed" />
        </SimpleGrid>
        {imp.tags.length > 0 && (
          <Group gap="xs" data-testid="import-tags">
            <Text size="sm" c="dimmed">{t('imports:summary.tags')}</Text>
            {imp.tags.map((tag) => <TagBadge key={tag.id} name={tag.name} color={tag.color} />)}
          </Group>
        )}
        <ImportCompanies imp={imp} />
        {imp.entity === 'invoices' && (imp.status === 'done' || imp.status === 'failed') && (
          <Anchor component={Link} to="/invoices" size="sm" data-testid="import-invoices-link">{t('imports:invoices.open')}</Anchor>
        )}
        {imp.status === 'failed' && imp.error && <Alert color="red" title={t('imports:progress.failed')}>{imp.error}</Alert>}
        {imp.status === 'undone' && <Alert color="gray">{t('imports:undo.done')}</Alert>}
        <ErrorAlert error={resume.error} />
        <Group justify="flex-end" gap="sm">
          {imp.failed > 0 && (
            <Button component="a" href={buildUrl(`/imports/${imp.id}/errors.csv`)} download variant="light" leftSection={<IconDownload size={16} />}>
              {t('imports:action.errorReport')}
            </Button>
          )}
          {imp.abilities.resume && (
            <Button variant="light" leftSection={<IconPlayerPlay size={16} />} loading={resume.isPending} onClick={() => resume.mutate()}>
              {t('imports:action.resume')}
            </Button>
          )}
          {imp.abilities.undo && (
            <Button color="red" variant="light" leftSection={<IconArrowBackUp size={16} />} loading={undo.isPending} onClick={confirm.open}>
              {t('imports:action.undo')}
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('imports:undo.title')}
        message={t(imp.entity === 'invoices' ? 'imports:undo.invoicesMessage' : 'imports:undo.message')}
        confirmLabel={t('imports:action.undo')}
        danger
        loading={undo.isPending}
        error={undo.error}
        onConfirm={() => undo.mutate(undefined, { onSuccess: confirm.close })}
        onClose={confirm.close}
      />
    </Paper>
  );
}
