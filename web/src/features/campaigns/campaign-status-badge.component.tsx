import type { CampaignStatus } from '@contract/campaigns';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { statusColors } from './campaign-format';

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <Badge color={statusColors[status]} variant="light">{t(`campaigns:status.${status}`)}</Badge>;
}
