import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert.component';

type Props = { error: unknown; pending: boolean; submitLabel: string; onCancel: () => void };

/** The foot of a form in a dialog: the server's error, Cancel, and the submit button. */
export function FormActions({ error, pending, submitLabel, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common:action.cancel')}
        </Button>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
