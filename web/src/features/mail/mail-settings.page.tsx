import type { MailSettings, TlsMode } from '@contract/emails';
import { tlsModes } from '@contract/emails';
import { Alert, Button, Center, Checkbox, Group, Loader, NumberInput, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors } from '@web/components/form-errors';
import { OutboxPanel } from './outbox-panel.component';
import { useMailSettings, useSaveMailSettings, useSendTest } from './use-mail-settings';

/** Administration › E-mail: the SMTP server, the sending rate, "send me a test" and the outbox. */
export function MailSettingsPage() {
  const { t } = useTranslation();
  const settings = useMailSettings();
  if (settings.isPending) return <Center py="xl"><Loader /></Center>;
  if (!settings.data) return <ErrorAlert error={settings.error} />;
  return (
    <Stack gap="md" maw={760}>
      <Title order={2}>{t('mail:settings.title')}</Title>
      <Text c="dimmed" size="sm">{t('mail:settings.intro')}</Text>
      <SettingsForm key={settings.data.version} settings={settings.data} />
      <TestPanel />
      <OutboxPanel />
    </Stack>
  );
}

function SettingsForm({ settings }: { settings: MailSettings }) {
  const { t } = useTranslation();
  const save = useSaveMailSettings();
  const readOnly = settings.source === 'environment';
  const [host, setHost] = useState(settings.host ?? '');
  const [port, setPort] = useState<number | string>(settings.port ?? 587);
  const [tlsMode, setTlsMode] = useState<TlsMode>(settings.tlsMode);
  const [username, setUsername] = useState(settings.username ?? '');
  const [password, setPassword] = useState('');
  const [removePassword, setRemovePassword] = useState(false);
  const [fromAddress, setFromAddress] = useState(settings.fromAddress ?? '');
  const [fromName, setFromName] = useState(settings.fromName ?? '');
  const [replyTo, setReplyTo] = useState(settings.replyTo ?? '');
  const [rate, setRate] = useState<number | string>(settings.ratePerMinute);
  const errors = serverFormErrors(save.error);
  const error = (field: string) => errors[field];

  const submit = () => {
    const ratePerMinute = Number(rate);
    if (readOnly) {
      save.mutate({ version: settings.version, ratePerMinute, rateOnly: true });
      return;
    }
    save.mutate({
      version: settings.version, host: host.trim(), port: Number(port), tlsMode, username: username.trim() || null,
      ...(removePassword ? { password: null } : password ? { password } : {}),
      fromAddress: fromAddress.trim(), fromName: fromName.trim() || null, replyTo: replyTo.trim() || null, ratePerMinute,
    });
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <Stack gap="sm">
          {readOnly && <Alert color="blue">{t('mail:settings.fromEnvironment')}</Alert>}
          {settings.source === 'none' && <Alert color="yellow">{t('mail:settings.notConfigured')}</Alert>}
          {!readOnly && !settings.secretKeySet && <Alert color="gray">{t('mail:settings.secretKeyMissing')}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('mail:settings.host')} value={host} onChange={(event) => setHost(event.currentTarget.value)} readOnly={readOnly} required={!readOnly} error={error('host')} />
            <NumberInput label={t('mail:settings.port')} value={port} onChange={setPort} min={1} max={65535} readOnly={readOnly} error={error('port')} />
          </SimpleGrid>
          <Select
            label={t('mail:settings.tlsMode')} value={tlsMode} readOnly={readOnly} allowDeselect={false}
            data={tlsModes.map((mode) => ({ value: mode, label: t(`mail:settings.tls.${mode}`) }))}
            onChange={(value) => { const mode = tlsModes.find((item) => item === value); if (mode) setTlsMode(mode); }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('mail:settings.username')} value={username} onChange={(event) => setUsername(event.currentTarget.value)} readOnly={readOnly} autoComplete="off" />
            {!readOnly && (
              <PasswordInput
                label={t('mail:settings.password')} value={password} onChange={(event) => setPassword(event.currentTarget.value)} autoComplete="new-password"
                description={settings.passwordSet ? t('mail:settings.passwordKept') : undefined} error={error('password')} disabled={removePassword}
              />
            )}
          </SimpleGrid>
          {!readOnly && settings.passwordSet && <Checkbox label={t('mail:settings.removePassword')} checked={removePassword} onChange={(event) => setRemovePassword(event.currentTarget.checked)} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('mail:settings.fromAddress')} type="email" value={fromAddress} onChange={(event) => setFromAddress(event.currentTarget.value)} readOnly={readOnly} required={!readOnly} error={error('fromAddress')} />
            <TextInput label={t('mail:settings.fromName')} value={fromName} onChange={(event) => setFromName(event.currentTarget.value)} readOnly={readOnly} />
          </SimpleGrid>
          <TextInput label={t('mail:settings.replyTo')} type="email" value={replyTo} onChange={(event) => setReplyTo(event.currentTarget.value)} readOnly={readOnly} error={error('replyTo')} />
          <NumberInput label={t('mail:settings.rate')} description={t('mail:settings.rateHelp')} value={rate} onChange={setRate} min={1} max={10000} error={error('ratePerMinute')} />
          <ErrorAlert error={save.error} />
          {save.isSuccess && <Alert color="teal">{t('mail:settings.saved')}</Alert>}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>{readOnly ? t('mail:settings.saveRate') : t('mail:settings.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function TestPanel() {
  const { t } = useTranslation();
  const test = useSendTest();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 200 }}>{t('mail:settings.testHelp')}</Text>
          <Button variant="light" leftSection={<IconSend size={16} />} loading={test.isPending} onClick={() => test.mutate()}>{t('mail:settings.test')}</Button>
        </Group>
        <ErrorAlert error={test.error} />
        {test.data && (
          <Alert color={test.data.ok ? 'teal' : 'red'} data-testid="mail-test-result">
            {t(test.data.ok ? 'mail:settings.testOk' : 'mail:settings.testFailed', { to: test.data.to, response: test.data.response })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
