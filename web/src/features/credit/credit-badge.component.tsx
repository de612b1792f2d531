import type { Account } from '@contract/accounts';
import { UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RiskBadge } from './risk-badge.component';
import { useCredit } from './use-credit';

/** Beside the account's name: its credit risk while it is watched (a click opens the credit tab). */
export function CreditBadge({ account, onOpen }: { account: Account; onOpen: () => void }) {
  const { t } = useTranslation();
  const credit = useCredit(account.id);
  if (account.kind !== 'organization' || !credit.data) return null;
  const { monitored, riskLevel } = credit.data;
  if (!monitored && (riskLevel === 'unknown' || riskLevel === 'none')) return null;
  return (
    <UnstyledButton onClick={onOpen} aria-label={t('credit:badgeLabel', { level: t(`credit:level.${riskLevel}`) })} style={{ alignSelf: 'flex-start' }}>
      <RiskBadge level={riskLevel} />
    </UnstyledButton>
  );
}
