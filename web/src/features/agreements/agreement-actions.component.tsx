import { agreementMoves, type Agreement } from '@contract/agreements';
import { Button, Group } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AgreementFormModal } from './agreement-form-modal.component';
import { AgreementMoveModal, type Move } from './agreement-move-modal.component';

const labels: Record<Move, string> = {
  draft: 'agreements:action.withdraw', signed_by_customer: 'agreements:action.recordCustomer', signed_by_both: 'agreements:action.countersign',
  expired: 'agreements:action.expire', terminated: 'agreements:action.terminate',
};

const isMove = (status: string): status is Move => status in labels;

/** The agreement's buttons: edit, and the status moves the server allows from here (it checks again). */
export function AgreementActions({ agreement, extra }: { agreement: Agreement; extra?: ReactNode }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [move, setMove] = useState<Move | null>(null);
  const moves = agreementMoves[agreement.status].filter(isMove);
  return (
    <Group gap="xs">
      {extra}
      {moves.map((next) => (
        <Button key={next} variant={next === 'signed_by_both' ? 'filled' : 'default'} color={next === 'terminated' ? 'red' : undefined} onClick={() => setMove(next)}>
          {t(labels[next])}
        </Button>
      ))}
      <Button variant="default" onClick={() => setEditing(true)}>{t('agreements:action.edit')}</Button>
      {editing && <AgreementFormModal agreement={agreement} onClose={() => setEditing(false)} />}
      {move && <AgreementMoveModal agreement={agreement} move={move} onClose={() => setMove(null)} />}
    </Group>
  );
}
