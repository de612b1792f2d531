import { setupSchema } from '@contract/auth';
import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@web/app/i18n';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { AuthCard } from './auth-card.component';
import { useSetup } from './use-setup';

/** First run: there is no user yet, so the first one created is the administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  const setup = useSetup();
  const form = useForm({
    initialValues: { name: '', email: '', password: '' },
    validate: (values) => validatePayload(setupSchema, { ...values, language: currentLanguage() }),
  });

  const submit = form.onSubmit((values) =>
    setup.mutate({ ...values, language: currentLanguage() }, { onError: (error) => form.setErrors(serverFormErrors(error)) }),
  );

  return (
    <AuthCard title={t('auth:setup.title')}>
      <Text size="sm" c="dimmed">
        {t('auth:setup.intro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('auth:field.name')} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput label={t('auth:field.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput
            label={t('auth:field.password')}
            description={t('auth:field.passwordHint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <ErrorAlert error={setup.error} />
          <Button type="submit" loading={setup.isPending} fullWidth>
            {t('auth:setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
