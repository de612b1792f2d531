import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { AccountFormValues, AddressKey } from './account-form-values';

export function AddressFields({ form, kind }: { form: UseFormReturnType<AccountFormValues>; kind: AddressKey }) {
  const { t } = useTranslation();
  const path = `addresses.${kind}` as const;
  return (
    <Fieldset legend={t(`accounts:address.${kind}`)}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('accounts:address.street')} {...form.getInputProps(`${path}.street`)} />
        <TextInput label={t('accounts:address.postalCode')} {...form.getInputProps(`${path}.postalCode`)} />
        <TextInput label={t('accounts:address.city')} {...form.getInputProps(`${path}.city`)} />
        <TextInput label={t('accounts:address.region')} {...form.getInputProps(`${path}.region`)} />
        <TextInput
          label={t('accounts:address.country')}
          description={t('accounts:address.countryHint')}
          maxLength={2}
          {...form.getInputProps(`${path}.country`)}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
