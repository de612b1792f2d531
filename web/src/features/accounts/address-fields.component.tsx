import { Button, Fieldset, Group, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AccountFormValues, AddressKey } from './account-form-values';

/** Which addresses each one can be copied from (seed 003: billing is often the postal one). */
const copySources: Record<AddressKey, AddressKey[]> = {
  visit: ['postal'],
  postal: ['visit'],
  billing: ['postal', 'visit'],
};

export function AddressFields({ form, kind }: { form: UseFormReturnType<AccountFormValues>; kind: AddressKey }) {
  const { t } = useTranslation();
  const path = `addresses.${kind}` as const;
  const hasAny = (source: AddressKey) => Object.values(form.values.addresses[source]).some((value) => value.trim() !== '');
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
      <Group gap="xs" mt="sm">
        {copySources[kind].map((source) => (
          <Button
            key={source}
            variant="light"
            size="compact-sm"
            leftSection={<IconCopy size={14} />}
            disabled={!hasAny(source)}
            onClick={() => form.setFieldValue(path, { ...form.values.addresses[source] })}
          >
            {t('company:copy.from', { address: t(`company:copy.${source}`) })}
          </Button>
        ))}
      </Group>
    </Fieldset>
  );
}
