import type { InvoiceStatus } from '@contract/invoices';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<InvoiceStatus, string> = { draft: 'gray', issued: 'blue', partly_paid: 'yellow', paid: 'teal', overdue: 'red', cancelled: 'dark' };

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation();
  return <Badge color={colors[status]} variant="light" data-testid="invoice-status">{t(`invoices:status.${status}`)}</Badge>;
}
