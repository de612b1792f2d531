import { languages } from '@contract/common';
import type { Quote } from '@contract/quotes';
import { Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '@web/components/date-field.component';
import { serverFormErrors } from '@web/components/form-errors';
import { useContacts } from '@web/features/accounts/use-contacts';
import { useOpportunities } from '@web/features/opportunities/use-opportunities';
import { useUserOptions } from '@web/features/users/use-user-options';
import { headerPatch, headerValuesOf, isLanguage, type HeaderValues } from './quote-header-values';
import type { Autosave } from './use-quote-autosave';
import { saveQuoteHeader } from './use-quote-mutations';

/** The same object for as long as its content is the same: a new one only when something changed. */
function useSameValue<T>(value: T): T {
  const kept = useRef(value);
  if (JSON.stringify(kept.current) !== JSON.stringify(value)) kept.current = value;
  return kept.current;
}

/** The quote's header: whom it is for, currency and rate, dates, terms; a draft's saved as it changes, a sent quote's read-only. */
export function QuoteHeaderForm({ quote, autosave }: { quote: Quote; autosave: Autosave }) {
  const { t } = useTranslation();
  const readOnly = !quote.abilities.edit;
  const contacts = useContacts(quote.account.id);
  const opportunities = useOpportunities({ organizationId: quote.account.id, sort: '-createdAt', limit: 50 });
  const users = useUserOptions();
  const form = useForm<HeaderValues>({ initialValues: headerValuesOf(quote) });
  const { setValues, resetDirty, setErrors, clearErrors } = form;
  // What differs from the saved quote (its version aside): due for saving while there is any.
  const { version: _version, ...patch } = headerPatch({ ...form.values, currency: form.values.currency.trim().toUpperCase() }, quote);
  const changes = useSameValue(patch);
  const id = quote.id;
  const due = useMemo(() => (readOnly || Object.keys(changes).length === 0 ? null : (version: number) => saveQuoteHeader(id, { ...changes, version })), [readOnly, changes, id]);
  const { report } = autosave;
  useEffect(() => report('header', { due, invalid: false, onSaved: () => clearErrors(), onFailed: (error) => setErrors(serverFormErrors(error)) }), [report, due, clearErrors, setErrors]);
  const dirty = useRef(false);
  dirty.current = due !== null;
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
  return (
    <form onSubmit={(event) => event.preventDefault()} noValidate>
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
      </Stack>
    </form>
  );
}
