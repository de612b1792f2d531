import { passwordChangeSchema } from '@contract/auth';
import { Button, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@web/app/api-client';
import { ErrorAlert } from '@web/components/error-alert.component';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { notifications } from '@web/components/notifications';
import { useChangePassword } from './use-change-password';

export function PasswordForm() {
  const { t } = useTranslation();
  const changePassword = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: (values) => {
      const errors = validatePayload(passwordChangeSchema, values);
      if (!errors.confirmPassword && values.confirmPassword !== values.newPassword) {
        errors.confirmPassword = t('validation:passwordsDiffer');
      }
      return errors;
    },
  });

  const submit = form.onSubmit(({ currentPassword, newPassword }) =>
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: 'teal', message: t('auth:password.changed') });
        },
        onError: (error) => {
          const errors = serverFormErrors(error);
          if (isApiError(error, 'wrong_password')) errors.currentPassword ??= error.message;
          form.setErrors(errors);
        },
      },
    ),
  );

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4}>{t('auth:password.title')}</Title>
          <PasswordInput label={t('auth:password.current')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
          <PasswordInput
            label={t('auth:password.new')}
            description={t('auth:field.passwordHint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput label={t('auth:password.confirm')} autoComplete="new-password" required {...form.getInputProps('confirmPassword')} />
          {!isApiError(changePassword.error, 'wrong_password') && <ErrorAlert error={changePassword.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={changePassword.isPending}>
              {t('auth:password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
