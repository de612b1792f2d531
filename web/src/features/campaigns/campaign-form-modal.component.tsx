import { campaignStatuses, type Campaign, type CampaignStatus } from '@contract/campaigns';
import { minorDigits, minorUnits } from '@contract/money';
import type { Product } from '@contract/products';
import { Modal, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from '@web/components/date-field.component';
import { FormActions } from '@web/components/form-actions.component';
import { serverFormErrors } from '@web/components/form-errors';
import { useCurrentUser } from '@web/features/auth/session';
import { useUserOptions } from '@web/features/users/use-user-options';
import { CatalogProductPicker } from './catalog-product-picker.component';
import { useSaveCampaign } from './use-campaigns';

type Values = {
  name: string; product: string; catalogProduct: Campaign['catalogProduct']; price: string; currency: string; startsOn: string | null; endsOn: string | null;
  status: CampaignStatus; description: string; responsibleIds: string[];
};

type Props = { campaign?: Campaign; onClose: () => void; onSaved?: (campaign: Campaign) => void };

const priceText = (campaign: Campaign | undefined): string => {
  if (!campaign || campaign.price === null || !campaign.currency) return '';
  const digits = minorDigits(campaign.currency);
  return (campaign.price / 10 ** digits).toFixed(digits);
};

/** Creates a campaign or edits one: what it promotes, at what price, when, and who runs it. */
export function CampaignFormModal({ campaign, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useUserOptions();
  const save = useSaveCampaign();
  const form = useForm<Values>({
    initialValues: {
      name: campaign?.name ?? '', product: campaign?.product ?? '', catalogProduct: campaign?.catalogProduct ?? null, price: priceText(campaign), currency: campaign?.currency ?? 'EUR',
      startsOn: campaign?.startsOn ?? null, endsOn: campaign?.endsOn ?? null, status: campaign?.status ?? 'planned',
      description: campaign?.description ?? '', responsibleIds: campaign?.responsibles.map((user) => user.id) ?? [me.id],
    },
    validate: {
      name: (value) => (value.trim() ? null : t('validation:required')),
      startsOn: (value) => (value ? null : t('validation:required')),
      endsOn: (value) => (value ? null : t('validation:required')),
      price: (value, values) => (value.trim() === '' || minorUnits(value, values.currency.toUpperCase()) !== null ? null : t('campaigns:form.badPrice')),
    },
  });

  const submit = form.onSubmit((values) => {
    const currency = values.currency.trim().toUpperCase();
    const price = values.price.trim() === '' ? null : minorUnits(values.price, currency);
    const body = {
      name: values.name, product: values.product, productId: values.catalogProduct?.id ?? null, price, currency: price === null ? null : currency, startsOn: values.startsOn ?? '', endsOn: values.endsOn ?? '',
      status: values.status, description: values.description, responsibleIds: values.responsibleIds,
    };
    save.mutate(
      { id: campaign?.id ?? null, body: campaign ? { ...body, version: campaign.version } : body },
      { onSuccess: (saved) => { onSaved?.(saved); onClose(); }, onError: (error) => form.setErrors(serverFormErrors(error)) },
    );
  });

  // A catalog product fills what is still empty: the product's name, its price and currency.
  const pickProduct = (product: Product | null) => {
    form.setFieldValue('catalogProduct', product ? { id: product.id, code: product.code, name: product.name } : null);
    if (!product) return;
    if (!form.values.product.trim()) form.setFieldValue('product', product.name);
    if (!form.values.price.trim()) {
      const digits = minorDigits(product.currency);
      form.setFieldValue('price', (product.price / 10 ** digits).toFixed(digits));
      form.setFieldValue('currency', product.currency);
    }
  };

  const userData = (users.data?.items ?? []).filter((user) => user.active || form.values.responsibleIds.includes(user.id)).map((user) => ({ value: user.id, label: user.name }));

  return (
    <Modal opened onClose={onClose} title={t(campaign ? 'campaigns:form.editTitle' : 'campaigns:form.newTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('campaigns:field.name')} required data-autofocus {...form.getInputProps('name')} />
          <CatalogProductPicker value={form.values.catalogProduct} onChange={pickProduct} />
          <TextInput label={t('campaigns:field.product')} description={t('campaigns:form.productHint')} {...form.getInputProps('product')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('campaigns:field.price')} inputMode="decimal" {...form.getInputProps('price')} />
            <TextInput label={t('campaigns:field.currency')} maxLength={3} {...form.getInputProps('currency')} />
            <DateField label={t('campaigns:field.startsOn')} required value={form.values.startsOn} onChange={(value) => form.setFieldValue('startsOn', value)} error={form.errors.startsOn} />
            <DateField label={t('campaigns:field.endsOn')} required value={form.values.endsOn} onChange={(value) => form.setFieldValue('endsOn', value)} error={form.errors.endsOn} />
          </SimpleGrid>
          <Select
            label={t('campaigns:field.status')}
            data={campaignStatuses.map((status) => ({ value: status, label: t(`campaigns:status.${status}`) }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('status')}
          />
          <MultiSelect label={t('campaigns:field.responsibles')} data={userData} searchable comboboxProps={{ withinPortal: true }} {...form.getInputProps('responsibleIds')} />
          <Textarea label={t('campaigns:field.description')} autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
          <FormActions error={save.error} pending={save.isPending} submitLabel={t('common:action.save')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
