import { languages } from '@contract/common';
import type { Quote } from '@contract/quotes';
import { Button, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '@web/components/date-field.component';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors } from '@web/components/form-errors';
import { useContacts } from '@web/features/accounts/use-contacts';
import { useOpportunities } from '@web/features/opportunities/use-opportunities';
import { useUserOptions } from '@web/features/users/use-user-options';
import { headerPatch, headerValuesOf, isLanguage, type HeaderValues } from './quote-header-values';
import { useUpdateQuote } from './use-quote-mutations';

/** The quote's header: whom it is for, currency and rate, dates, terms. A draft's only; a sent quote shows it read-only. */
export function QuoteHeaderForm({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const readOnly = !quote.abilities.edit;
  const update = useUpdateQuote(quote.id);
  const contacts = useContacts(quote.account.id);
  const opportunities = useOpportunities({ organizationId: quote.account.id, sort: '-createdAt', limit: 50 });
  const users = useUserOptions();
  const form = useForm<HeaderValues>({ initialValues: headerValuesOf(quote) });
  const { setValues, resetDirty } = form;
  const dirty = useRef(false);
  dirty.current = form.isDirty();
  // The quote saved elsewhere (its lines, a revision) is the form's new start, unless the user is typing here.
  useEffect(() => {
    if (dirty.current) return;
    const values = headerValuesOf(quote);
    setValues(values);
    resetDirty(values);
  }, [quote, setValues, resetDirty]);

  const option = (ref: { id: string; name: string } | null) => (ref ? [{ value: ref.id, label: ref.name }] : []);
  const merge = (found: Array<{ value: string; label: string }>, current: Array<{ value: string; label: string }>) =>
    [...current, ...found.filter((item) => !current.some((other) => other.value === item.value))];
  const contactOptions = merge((contacts.data?.items ?? []).map((contact) => ({ value: contact.person.id, label: contact.person.name })), option(quote.contact));
  const opportunityOptions = merge((opportunities.data?.pages.flatMap((page) => page.items) ?? []).map((item) => ({ value: item.id, label: item.name })), option(quote.opportunity));
  const foreign = form.values.currency.trim().toUpperCase() !== quote.baseCurrency;
  const submit = form.onSubmit((values) => update.mutate(headerPatch({ ...values, currency: values.currency.trim().toUpperCase() }, quote), {
    onSuccess: (saved) => {
      const values = headerValuesOf(saved);
      setValues(values);
      resetDirty(values);
    },
    onError: (error) => form.setErrors(serverFormErrors(error)),
  }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Select label={t('quotes:field.opportunity')} data={opportunityOptions} clearable readOnly={readOnly} comboboxProps={{ withinPortal: true }} {...form.getInputProps('opportunityId')} />
          <Select label={t('quotes:field.contact')} data={contactOptions} clearable searchable readOnly={readOnly} comboboxProps={{ withinPortal: true }} {...form.getInputProps('contactId')} />
          <Select label={t('quotes:field.owner')} data={merge((users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name })), option(quote.owner))} searchable allowDeselect={false}
            readOnly={readOnly} comboboxProps={{ withinPortal: true }} {...form.getInputProps('ownerId')} />
          <Select label={t('quotes:field.language')} data={languages.map((language) => ({ value: language, label: t(`common:language.${language}`) }))} allowDeselect={false} readOnly={readOnly}
            value={form.values.language} onChange={(value) => isLanguage(value) && form.setFieldValue('language', value)} />
          <TextInput label={t('quotes:field.currency')} maxLength={3} readOnly={readOnly} {...form.getInputProps('currency')}
            onChange={(event) => form.setFieldValue('currency', event.currentTarget.value.toUpperCase())} />
          {foreign && (
            <TextInput label={t('quotes:field.exchangeRate', { base: quote.baseCurrency, currency: form.values.currency })} description={t('quotes:field.exchangeRateHint', { base: quote.baseCurrency })}
              inputMode="decimal" readOnly={readOnly} {...form.getInputProps('exchangeRate')} />
          )}
          <DateField label={t('quotes:field.issueDate')} readOnly={readOnly} clearable={false} value={form.values.issueDate} onChange={(value) => form.setFieldValue('issueDate', value)} error={form.errors.issueDate} />
          <DateField label={t('quotes:field.validUntil')} readOnly={readOnly} clearable={false} value={form.values.validUntil} onChange={(value) => form.setFieldValue('validUntil', value)} error={form.errors.validUntil} />
        </SimpleGrid>
        <TextInput label={t('quotes:field.paymentTerms')} readOnly={readOnly} {...form.getInputProps('paymentTerms')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Textarea label={t('quotes:field.notes')} autosize minRows={2} maxRows={8} readOnly={readOnly} {...form.getInputProps('notes')} />
          <Textarea label={t('quotes:field.terms')} autosize minRows={2} maxRows={8} readOnly={readOnly} {...form.getInputProps('terms')} />
        </SimpleGrid>
        <ErrorAlert error={update.error} />
        {!readOnly && form.isDirty() && (
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => form.reset()}>{t('common:action.cancel')}</Button>
            <Button type="submit" loading={update.isPending}>{t('quotes:action.saveHeader')}</Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
