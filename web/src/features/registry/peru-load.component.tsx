import type { RegistrySetting } from '@contract/registry';
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatDateTime } from '@web/components/format';
import { useJob, useStartPeruLoad } from './use-registry-settings';

/** Peru has no search API: an admin loads SUNAT's public file, and lookups read it offline. */
export function PeruLoad({ setting }: { setting: RegistrySetting }) {
  const { t } = useTranslation();
  const start = useStartPeruLoad();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const running = job.data?.status === 'queued' || job.data?.status === 'running';
  return (
    <Stack gap="xs">
      <Text size="sm">
        {setting.loadedAt
          ? t('registry:peru.loaded', { count: setting.loadedCount ?? 0, at: formatDateTime(setting.loadedAt) })
          : t('registry:peru.notLoaded')}
      </Text>
      {running && (
        <Stack gap={4}>
          <Progress value={100} animated aria-label={t('registry:peru.loading')} />
          <Text size="xs" c="dimmed">{t('registry:peru.progress', { count: job.data?.progressDone ?? 0 })}</Text>
        </Stack>
      )}
      {job.data?.status === 'failed' && <Text size="sm" c="red">{t('registry:peru.failed', { error: job.data.error ?? '' })}</Text>}
      {job.data?.status === 'done' && <Text size="sm" c="teal">{t('registry:peru.done')}</Text>}
      <ErrorAlert error={start.error} />
      <Group>
        <Button variant="light" h="auto" py={6} styles={{ label: { whiteSpace: 'normal' } }} loading={start.isPending || running} onClick={() => start.mutate(undefined, { onSuccess: (started) => setJobId(started.jobId) })}>
          {t('registry:peru.load')}
        </Button>
      </Group>
    </Stack>
  );
}
