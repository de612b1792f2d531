import { agreementBulkOutcomes, agreementBulkResultSchema, type AgreementBulkOutcome, type AgreementBulkRow } from '@contract/agreement-bulk';
import type { Job } from '@contract/imports';
import { Alert, Anchor, Badge, Chip, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '@web/components/format';
import { PagedList } from '@web/components/paged-list.component';
import { RecordGuard } from '@web/components/record-guard.component';
import { JobProgressMessage } from '@web/features/bulk/job-progress-message.component';
import { AgreementStatusBadge } from './agreement-status-badge.component';
import { useAgreementBulkRows, useBulkJob, useRowsFollowJob } from './use-agreement-bulk';

const outcomeColors: Record<AgreementBulkOutcome, string> = { sent: 'teal', no_email: 'yellow', failed: 'red' };

/** Where the job stands: its progress while it runs, its summary once done, why it stopped if it failed. */
function JobState({ job }: { job: Job }) {
  const { t } = useTranslation();
  const result = agreementBulkResultSchema.safeParse(job.result);
  if (job.status === 'queued' || job.status === 'running') {
    const total = job.progressTotal ?? 0;
    return <JobProgressMessage done={job.progressDone} total={total} label={t('agreements:bulk.running', { done: job.progressDone, total })} />;
  }
  if (job.status !== 'done') return <Alert color="red">{t('agreements:bulk.stopped', { error: job.error ?? '' })}</Alert>;
  return <Text data-testid="agreement-bulk-summary">{result.success ? t('agreements:bulk.summary', result.data) : ''}</Text>;
}

function RowCard({ row }: { row: AgreementBulkRow }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="agreement-bulk-row">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/accounts/${row.organization.id}`} fw={500}>{row.organization.name}</Anchor>
          <Badge color={outcomeColors[row.outcome]} variant="light">{t(`agreements:bulk.outcome.${row.outcome}`)}</Badge>
        </Group>
        {row.outcome === 'no_email' && <Text size="sm" c="dimmed">{t('agreements:bulk.noEmailHint')}</Text>}
        {row.reason && <Text size="sm" c="dimmed">{row.reason}</Text>}
        {row.agreement && (
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/agreements/${row.agreement.id}`} size="sm">{row.agreement.title}</Anchor>
            <AgreementStatusBadge status={row.agreement.status} />
          </Group>
        )}
        <Text size="xs" c="dimmed">{formatDateTime(row.processedAt)}</Text>
      </Stack>
    </Paper>
  );
}

/** The report of a "send agreement from template" job: its summary, and each company with what became of it. */
export function AgreementBulkReportPage() {
  const { t } = useTranslation();
  const { jobId = '' } = useParams();
  const job = useBulkJob(jobId);
  const [outcome, setOutcome] = useState<AgreementBulkOutcome | null>(null);
  const rows = useAgreementBulkRows(jobId, outcome);
  useRowsFollowJob(jobId, `${job.data?.status ?? ''}:${job.data?.progressDone ?? 0}`);
  return (
    <RecordGuard query={job} refuse={(found) => found.kind !== 'agreements.bulk_send'}>
      {(found) => (
        <Stack gap="md" maw={900}>
          <Title order={2}>{t('agreements:bulk.reportTitle')}</Title>
          <Text size="sm" c="dimmed">{t('agreements:bulk.startedAt', { at: formatDateTime(found.createdAt) })}</Text>
          <JobState job={found} />
          <Chip.Group multiple={false} value={outcome ?? 'all'} onChange={(value) => setOutcome(agreementBulkOutcomes.find((one) => one === value) ?? null)}>
            <Group gap="xs" wrap="wrap">
              <Chip value="all" size="sm">{t('agreements:bulk.all')}</Chip>
              {agreementBulkOutcomes.map((one) => <Chip key={one} value={one} size="sm">{t(`agreements:bulk.outcome.${one}`)}</Chip>)}
            </Group>
          </Chip.Group>
          <PagedList query={rows} empty={t('agreements:bulk.empty')} total={(count, formatted) => t('agreements:bulk.total', { count, total: formatted })}>
            {(items) => <Stack gap="xs">{items.map((row) => <RowCard key={row.organization.id} row={row} />)}</Stack>}
          </PagedList>
        </Stack>
      )}
    </RecordGuard>
  );
}
