import type { Account } from '@contract/accounts';
import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { useQualifyLead } from './use-qualify-lead';

type Props = { account: Account; openRequests: number; opened: boolean; onClose: () => void };

/** Seed 002's "calificar": the lead becomes a customer; its open requests can be closed at once. */
export function QualifyModal({ account, openRequests, opened, onClose }: Props) {
  const { t } = useTranslation();
  const qualify = useQualifyLead(account.id);
  const [markHandled, setMarkHandled] = useState(true);
  const close = () => {
    qualify.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('leads:qualify.title')} centered>
      <Stack gap="sm">
        <Text size="sm">{t('leads:qualify.message', { name: account.name })}</Text>
        {openRequests > 0 && (
          <Checkbox label={t('leads:qualify.markHandled', { count: openRequests })} checked={markHandled} onChange={(event) => setMarkHandled(event.currentTarget.checked)} />
        )}
        <ErrorAlert error={qualify.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:action.cancel')}
          </Button>
          <Button color="teal" loading={qualify.isPending} onClick={() => qualify.mutate({ version: account.version, markRequestsHandled: markHandled && openRequests > 0 }, { onSuccess: close })}>
            {t('leads:action.qualify')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
