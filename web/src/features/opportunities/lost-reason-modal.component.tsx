import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListSelect } from '@web/features/lists/list-select.component';

type Props = { onConfirm: (lost: { lostReason: string | null; lostNote: string | null }) => void; onCancel: () => void };

/** Asked when a deal is lost: the reason (a configurable list) and a note, both optional. */
export function LostReasonModal({ onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  return (
    <Modal opened onClose={onCancel} title={t('opportunities:board.lostTitle')} centered>
      <Stack gap="sm">
        <ListSelect listKey="opportunity_lost_reason" label={t('opportunities:field.lostReason')} value={reason} onChange={setReason} data-autofocus />
        <Textarea label={t('opportunities:field.lostNote')} autosize minRows={2} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('common:action.cancel')}</Button>
          <Button color="red" onClick={() => onConfirm({ lostReason: reason, lostNote: note.trim() || null })}>{t('opportunities:action.markLost')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
