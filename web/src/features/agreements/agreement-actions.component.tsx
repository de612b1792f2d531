import { agreementMoves, type Agreement } from '@contract/agreements';
import { Button, Group, Tooltip } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgreementFormModal } from './agreement-form-modal.component';
import { AgreementMoveModal, type Move } from './agreement-move-modal.component';
import { AgreementSendModal } from './agreement-send-modal.component';

const labels: Record<Move, string> = {
  draft: 'agreements:action.withdraw', signed_by_customer: 'agreements:action.recordCustomer', signed_by_both: 'agreements:action.countersign',
  expired: 'agreements:action.expire', terminated: 'agreements:action.terminate',
};

const isMove = (status: string): status is Move => status in labels;

/** Sending by e-mail: a draft or a sent one (again), once it has its document. */
function SendButton({ agreement, onClick }: { agreement: Agreement; onClick: () => void }) {
  const { t } = useTranslation();
  if (agreement.status !== 'draft' && agreement.status !== 'sent') return null;
  const button = (
    <Button leftSection={<IconSend size={16} />} disabled={!agreement.document} onClick={onClick}>
      {t(agreement.status === 'sent' ? 'agreements:action.sendAgain' : 'agreements:action.send')}
    </Button>
  );
  return agreement.document ? button : <Tooltip label={t('agreements:send.needsDocument')}><span>{button}</span></Tooltip>;
}

/** The agreement's buttons: send, edit, and the status moves the server allows from here (it checks again). */
export function AgreementActions({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [sending, setSending] = useState(false);
  const [move, setMove] = useState<Move | null>(null);
  const moves = agreementMoves[agreement.status].filter(isMove);
  return (
    <Group gap="xs">
      <SendButton agreement={agreement} onClick={() => setSending(true)} />
      {moves.map((next) => (
        <Button key={next} variant={next === 'signed_by_both' ? 'filled' : 'default'} color={next === 'terminated' ? 'red' : undefined} onClick={() => setMove(next)}>
          {t(labels[next])}
        </Button>
      ))}
      <Button variant="default" onClick={() => setEditing(true)}>{t('agreements:action.edit')}</Button>
      {editing && <AgreementFormModal agreement={agreement} onClose={() => setEditing(false)} />}
      {sending && <AgreementSendModal agreement={agreement} onClose={() => setSending(false)} />}
      {move && <AgreementMoveModal agreement={agreement} move={move} onClose={() => setMove(null)} />}
    </Group>
  );
}
