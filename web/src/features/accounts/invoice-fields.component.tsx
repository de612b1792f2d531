import { invoiceDeliveries, type InvoiceDelivery } from '@contract/accounts';
import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useTeams } from '@web/features/users/use-teams';
import type { AccountFormValues } from './account-form-values';

const isDelivery = (value: string | null): value is InvoiceDelivery => invoiceDeliveries.some((option) => option === value);

/** The invoice box and the team of seed 003's company card. */
export function InvoiceFields({ form }: { form: UseFormReturnType<AccountFormValues> }) {
  const { t } = useTranslation();
  const teams = useTeams();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={t('company:invoicing.delivery')}
        placeholder={t('company:invoicing.deliveryNone')}
        clearable
        data={invoiceDeliveries.map((value) => ({ value, label: t(`company:invoicing.option.${value}`) }))}
        value={form.values.invoiceDelivery}
        onChange={(value) => form.setFieldValue('invoiceDelivery', isDelivery(value) ? value : null)}
        error={form.errors.invoiceDelivery}
      />
      <TextInput label={t('company:invoicing.email')} description={t('company:invoicing.emailHint')} type="email" {...form.getInputProps('invoiceEmail')} />
      <NumberInput
        label={t('company:invoicing.creditDays')}
        description={t('company:invoicing.creditDaysHint')}
        min={0}
        max={365}
        allowDecimal={false}
        allowNegative={false}
        {...form.getInputProps('creditDays')}
      />
      <Select
        label={t('company:team.label')}
        description={t('company:team.hint')}
        placeholder={t('company:team.none')}
        clearable
        searchable
        data={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name }))}
        value={form.values.teamId}
        onChange={(value) => form.setFieldValue('teamId', value)}
        error={form.errors.teamId}
      />
    </SimpleGrid>
  );
}
