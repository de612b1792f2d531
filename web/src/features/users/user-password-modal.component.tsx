import { userPasswordResetSchema, type User } from '@contract/users';
import { Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { serverFormErrors, validatePayload } from '@web/components/form-errors';
import { notifications } from '@web/components/notifications';
import { useResetPassword } from './use-reset-password';
import { FormActions } from '@web/components/form-actions.component';

export function UserPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useResetPassword(user.id);
  const form = useForm({ initialValues: { password: '' }, validate: (values) => validatePayload(userPasswordResetSchema, values) });

  const submit = form.onSubmit(({ password }) =>
    reset.mutate(password, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('users:password.done', { name: user.name }) });
        onClose();
      },
      onError: (error) => form.setErrors(serverFormErrors(error)),
    }),
  );

  return (
    <Modal opened onClose={onClose} title={t('users:password.title', { name: user.name })} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('users:password.intro')}</Text>
          <PasswordInput
            label={t('users:password.new')}
            description={t('auth:field.passwordHint')}
            autoComplete="new-password"
            required
            data-autofocus
            {...form.getInputProps('password')}
          />
          <FormActions error={reset.error} pending={reset.isPending} submitLabel={t('users:password.submit')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
