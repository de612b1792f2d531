import type { QuoteSettings } from '@contract/quotes';
import { Badge, Button, FileButton, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPhoto, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors } from '@web/components/form-errors';
import { RecordGuard } from '@web/components/record-guard.component';
import { useQuoteLogo, useQuoteSettings, useUpdateQuoteSettings } from './use-quote-settings';

/** The settings as the form holds them: every text as typed, none null. */
type Values = Pick<QuoteSettings, 'numberPrefix' | 'validityDays' | 'baseCurrency'> & Record<'companyName' | 'companyTaxId' | 'companyAddress' | 'paymentTerms' | 'termsEs' | 'termsEn', string>;

const valuesOf = (settings: QuoteSettings): Values => ({
  numberPrefix: settings.numberPrefix, validityDays: settings.validityDays, baseCurrency: settings.baseCurrency,
  companyName: settings.companyName ?? '', companyTaxId: settings.companyTaxId ?? '', companyAddress: settings.companyAddress ?? '',
  paymentTerms: settings.paymentTerms ?? '', termsEs: settings.termsEs ?? '', termsEn: settings.termsEn ?? '',
});

/** An emptied text is none. */
const text = (value: string): string | null => value.trim() || null;

function LogoField({ settings }: { settings: QuoteSettings }) {
  const { t } = useTranslation();
  const logo = useQuoteLogo();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>{t('quotes:settings.logo')}</Text>
      <Group gap="xs">
        <Badge variant="light" color={settings.hasLogo ? 'teal' : 'gray'}>{t(settings.hasLogo ? 'quotes:settings.logoSet' : 'quotes:settings.logoNone')}</Badge>
        <FileButton accept="image/png,image/jpeg" onChange={(file) => file && logo.mutate(file)}>
          {(props) => <Button {...props} size="xs" variant="default" leftSection={<IconPhoto size={14} />} loading={logo.isPending}>{t('quotes:settings.logoUpload')}</Button>}
        </FileButton>
        {settings.hasLogo && <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => logo.mutate(null)}>{t('quotes:settings.logoRemove')}</Button>}
      </Group>
      <Text size="xs" c="dimmed">{t('quotes:settings.logoHint')}</Text>
      <ErrorAlert error={logo.error} />
    </Stack>
  );
}

function SettingsForm({ settings }: { settings: QuoteSettings }) {
  const { t } = useTranslation();
  const update = useUpdateQuoteSettings();
  const form = useForm<Values>({ initialValues: valuesOf(settings) });
  const submit = form.onSubmit((values) => update.mutate(
    {
      version: settings.version, numberPrefix: values.numberPrefix, validityDays: values.validityDays, baseCurrency: values.baseCurrency,
      companyName: text(values.companyName), companyTaxId: text(values.companyTaxId), companyAddress: text(values.companyAddress),
      paymentTerms: text(values.paymentTerms), termsEs: text(values.termsEs), termsEn: text(values.termsEn),
    },
    { onSuccess: (saved) => form.resetDirty(valuesOf(saved)), onError: (error) => form.setErrors(serverFormErrors(error)) },
  ));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('quotes:settings.numberPrefix')} description={t('quotes:settings.numberPrefixHint', { prefix: form.values.numberPrefix })} {...form.getInputProps('numberPrefix')} />
            <NumberInput label={t('quotes:settings.validityDays')} min={1} max={365} allowDecimal={false} {...form.getInputProps('validityDays')} />
            <TextInput label={t('quotes:settings.baseCurrency')} maxLength={3} {...form.getInputProps('baseCurrency')} onChange={(event) => form.setFieldValue('baseCurrency', event.currentTarget.value.toUpperCase())} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('quotes:settings.companyName')} {...form.getInputProps('companyName')} />
              <TextInput label={t('quotes:settings.companyTaxId')} {...form.getInputProps('companyTaxId')} />
            </SimpleGrid>
            <Textarea label={t('quotes:settings.companyAddress')} autosize minRows={2} {...form.getInputProps('companyAddress')} />
            <LogoField settings={settings} />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <TextInput label={t('quotes:field.paymentTerms')} {...form.getInputProps('paymentTerms')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Textarea label={t('quotes:settings.termsEs')} autosize minRows={3} maxRows={10} {...form.getInputProps('termsEs')} />
              <Textarea label={t('quotes:settings.termsEn')} autosize minRows={3} maxRows={10} {...form.getInputProps('termsEn')} />
            </SimpleGrid>
          </Stack>
        </Paper>
        <ErrorAlert error={update.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>{t('common:action.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Admins set how quotes are numbered (prefix per year), how long they are valid, the base currency and the company on the PDF. */
export function QuoteSettingsPage() {
  const { t } = useTranslation();
  const settings = useQuoteSettings();
  return (
    <Stack gap="md">
      <Title order={2}>{t('quotes:settings.title')}</Title>
      <Text size="sm" c="dimmed">{t('quotes:settings.intro')}</Text>
      <RecordGuard query={settings}>{(data) => <SettingsForm key={data.version} settings={data} />}</RecordGuard>
    </Stack>
  );
}
