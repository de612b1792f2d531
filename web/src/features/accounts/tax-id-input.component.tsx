import { TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { checkTaxId, taxIdCountries } from '@contract/tax-id';
import { useTranslation } from 'react-i18next';
import type { AccountFormValues } from './account-form-values';
import { taxIdLabel } from './id-labels';
import { accountCountry } from './use-account-form';

/** The tax id field, explaining as you type which id the country expects and whether this one is valid (the same check the server makes). */
export function TaxIdInput({ form }: { form: UseFormReturnType<AccountFormValues> }) {
  const { t } = useTranslation();
  const value = form.values.taxId.trim();
  const country = accountCountry(form.values);
  const known = country !== null && taxIdCountries.includes(country);
  const kinds = known ? t(`company:taxId.kinds.${country}`) : '';
  const check = value ? checkTaxId(value, country) : null;

  let hint: string;
  let color: 'dimmed' | 'teal' | 'red' = 'dimmed';
  if (!check) {
    hint = known ? t('company:taxId.expected', { kinds }) : country ? t('company:taxId.expectedLenient') : t('company:taxId.noCountry');
  } else if (check.valid) {
    hint = known ? t('company:taxId.valid', { kind: check.kind ?? kinds }) : t('company:taxId.validLenient');
    color = 'teal';
  } else {
    hint = known ? t('company:taxId.invalid', { kinds }) : t('company:taxId.invalidLenient');
    color = 'red';
  }
  return (
    <TextInput
      label={taxIdLabel(t, country)}
      description={hint}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      styles={{ description: { color: color === 'dimmed' ? undefined : `var(--mantine-color-${color}-7)` } }}
      data-tax-id-state={check ? (check.valid ? 'valid' : 'invalid') : 'empty'}
      {...form.getInputProps('taxId')}
    />
  );
}
