import type { RegistrySetting } from '@contract/registry';
import { Button, Group, Paper, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors } from '@web/components/form-errors';
import { countryFlag } from './country-flag';
import { PeruLoad } from './peru-load.component';
import { useUpdateRegistrySetting } from './use-registry-settings';

/** One register: on or off, its credentials (write-only), where it is asked. */
export function RegistrySettingCard({ setting, secretKeySet }: { setting: RegistrySetting; secretKeySet: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateRegistrySetting(setting.country);
  const [enabled, setEnabled] = useState(setting.enabled);
  const [clientId, setClientId] = useState(setting.clientId ?? '');
  const [contact, setContact] = useState(setting.contact ?? '');
  const [secret, setSecret] = useState('');
  const errors = serverFormErrors(update.error);
  const needsSecret = setting.needs.includes('apiKey') || setting.needs.includes('clientSecret');
  const secretLabel = setting.needs.includes('apiKey') ? t('registry:settings.apiKey') : t('registry:settings.clientSecret');

  const save = (change: { secret?: string | null } = {}) => {
    update.mutate({
      version: setting.version,
      enabled,
      ...(setting.needs.includes('clientId') ? { clientId: clientId.trim() || null } : {}),
      ...(setting.needs.includes('contact') ? { contact: contact.trim() || null } : {}),
      ...(secret.trim() ? { secret: secret.trim() } : {}),
      ...change,
    }, { onSuccess: () => setSecret('') });
  };

  return (
    <Paper withBorder p="md" data-testid={`registry-setting-${setting.country}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={4}>
            <span aria-hidden>{countryFlag(setting.country)}</span> {t(`registry:settings.name.${setting.country}`)}
          </Title>
          <Switch label={t('registry:settings.enabled')} checked={enabled} onChange={(event) => setEnabled(event.currentTarget.checked)} error={errors.enabled} />
        </Group>
        <Text size="sm" c="dimmed">{t(`registry:settings.about.${setting.country}`)}</Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{t('registry:settings.baseUrl', { url: setting.baseUrl })}</Text>
        {setting.needs.includes('clientId') && (
          <TextInput label={t('registry:settings.clientId')} value={clientId} onChange={(event) => setClientId(event.currentTarget.value)} error={errors.clientId} />
        )}
        {setting.needs.includes('contact') && (
          <TextInput label={t('registry:settings.contact')} description={t('registry:settings.contactHint')} value={contact} onChange={(event) => setContact(event.currentTarget.value)} error={errors.contact} />
        )}
        {needsSecret && (
          setting.secretFromEnvironment ? (
            <Text size="sm">{t('registry:settings.secretFromEnvironment', { what: secretLabel })}</Text>
          ) : (
            <Group align="flex-end" gap="xs" wrap="wrap">
              <PasswordInput
                label={secretLabel}
                description={setting.secretSet ? t('registry:settings.secretSet') : secretKeySet ? t('registry:settings.secretNotSet') : t('registry:settings.secretKeyMissing')}
                placeholder={setting.secretSet ? '••••••••' : ''}
                value={secret}
                onChange={(event) => setSecret(event.currentTarget.value)}
                error={errors.secret}
                autoComplete="new-password"
                style={{ flex: 1, minWidth: 220 }}
                disabled={!secretKeySet}
              />
              {setting.secretSet && (
                <Button variant="subtle" color="red" onClick={() => save({ secret: null })} loading={update.isPending}>
                  {t('registry:settings.removeSecret')}
                </Button>
              )}
            </Group>
          )
        )}
        {setting.country === 'PE' && <PeruLoad setting={setting} />}
        {update.error && Object.keys(errors).length === 0 && <ErrorAlert error={update.error} />}
        <Group justify="flex-end">
          <Button onClick={() => save()} loading={update.isPending}>{t('registry:settings.save')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
