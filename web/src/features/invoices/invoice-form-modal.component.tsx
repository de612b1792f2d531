import { isLanguage, languages, type Language } from '@contract/common';
import { minorUnits } from '@contract/money';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { currentLanguage } from '@web/app/i18n';
import { DateField } from '@web/components/date-field.component';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors } from '@web/components/form-errors';
import { AccountPicker } from '@web/features/accounts/account-picker.component';
import { useCreateInvoice } from './use-invoices';

type Props = { organizationId?: string | null; fromQuoteId?: string | null; onClose: () => void };

type Values = { number: string; issueDate: string | null; dueDate: string | null; currency: string; net: string; tax: string; language: Language };

/**
 * A new invoice: by hand (its organization, currency, net and tax) or from an accepted quote (only
 * the number and dates: lines, totals and language come from the quote). The due date defaults on
 * the server to the issue date plus the organization's credit days; the language is the customer's,
 * what its PDF, e-mail and public page speak.
 */
export function InvoiceFormModal({ organizationId = null, fromQuoteId = null, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateInvoice();
  const [organization, setOrganization] = useState<string | null>(organizationId);
  const [organizationError, setOrganizationError] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: { number: '', issueDate: null, dueDate: null, currency: 'EUR', net: '', tax: '', language: currentLanguage() } });
  const submit = form.onSubmit((values) => {
    const dates = { ...(values.issueDate ? { issueDate: values.issueDate } : {}), ...(values.dueDate ? { dueDate: values.dueDate } : {}) };
    const done = { onSuccess: (created: { id: string }) => { onClose(); void navigate(`/invoices/${created.id}`); }, onError: (error: unknown) => form.setErrors(serverFormErrors(error)) };
    if (fromQuoteId) {
      create.mutate({ number: values.number, fromQuoteId, ...dates }, done);
      return;
    }
    if (!organization) {
      setOrganizationError(t('validation:required'));
      return;
    }
    const net = minorUnits(values.net, values.currency);
    const tax = minorUnits(values.tax || '0', values.currency);
    if (net === null || tax === null) {
      form.setErrors({ ...(net === null ? { net: t('invoices:form.notAnAmount') } : {}), ...(tax === null ? { tax: t('invoices:form.notAnAmount') } : {}) });
      return;
    }
    create.mutate({ number: values.number, organizationId: organization, currency: values.currency, net, tax, language: values.language, ...dates }, done);
  });
  return (
    <Modal opened onClose={onClose} size="lg" title={t(fromQuoteId ? 'invoices:form.fromQuoteTitle' : 'invoices:form.createTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!fromQuoteId && !organizationId && (
            <AccountPicker kind="organization" label={t('invoices:field.organization')} value={organization} exclude={[]}
              onChange={(id) => { setOrganization(id); setOrganizationError(null); }} error={organizationError} />
          )}
          <TextInput label={t('invoices:field.number')} description={t('invoices:form.numberHint')} required {...form.getInputProps('number')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateField label={t('invoices:field.issueDate')} value={form.values.issueDate} onChange={(value) => form.setFieldValue('issueDate', value)} error={form.errors.issueDate} />
            <DateField label={t('invoices:field.dueDate')} value={form.values.dueDate} onChange={(value) => form.setFieldValue('dueDate', value)} error={form.errors.dueDate} />
            {!fromQuoteId && (
              <>
                <TextInput label={t('invoices:field.currency')} maxLength={3} {...form.getInputProps('currency')}
                  onChange={(event) => form.setFieldValue('currency', event.currentTarget.value.toUpperCase())} />
                <TextInput label={t('invoices:field.net')} inputMode="decimal" required {...form.getInputProps('net')} />
                <TextInput label={t('invoices:field.tax')} inputMode="decimal" {...form.getInputProps('tax')} />
                <Select label={t('invoices:field.language')} description={t('invoices:form.languageHint')} allowDeselect={false} comboboxProps={{ withinPortal: true }}
                  data={languages.map((language) => ({ value: language, label: t(`common:language.${language}`) }))}
                  value={form.values.language} onChange={(value) => value && isLanguage(value) && form.setFieldValue('language', value)} />
              </>
            )}
          </SimpleGrid>
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common:action.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t('common:action.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
