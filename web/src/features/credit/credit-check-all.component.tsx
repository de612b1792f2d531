import { creditCheckStartedSchema } from '@contract/credit';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiJson } from '@web/app/api-client';
import { ErrorAlert } from '@web/components/error-alert.component';
import { useJob } from '@web/features/registry/use-registry-settings';

/** Admins: re-check every watched company now instead of waiting for the daily run. */
export function CreditCheckAll() {
  const { t } = useTranslation();
  const start = useMutation({ mutationFn: () => apiJson(creditCheckStartedSchema, '/credit/checks', { method: 'POST' }) });
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const running = job.data?.status === 'queued' || job.data?.status === 'running';
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>{t('credit:admin.title')}</Title>
        <Text size="sm" c="dimmed">{t('credit:admin.intro')}</Text>
        {job.data?.status === 'done' && <Text size="sm" c="teal">{t('credit:admin.done', { count: job.data.progressDone })}</Text>}
        {job.data?.status === 'failed' && <Text size="sm" c="red">{t('credit:admin.failed', { error: job.data.error ?? '' })}</Text>}
        <ErrorAlert error={start.error} />
        <Group>
          <Button variant="light" h="auto" py={6} styles={{ label: { whiteSpace: 'normal' } }} loading={start.isPending || running} onClick={() => start.mutate(undefined, { onSuccess: (started) => setJobId(started.jobId) })}>
            {t('credit:admin.checkAll')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
