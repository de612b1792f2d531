import type { TaxRate } from '@contract/products';
import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors } from '@web/components/form-errors';
import { decimalOf } from '@web/features/quotes/quote-line-values';
import { useSaveTaxRate } from './use-tax-rates';

type Values = { es: string; en: string; rate: string };

/** Adds a tax rate or renames one; its percentage changes only future lines (saved quotes keep theirs). */
export function TaxRateModal({ rate, onClose }: { rate: TaxRate | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const save = useSaveTaxRate(rate?.id ?? null);
  const form = useForm<Values>({
    initialValues: { es: rate?.labels.es ?? '', en: rate?.labels.en ?? '', rate: rate ? new Intl.NumberFormat(i18n.language, { useGrouping: false }).format(rate.rate) : '' },
    validate: {
      es: (value) => (value.trim() ? null : t('validation:required')),
      en: (value) => (value.trim() ? null : t('validation:required')),
      rate: (value) => (decimalOf(value) === null ? t('validation:invalid') : null),
    },
  });
  const submit = form.onSubmit((values) => {
    const percent = decimalOf(values.rate) ?? 0;
    const labels = { es: values.es.trim(), en: values.en.trim() };
    save.mutate(rate ? { version: rate.version, labels, rate: percent } : { labels, rate: percent }, { onSuccess: onClose, onError: (error) => form.setErrors(serverFormErrors(error)) });
  });
  return (
    <Modal opened onClose={onClose} title={t(rate ? 'catalog:taxRates.editTitle' : 'catalog:taxRates.createTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('catalog:taxRates.labelEs')} required data-autofocus {...form.getInputProps('es')} />
            <TextInput label={t('catalog:taxRates.labelEn')} required {...form.getInputProps('en')} />
          </SimpleGrid>
          <TextInput label={t('catalog:taxRates.rate')} inputMode="decimal" required rightSection="%" {...form.getInputProps('rate')} />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common:action.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{t('common:action.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
