import type { RiskLevel } from '@contract/registry';
import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const colors: Record<RiskLevel, string> = { unknown: 'gray', none: 'teal', medium: 'yellow', high: 'red' };

/** An account's credit risk: red when high (bankruptcy, liquidation…), yellow when medium, green when none. */
export function RiskBadge({ level }: { level: RiskLevel }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={colors[level]}
      variant={level === 'high' ? 'filled' : 'light'}
      tt="none"
      leftSection={level === 'high' || level === 'medium' ? <IconAlertTriangle size={12} /> : <IconShieldCheck size={12} />}
      data-risk={level}
      data-testid="risk-badge"
    >
      {t(`credit:level.${level}`)}
    </Badge>
  );
}
