import type { Agreement, AgreementStatusChange } from '@contract/agreements';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '@web/components/date-field.component';
import { ErrorAlert } from '@web/components/error-alert.component';
import { useMoveAgreement } from './use-agreements';

export type Move = AgreementStatusChange['status'];

const today = () => new Date().toISOString().slice(0, 10);

/** Confirms a move of the status, asking the day it happened (and who signed, for the customer's signature). */
export function AgreementMoveModal({ agreement, move, onClose }: { agreement: Agreement; move: Move; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useMoveAgreement(agreement.id);
  const [on, setOn] = useState<string | null>(today());
  const [name, setName] = useState('');
  const dated = move !== 'draft';
  const submit = () => mutation.mutate(
    { version: agreement.version, status: move, ...(dated && on ? { on } : {}), ...(move === 'signed_by_customer' && name.trim() ? { name: name.trim() } : {}) },
    { onSuccess: onClose },
  );
  return (
    <Modal opened onClose={onClose} title={t(`agreements:move.title.${move}`)} centered>
      <Stack gap="sm">
        <Text size="sm">{t(`agreements:move.explain.${move}`)}</Text>
        {dated && <DateField label={t('agreements:move.on')} value={on} onChange={setOn} maxDate={today()} />}
        {move === 'signed_by_customer' && <TextInput label={t('agreements:move.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} maxLength={200} />}
        <ErrorAlert error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common:action.cancel')}</Button>
          <Button onClick={submit} loading={mutation.isPending} color={move === 'terminated' ? 'red' : undefined} data-testid="agreement-move-confirm">{t('agreements:action.confirm')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
