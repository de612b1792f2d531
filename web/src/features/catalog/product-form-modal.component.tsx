import type { Product } from '@contract/products';
import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors } from '@web/components/form-errors';
import { ListSelect } from '@web/features/lists/list-select.component';
import { productPayload, productUpdate, productValuesOf, type ProductFormValues } from './product-form-values';
import { ProductImageField } from './product-image.component';
import { useSaveProduct } from './use-products';
import { useTaxRateLabel, useTaxRates } from './use-tax-rates';

type Props = { product: Product | null; onClose: () => void };

/** Creates a product or service, or edits one: code, name, kind, unit, list price with its currency, default tax rate, picture. */
export function ProductFormModal({ product, onClose }: Props) {
  const { t } = useTranslation();
  // A new picture moves the product's version on: the form saves against the product as it now is.
  const [current, setCurrent] = useState(product);
  const save = useSaveProduct(product?.id ?? null);
  const rates = useTaxRates(true);
  const rateLabel = useTaxRateLabel();
  const form = useForm<ProductFormValues>({
    initialValues: productValuesOf(product, 'EUR'),
    validate: {
      code: (value) => (value.trim() ? null : t('validation:required')),
      name: (value) => (value.trim() ? null : t('validation:required')),
      unit: (value) => (value ? null : t('validation:required')),
      price: (_value, values) => (productPayload(values) === null ? t('validation:invalid') : null),
    },
  });
  const submit = form.onSubmit((values) => {
    const payload = productPayload(values);
    if (!payload) return;
    save.mutate(current ? productUpdate(payload, current) : payload, { onSuccess: onClose, onError: (error) => form.setErrors(serverFormErrors(error)) });
  });
  const rateOptions = (rates.data?.items ?? []).filter((rate) => rate.active || rate.id === form.values.taxRateId).map((rate) => ({ value: rate.id, label: rateLabel(rate) }));
  return (
    <Modal opened onClose={onClose} size="lg" title={t(product ? 'catalog:form.editTitle' : 'catalog:form.createTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {current ? <ProductImageField product={current} onChanged={setCurrent} /> : <Text size="xs" c="dimmed">{t('catalog:image.afterCreate')}</Text>}
          <SegmentedControl data={[{ value: 'product', label: t('catalog:kind.product') }, { value: 'service', label: t('catalog:kind.service') }]} value={form.values.kind}
            onChange={(value) => form.setFieldValue('kind', value === 'service' ? 'service' : 'product')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('catalog:field.code')} required data-autofocus {...form.getInputProps('code')} />
            <TextInput label={t('catalog:field.name')} required {...form.getInputProps('name')} />
          </SimpleGrid>
          <Textarea label={t('catalog:field.description')} autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <ListSelect listKey="product_unit" label={t('catalog:field.unit')} required {...form.getInputProps('unit')} />
            <ListSelect listKey="product_category" label={t('catalog:field.category')} {...form.getInputProps('category')} />
            <TextInput label={t('catalog:field.price')} inputMode="decimal" required {...form.getInputProps('price')} />
            <TextInput label={t('catalog:field.currency')} maxLength={3} {...form.getInputProps('currency')} onChange={(event) => form.setFieldValue('currency', event.currentTarget.value.toUpperCase())} />
            <Select label={t('catalog:field.taxRate')} data={rateOptions} clearable comboboxProps={{ withinPortal: true }} {...form.getInputProps('taxRateId')} />
          </SimpleGrid>
          <Switch label={t('catalog:field.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
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
