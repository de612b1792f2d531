import type { PublicInvoice } from '@contract/invoice-links';
import { Anchor, Badge, Box, Divider, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDay, formatMoney } from '@web/components/format';
import { PublicAmount, PublicIssuer, PublicRecordPage } from '@web/components/public-page.component';
import { RecordField as Field } from '@web/components/record-field.component';
import { invoiceLinkPdfUrl, usePublicInvoice } from './invoice-link-api';

const statusColors: Record<PublicInvoice['status'], string> = { issued: 'blue', partly_paid: 'yellow', paid: 'teal', overdue: 'red', cancelled: 'gray' };

function Lines({ invoice }: { invoice: PublicInvoice }) {
  const { t } = useTranslation();
  const money = (amount: number) => formatMoney(amount, invoice.currency);
  return (
    <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('invoicelink:lines')}>
      {invoice.lines.map((line, index) => {
        if (line.kind === 'section') return <Title key={index} component="li" order={4} size="h5" mt="md" mb={4}>{line.description}</Title>;
        if (line.kind === 'note') return <Text key={index} component="li" size="sm" fs="italic" c="dimmed" py={4}>{line.description}</Text>;
        return (
          <Box key={index} component="li" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{line.description}</Text>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>{money(line.net)}</Text>
            </Group>
            <Text size="xs" c="dimmed">{t('invoicelink:lineFigures', { quantity: (line.quantityMilli / 1000).toLocaleString(invoice.language), price: money(line.unitPrice), rate: line.taxBp / 100 })}</Text>
          </Box>
        );
      })}
    </Stack>
  );
}

function Totals({ invoice }: { invoice: PublicInvoice }) {
  const { t } = useTranslation();
  const money = (amount: number) => formatMoney(amount, invoice.currency);
  return (
    <Stack gap={4}>
      <PublicAmount label={t('invoicelink:net')} value={money(invoice.net)} />
      <PublicAmount label={t('invoicelink:tax')} value={money(invoice.tax)} />
      <Divider my={4} />
      <PublicAmount label={t('invoicelink:total')} value={money(invoice.total)} strong testId="invoice-total" />
      {invoice.paid > 0 && <PublicAmount label={t('invoicelink:paid')} value={money(invoice.paid)} />}
      {invoice.paid > 0 && <PublicAmount label={t('invoicelink:due')} value={money(invoice.total - invoice.paid)} strong />}
    </Stack>
  );
}

function Invoice({ invoice, token }: { invoice: PublicInvoice; token: string }) {
  const { t } = useTranslation();
  const { company, customer } = invoice;
  return (
    <Stack gap="lg">
      <PublicIssuer name={company.name} taxId={company.taxId && t('invoicelink:taxId', { taxId: company.taxId })} address={company.address} />
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={1} size="h3" style={{ overflowWrap: 'anywhere' }}>{t('invoicelink:title', { number: invoice.number })}</Title>
        <Badge color={statusColors[invoice.status]} variant="light" data-testid="invoice-link-status">{t(`invoicelink:status.${invoice.status}`)}</Badge>
      </Group>
      <Stack gap={0}>
        <Text size="xs" c="dimmed" tt="uppercase">{t('invoicelink:for')}</Text>
        <Text fw={600}>{customer.name}</Text>
        {customer.taxId && <Text size="sm">{t('invoicelink:taxId', { taxId: customer.taxId })}</Text>}
      </Stack>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <Field label={t('invoicelink:issued')}>{formatDay(invoice.issueDate)}</Field>
        <Field label={t('invoicelink:dueDate')}>{formatDay(invoice.dueDate)}</Field>
      </SimpleGrid>
      <Paper withBorder p="md" radius="md">
        {invoice.lines.length > 0 && <Lines invoice={invoice} />}
        <Box mt={invoice.lines.length > 0 ? 'md' : 0} ml="auto" maw={360}>
          <Totals invoice={invoice} />
        </Box>
      </Paper>
      {invoice.notes && <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{invoice.notes}</Text>}
      <Anchor href={invoiceLinkPdfUrl(token)} download>
        <Group gap={4} component="span" wrap="nowrap"><IconDownload size={16} />{t('invoicelink:pdf')}</Group>
      </Anchor>
    </Stack>
  );
}

/** The public page an invoice's e-mail links to: no login, that invoice and its PDF, nothing else of the CRM. */
export function InvoiceLinkPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  return (
    <PublicRecordPage query={usePublicInvoice(token)} notFound={t('invoicelink:notFound')}>
      {(invoice) => <Invoice invoice={invoice} token={token} />}
    </PublicRecordPage>
  );
}
