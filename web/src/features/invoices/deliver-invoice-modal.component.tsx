import type { InvoiceDelivery } from '@contract/accounts';
import { invoiceDeliverSchema, type Invoice, type InvoiceDeliver } from '@contract/invoices';
import { Button, Group, Modal, Radio, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { buildUrl } from '@web/app/api-client';
import { ErrorAlert } from '@web/components/error-alert.component';
import { FormActions } from '@web/components/form-actions.component';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { notifications } from '@web/components/notifications';
import { useRecipientOptions } from '@web/features/mail/use-send-email';
import { useDeliverInvoice } from './use-invoices';

type Values = { method: InvoiceDelivery; to: string[]; subject: string; message: string };

const methods = ['email_link', 'email_pdf', 'paper'] as const satisfies readonly InvoiceDelivery[];
const methodOf = (value: string): InvoiceDelivery => methods.find((method) => method === value) ?? 'email_link';

// A bad address is reported at its index (to.1); the form shows it on the one field.
const fieldOf = (path: string) => (path.startsWith('to.') ? 'to' : path);

/** What the form sends: no addresses means the server's choice (the invoice e-mail, else the company's). */
const payloadOf = (version: number, values: Values): InvoiceDeliver => ({
  version,
  method: values.method,
  ...(values.method !== 'paper' && values.to.length > 0 ? { to: values.to } : {}),
  ...(values.method !== 'paper' && values.subject.trim() ? { subject: values.subject } : {}),
  ...(values.method !== 'paper' ? { message: values.message } : {}),
});

/**
 * Sends or delivers the invoice as its company's card says (the choice can change here): by e-mail
 * with a tracking link, by e-mail with the PDF, or on paper, which opens the PDF to print and
 * records the delivery.
 */
export function DeliverInvoiceModal({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const { t } = useTranslation();
  const deliver = useDeliverInvoice(invoice.id);
  const options = useRecipientOptions(invoice.organization.id);
  const form = useForm<Values>({
    initialValues: { method: invoice.delivery ?? 'email_link', to: invoice.deliveryEmail ? [invoice.deliveryEmail] : [], subject: '', message: '' },
    validate: (values) => validatePayload(invoiceDeliverSchema, payloadOf(invoice.version, values), fieldOf),
  });
  const paper = form.values.method === 'paper';
  const done = () => {
    notifications.show({ message: t(paper ? 'invoices:deliver.donePaper' : 'invoices:deliver.done'), color: 'teal' });
    onClose();
  };
  const submit = form.onSubmit((values) => deliver.mutate(payloadOf(invoice.version, values), { onSuccess: done, onError: (error) => form.setErrors(serverFormErrors(error, fieldOf)) }));
  const addresses = (options.data?.items ?? []).filter((item) => item.status === 'ok').map((item) => ({ value: item.address, label: `${item.name} <${item.address}>` }));
  return (
    <Modal opened onClose={onClose} title={t('invoices:deliver.title', { number: invoice.number })} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <Radio.Group label={t('invoices:deliver.method')} description={t('invoices:deliver.methodHint')} value={form.values.method} onChange={(value) => form.setFieldValue('method', methodOf(value))}>
            <Stack gap={6} mt={6}>
              {methods.map((method) => <Radio key={method} value={method} label={t(`company:invoicing.option.${method}`)} />)}
            </Stack>
          </Radio.Group>
          {paper ? (
            <>
              <Text size="sm" c="dimmed">{t('invoices:deliver.paperHint')}</Text>
              <ErrorAlert error={deliver.error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>{t('common:action.cancel')}</Button>
                {/* A link opens the PDF at once (no pop-up to block); the click records the delivery on paper. */}
                <Button component="a" href={buildUrl(`/invoices/${encodeURIComponent(invoice.id)}/pdf`)} target="_blank" rel="noopener" leftSection={<IconPrinter size={16} />}
                  loading={deliver.isPending} onClick={() => deliver.mutate(payloadOf(invoice.version, form.values), { onSuccess: done })}>
                  {t('invoices:deliver.print')}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <TagsInput label={t('invoices:deliver.to')} description={t('invoices:deliver.toHint')} data={addresses} {...form.getInputProps('to')} />
              <TextInput label={t('invoices:deliver.subject')} placeholder={t('invoices:deliver.subjectHint')} {...form.getInputProps('subject')} />
              <Textarea label={t('invoices:deliver.message')} placeholder={t('invoices:deliver.messageHint')} autosize minRows={3} {...form.getInputProps('message')} />
              <Text size="xs" c="dimmed">{t(form.values.method === 'email_link' ? 'invoices:deliver.whatGoesLink' : 'invoices:deliver.whatGoesPdf')}</Text>
              <FormActions error={deliver.error} pending={deliver.isPending} submitLabel={t('invoices:deliver.submit')} onCancel={onClose} />
            </>
          )}
        </Stack>
      </form>
    </Modal>
  );
}
