import { Alert, Anchor } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay, formatMoney } from '@web/components/format';
import { useOverdueSummary } from './use-invoices';

/** On the company card: its overdue invoices, what they owe per currency and since when, linked to the list of them; nothing while none is. */
export function OverdueInvoicesAlert({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const summary = useOverdueSummary(organizationId);
  if (!summary.data || summary.data.count === 0) return null;
  const { count, outstanding, oldestDueDate } = summary.data;
  const owed = outstanding.map((money) => formatMoney(money.amount, money.currency)).join(' · ');
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} p="xs" data-testid="overdue-invoices">
      {t('invoices:overdue.text', { count, owed, since: formatDay(oldestDueDate) })}{' '}
      <Anchor component={Link} to={`/invoices?organizationId=${encodeURIComponent(organizationId)}&status=overdue`} size="sm">{t('invoices:overdue.open', { count })}</Anchor>
    </Alert>
  );
}
