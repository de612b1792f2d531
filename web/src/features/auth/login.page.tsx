import { loginSchema } from '@contract/auth';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { validatePayload } from '@web/components/form-errors';
import { AuthCard } from './auth-card.component';
import { useLogin } from './use-login';

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: (values) => validatePayload(loginSchema, values),
  });

  return (
    <AuthCard title={t('auth:login.title')}>
      <form onSubmit={form.onSubmit((values) => login.mutate(loginSchema.parse(values)))} noValidate>
        <Stack gap="sm">
          <TextInput label={t('auth:field.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput
            label={t('auth:field.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <ErrorAlert error={login.error} />
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('auth:login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
