import type { Request } from '@contract/requests';
import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RequestForm } from './request-form.component';

type Props = { opened: boolean; onClose: () => void; accountId: string; request?: Request };

/** Adds a request to a lead (the + of seed 002), or edits one. */
export function RequestFormModal({ opened, onClose, accountId, request }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t(request ? 'requests:form.editTitle' : 'requests:form.newTitle')} centered size="lg">
      {opened && <RequestForm accountId={accountId} request={request} onDone={onClose} />}
    </Modal>
  );
}
