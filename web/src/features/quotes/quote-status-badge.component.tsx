import type { QuoteStatus } from '@contract/quotes';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<QuoteStatus, string> = { draft: 'gray', sent: 'blue', accepted: 'teal', declined: 'red', expired: 'orange', superseded: 'dark' };

export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation();
  return <Badge color={colors[status]} variant="light" data-testid="quote-status">{t(`quotes:status.${status}`)}</Badge>;
}
