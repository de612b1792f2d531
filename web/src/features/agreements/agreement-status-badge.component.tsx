import type { AgreementStatus } from '@contract/agreements';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<AgreementStatus, string> = { draft: 'gray', sent: 'blue', signed_by_customer: 'cyan', signed_by_both: 'teal', expired: 'yellow', terminated: 'red' };

export function AgreementStatusBadge({ status }: { status: AgreementStatus }) {
  const { t } = useTranslation();
  return <Badge color={colors[status]} variant="light" data-testid="agreement-status">{t(`agreements:status.${status}`)}</Badge>;
}
