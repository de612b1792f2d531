import { Alert, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { CreditCheckAll } from '@web/features/credit/credit-check-all.component';
import { RegistrySettingCard } from './registry-setting-card.component';
import { useRegistrySettings } from './use-registry-settings';

/** Admins turn the company registers on, give their keys, and load Peru's file. */
export function RegistrySettingsPage() {
  const { t } = useTranslation();
  const settings = useRegistrySettings();
  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>{t('registry:settings.title')}</Title>
      <Text size="sm" c="dimmed">{t('registry:settings.intro')}</Text>
      <ErrorAlert error={settings.error} />
      {settings.data && !settings.data.secretKeySet && <Alert color="yellow">{t('registry:settings.noSecretKey')}</Alert>}
      {settings.isPending ? (
        <Center py="xl"><Loader /></Center>
      ) : (
        settings.data?.items.map((setting) => (
          <RegistrySettingCard key={`${setting.country}-${setting.version}`} setting={setting} secretKeySet={settings.data.secretKeySet} />
        ))
      )}
      <CreditCheckAll />
    </Stack>
  );
}
