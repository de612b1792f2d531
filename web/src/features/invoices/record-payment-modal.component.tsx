import { minorUnits, majorText } from '@contract/money';
import type { Invoice } from '@contract/invoices';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from '@web/components/date-field.component';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors } from '@web/components/form-errors';
import { useRecordPayment } from './use-invoices';

/** A payment received: what is still owed is offered, and a part of it may be recorded. */
export function RecordPaymentModal({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const { t } = useTranslation();
  const pay = useRecordPayment(invoice.id);
  const form = useForm<{ amount: string; paidOn: string | null }>({ initialValues: { amount: majorText(invoice.total - invoice.paid, invoice.currency), paidOn: null } });
  const submit = form.onSubmit((values) => {
    const amount = minorUnits(values.amount, invoice.currency);
    if (amount === null || amount <= 0) {
      form.setErrors({ amount: t('invoices:form.notAnAmount') });
      return;
    }
    pay.mutate({ version: invoice.version, amount, ...(values.paidOn ? { paidOn: values.paidOn } : {}) }, {
      onSuccess: onClose,
      onError: (error) => form.setErrors(serverFormErrors(error)),
    });
  });
  return (
    <Modal opened onClose={onClose} title={t('invoices:payment.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('invoices:payment.amount', { currency: invoice.currency })} inputMode="decimal" required data-autofocus {...form.getInputProps('amount')} />
          <DateField label={t('invoices:payment.paidOn')} value={form.values.paidOn} onChange={(value) => form.setFieldValue('paidOn', value)} error={form.errors.paidOn} />
          <ErrorAlert error={pay.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common:action.cancel')}</Button>
            <Button type="submit" loading={pay.isPending}>{t('invoices:payment.record')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
