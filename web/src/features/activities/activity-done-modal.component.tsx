import type { Activity } from '@contract/activities';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { useFinishActivity } from './use-finish-activity';

type Props = { activity: Activity | null; outcome: 'done' | 'cancel'; onClose: () => void };

/** Marks an activity done with its result (or cancels it, saying why). */
export function ActivityDoneModal({ activity, outcome, onClose }: Props) {
  const { t } = useTranslation();
  const finish = useFinishActivity();
  const [result, setResult] = useState('');
  const close = () => {
    setResult('');
    finish.reset();
    onClose();
  };
  return (
    <Modal opened={activity !== null} onClose={close} title={t(outcome === 'done' ? 'activities:done.title' : 'activities:cancel.title')} centered>
      <Stack gap="sm">
        <Text size="sm">{activity?.subject}</Text>
        <Textarea label={t(outcome === 'done' ? 'activities:field.result' : 'activities:cancel.reason')} autosize minRows={2} value={result} onChange={(event) => setResult(event.currentTarget.value)} data-autofocus />
        <ErrorAlert error={finish.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:action.cancel')}
          </Button>
          <Button
            color={outcome === 'done' ? 'teal' : 'red'}
            loading={finish.isPending}
            onClick={() => activity && finish.mutate({ id: activity.id, outcome, version: activity.version, result }, { onSuccess: close })}
          >
            {t(outcome === 'done' ? 'activities:action.markDone' : 'activities:action.cancelActivity')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
