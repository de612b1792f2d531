import { Anchor, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileTypePdf, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { buildUrl } from '@web/app/api-client';
import { ErrorAlert } from '@web/components/error-alert.component';
import { RecordField as Field } from '@web/components/record-field.component';
import { formatDay, formatMoney } from '@web/components/format';
import { DeliverInvoiceModal } from './deliver-invoice-modal.component';
import { InvoiceDeliveryStatus } from './invoice-delivery-status.component';
import { InvoiceStatusBadge } from './invoice-status-badge.component';
import { RecordPaymentModal } from './record-payment-modal.component';
import { useInvoice, useUpdateInvoice } from './use-invoices';

/** An invoice: its figures, its lines (when made from a quote), and payments, issuing and cancelling. */
export function InvoicePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useInvoice(id);
  const update = useUpdateInvoice(id);
  const [paying, setPaying] = useState(false);
  const [delivering, setDelivering] = useState(false);
  const invoice = query.data;
  if (query.isPending) return <Center py="xl"><Loader /></Center>;
  if (!invoice) return <ErrorAlert error={query.error} />;
  const money = (amount: number) => formatMoney(amount, invoice.currency);
  const payable = invoice.status === 'issued' || invoice.status === 'partly_paid' || (invoice.status === 'overdue' && invoice.paid < invoice.total);
  const move = (status: 'issued' | 'cancelled') => update.mutate({ version: invoice.version, status });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={2} style={{ overflowWrap: 'anywhere' }}>{t('invoices:page.title', { number: invoice.number })}</Title>
          <Group gap="xs">
            <Anchor component={Link} to={`/accounts/${invoice.organization.id}`}>{invoice.organization.name}</Anchor>
            <InvoiceStatusBadge status={invoice.status} />
          </Group>
        </Stack>
        <Group gap="xs">
          {invoice.status !== 'draft' && invoice.status !== 'cancelled' && (
            <Button leftSection={<IconSend size={16} />} onClick={() => setDelivering(true)} data-testid="invoice-deliver">{t('invoices:action.deliver')}</Button>
          )}
          {payable && <Button variant="default" onClick={() => setPaying(true)}>{t('invoices:payment.record')}</Button>}
          <Button component="a" href={buildUrl(`/invoices/${encodeURIComponent(invoice.id)}/pdf`)} download variant="default" leftSection={<IconFileTypePdf size={16} />}>
            {t('invoices:action.pdf')}
          </Button>
          {invoice.status === 'draft' && <Button variant="default" loading={update.isPending} onClick={() => move('issued')}>{t('invoices:action.issue')}</Button>}
          {(invoice.status === 'draft' || (invoice.paid === 0 && (invoice.status === 'issued' || invoice.status === 'overdue'))) && (
            <Button variant="default" color="red" loading={update.isPending} onClick={() => move('cancelled')}>{t('invoices:action.cancel')}</Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={update.error} />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Field label={t('invoices:field.issueDate')}>{formatDay(invoice.issueDate)}</Field>
          <Field label={t('invoices:field.dueDate')}>{formatDay(invoice.dueDate)}</Field>
          <Field label={t('invoices:field.net')}>{money(invoice.net)}</Field>
          <Field label={t('invoices:field.tax')}>{money(invoice.tax)}</Field>
          <Field label={t('invoices:field.total')}><Text fw={700} span data-testid="invoice-total">{money(invoice.total)}</Text></Field>
          <Field label={t('invoices:field.paid')}><span data-testid="invoice-paid">{money(invoice.paid)}</span></Field>
          <Field label={t('invoices:field.outstanding')}>{money(invoice.total - invoice.paid)}</Field>
          <Field label={t('invoices:field.delivery')}>
            {invoice.delivery ? [t(`company:invoicing.option.${invoice.delivery}`), invoice.deliveryEmail].filter(Boolean).join(' · ') : ''}
          </Field>
          <Field label={t('invoices:field.delivered')}><InvoiceDeliveryStatus invoice={invoice} /></Field>
          <Field label={t('invoices:field.language')}>{t(`common:language.${invoice.language}`)}</Field>
          {invoice.quoteId && <Field label={t('invoices:field.quote')}><Anchor component={Link} to={`/quotes/${invoice.quoteId}`}>{t('invoices:page.openQuote')}</Anchor></Field>}
        </SimpleGrid>
        {invoice.notes && <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{invoice.notes}</Text>}
      </Paper>
      {invoice.lines.length > 0 && (
        <Paper withBorder p="md" style={{ overflowX: 'auto' }}>
          <Table data-testid="invoice-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoices:line.description')}</Table.Th>
                <Table.Th ta="right">{t('invoices:line.quantity')}</Table.Th>
                <Table.Th ta="right">{t('invoices:field.net')}</Table.Th>
                <Table.Th ta="right">{t('invoices:field.tax')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.lines.map((line, index) => (
                <Table.Tr key={index}>
                  <Table.Td fw={line.kind === 'section' ? 700 : undefined} style={{ overflowWrap: 'anywhere' }}>{line.description}</Table.Td>
                  <Table.Td ta="right">{line.kind === 'item' ? line.quantityMilli / 1000 : ''}</Table.Td>
                  <Table.Td ta="right">{line.kind === 'item' ? money(line.net) : ''}</Table.Td>
                  <Table.Td ta="right">{line.kind === 'item' ? money(line.tax) : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {paying && <RecordPaymentModal invoice={invoice} onClose={() => setPaying(false)} />}
      {delivering && <DeliverInvoiceModal invoice={invoice} onClose={() => setDelivering(false)} />}
    </Stack>
  );
}
