import { Select, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from '@web/components/date-field.component';
import { ListSelect } from '@web/features/lists/list-select.component';
import type { AccountFormValues } from './account-form-values';
import { languageName, nationalIdLabel, personLanguages } from './id-labels';
import { accountCountry } from './use-account-form';

/** What a person has and a company has not: birth date, national id, preferred channel and language. */
export function PersonFields({ form }: { form: UseFormReturnType<AccountFormValues> }) {
  const { t, i18n } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  const languages: Array<{ value: string; label: string }> = personLanguages.map((code) => ({ value: code, label: languageName(code, i18n.language) }));
  if (form.values.language && !personLanguages.some((code) => code === form.values.language)) {
    languages.push({ value: form.values.language, label: languageName(form.values.language, i18n.language) });
  }
  return (
    <>
      <DateField
        label={t('accounts:field.birthDate')}
        minDate="1900-01-01"
        maxDate={today}
        defaultLevel="decade"
        value={form.values.birthDate}
        onChange={(value) => form.setFieldValue('birthDate', value)}
        error={form.errors.birthDate}
        data-path="birthDate"
      />
      <TextInput label={nationalIdLabel(t, accountCountry(form.values))} {...form.getInputProps('nationalId')} />
      <ListSelect
        listKey="contact_channel"
        label={t('accounts:field.preferredChannel')}
        value={form.values.preferredChannel}
        onChange={(value) => form.setFieldValue('preferredChannel', value)}
        error={form.errors.preferredChannel}
      />
      <Select
        label={t('accounts:field.language')}
        clearable
        searchable
        data={languages}
        value={form.values.language}
        onChange={(value) => form.setFieldValue('language', value)}
        error={form.errors.language}
        comboboxProps={{ withinPortal: true }}
      />
    </>
  );
}
