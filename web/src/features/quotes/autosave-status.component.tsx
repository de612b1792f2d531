import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import type { Autosave } from './use-quote-autosave';

/**
 * Where the draft's edits stand, said where the user looks: saved, about to be, saving, waiting
 * for a line to read right, refused (with why, and a retry), or overtaken by someone else's save
 * (the edits stay on screen until the user takes the latest version).
 */
export function AutosaveStatus({ autosave, onReload }: { autosave: Autosave; onReload: () => void }) {
  const { t } = useTranslation();
  const { state } = autosave;
  if (state === 'conflict') {
    return (
      <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('quotes:autosave.conflictTitle')} data-testid="autosave-status" data-state={state}>
        <Text size="sm">{t('quotes:autosave.conflict')}</Text>
        <Button mt="xs" size="xs" variant="light" color="orange" onClick={onReload}>{t('quotes:autosave.reload')}</Button>
      </Alert>
    );
  }
  if (state === 'failed') {
    return (
      <Group gap="xs" align="flex-start" data-testid="autosave-status" data-state={state}>
        <ErrorAlert error={autosave.error} />
        <Button size="xs" variant="default" onClick={autosave.retry}>{t('quotes:autosave.retry')}</Button>
      </Group>
    );
  }
  return (
    <Group gap={6} data-testid="autosave-status" data-state={state} aria-live="polite">
      {state === 'saving' ? <Loader size={14} /> : state === 'saved' ? <IconCheck size={16} color="var(--mantine-color-teal-6)" aria-hidden /> : null}
      <Text size="sm" c={state === 'invalid' ? 'orange' : 'dimmed'}>{t(`quotes:autosave.${state}`)}</Text>
    </Group>
  );
}
