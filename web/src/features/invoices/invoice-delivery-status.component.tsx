import type { Invoice } from '@contract/invoices';
import { Group, Stack, Text } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@web/components/format';

/** How the invoice last went out, and (by tracking link) whether the customer has opened it: the first time, once. */
export function InvoiceDeliveryStatus({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const { delivered, openedAt } = invoice;
  if (!delivered) return <Text size="sm" c="dimmed" data-testid="invoice-delivery-status">{t('invoices:deliver.notYet')}</Text>;
  return (
    <Stack gap={2} data-testid="invoice-delivery-status">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {[t(`company:invoicing.option.${delivered.via}`), formatDateTime(delivered.at), delivered.to].filter(Boolean).join(' · ')}
      </Text>
      {delivered.via === 'email_link' && (openedAt
        ? <Group gap={4} wrap="nowrap" c="teal.7" data-testid="invoice-opened"><IconEye size={16} style={{ flexShrink: 0 }} /><Text size="sm" fw={600} c="teal.7">{t('invoices:deliver.opened', { at: formatDateTime(openedAt) })}</Text></Group>
        : <Group gap={4} wrap="nowrap" c="dimmed" data-testid="invoice-not-opened"><IconEyeOff size={16} style={{ flexShrink: 0 }} /><Text size="sm" c="dimmed">{t('invoices:deliver.notOpened')}</Text></Group>)}
    </Stack>
  );
}
